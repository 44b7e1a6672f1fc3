import { readFileSync } from 'node:fs';
import { type LoadResult, runLoad } from './autocannon';

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name, which may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export type MeasuredLoad = LoadResult & {
  /** The server process's CPU time (user + system) over the load, per request. */
  cpuUsPerRequest: number;
};

/**
 * autocannon's load on a server process, with that process's CPU time per request beside
 * requests/s: less sensitive to what else the machine runs.
 */
export async function measureLoad(pid: number, load: Parameters<typeof runLoad>[0]): Promise<MeasuredLoad> {
  const cpuBefore = processCpuMs(pid);
  const result = await runLoad(load);
  return { ...result, cpuUsPerRequest: ((processCpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.total) };
}
