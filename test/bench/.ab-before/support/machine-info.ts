import { cpus, totalmem } from 'node:os';

/** What the figures were measured on: they are only comparable within one run on one machine. */
export function machineInfo(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}-${process.arch}`;
}
