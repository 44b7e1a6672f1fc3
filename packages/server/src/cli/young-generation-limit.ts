/**
 * @module
 * A smaller young generation for `outdial serve`, set from inside the process. Node 24's V8 lets
 * the young generation (two semi-spaces) grow to 64 MiB each under a burst of allocation, such as
 * reading the queued backlog at start, and every page it touched stays in the server's RSS. With
 * `--max-semi-space-size=4` the server holds 100k queued calls in ~138 MiB instead of ~160 MiB
 * (`pnpm bench memory`; what smaller semi-spaces cost per request, in more frequent scavenges, is
 * not measured yet). That flag is read only at start-up: a self-hoster running
 * `node dist/cli.js serve` (or the `outdial` bin through a package manager's shim) would have to
 * pass it (`pnpm start` does, scripts/start.mjs), and a shebang with `env -S` is not portable
 * (BusyBox's env, on Alpine, has no `-S`); re-executing Node would add a second process and its
 * RSS. V8 does read
 * `--semi-space-growth-factor` each time it grows the young generation, and Node lets
 * `v8.setFlagsFromString` change it at run time: so growth is allowed (factor 2) while the young
 * generation is below the limit and stopped (factor 1) once it reaches it, re-checked after every
 * garbage collection. The limit is soft: several collections before the observer runs could each
 * grow it once more; so growth is off until the observer first runs, and the CLI (cli.ts) sets the
 * limit before it loads any command's modules. The test beside this file fails if V8 stops
 * honouring the flag.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Per semi-space, as `--max-semi-space-size` counts. */
export const DEFAULT_MAX_SEMI_SPACE_MIB = 4;

const MIB = 1024 * 1024;
/** V8's own default: each growth doubles the young generation. */
const V8_GROWTH_FACTOR = 2;

/**
 * @returns a function that stops limiting, or undefined when the process was started with its own
 * young-generation flags (NODE_OPTIONS or the command line): those win.
 *
 * @example
 * ```ts
 * limitYoungGeneration(); // before the server is imported
 * ```
 */
export function limitYoungGeneration(maxSemiSpaceMiB = DEFAULT_MAX_SEMI_SPACE_MIB): (() => void) | undefined {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (flags.some((flag) => /^--(max-semi-space-size|semi-space-growth-factor)\b/.test(flag)))
    return undefined;
  // The young generation is two semi-spaces: its space_size counts both.
  const limit = 2 * maxSemiSpaceMiB * MIB;
  let factor = 1;
  const adjust = () => {
    // Growth stops two doublings short of the limit: the observer runs some collections late, and
    // each of those may still grow it once.
    const next = youngGenerationBytes() * V8_GROWTH_FACTOR ** 2 <= limit ? V8_GROWTH_FACTOR : 1;
    if (next === factor) return;
    factor = next;
    setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  };
  // No growth until the observer first runs: until then the process is loading the server's
  // modules, one synchronous burst of scavenges that the observer only hears of afterwards, and
  // each of them could double the young generation (it reached 2 × 16 MiB that way, every page of
  // it in RSS). It stays at its initial size until the event loop turns.
  setFlagsFromString('--semi-space-growth-factor=1');
  const observer = new PerformanceObserver(adjust);
  observer.observe({ entryTypes: ['gc'] });
  return () => {
    observer.disconnect();
    setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
  };
}

/** Both semi-spaces of the young generation, as now sized. */
export function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}
