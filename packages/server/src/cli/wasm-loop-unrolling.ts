/**
 * @module
 * No loop unrolling in V8's optimizing WebAssembly compiler, for `outdial serve`. The only
 * WebAssembly the server runs is undici's HTTP parser (llhttp, behind `fetch`, which the LiveKit
 * SDK calls). After the first few dials V8 recompiles its parse loop, one very large function,
 * with TurboFan, and the loop-unrolling phase alone takes a ~15 MiB compilation zone (heaptrack on
 * `outdial serve` over a 100k backlog): a spike that set the server's peak RSS, and whose freed
 * pages partly stay resident. Without unrolling the peak is ~10 MiB lower (`pnpm bench memory`);
 * the parser still gets optimized, and what the unrolled loop would save per LiveKit response is
 * negligible next to the request itself. Set at run time it still takes effect (that is what was
 * measured), as long as it is set before the first dial; `--liftoff-only`, which would avoid the
 * recompilation altogether, does not (V8 reads it only at start-up).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * @returns whether it was turned off: not when the process was started with a
 * `--wasm-loop-unrolling` flag of its own (NODE_OPTIONS or the command line), which wins.
 *
 * @example
 * ```ts
 * turnOffWasmLoopUnrolling(); // before the first fetch
 * ```
 */
export function turnOffWasmLoopUnrolling(
  flags: readonly string[] = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)],
): boolean {
  if (flags.some((flag) => /^--(no-)?wasm[-_]loop[-_]unrolling\b/.test(flag))) return false;
  setFlagsFromString('--no-wasm-loop-unrolling');
  return true;
}
