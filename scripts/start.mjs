// `pnpm start`: builds the workspace if its sources changed since the last build (set
// OUTDIAL_REBUILD=1 to force it), then runs the reference server with the LiveKit emulator
// in-process on a local SQLite file (see packages/server).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const cli = fileURLToPath(new URL('../packages/server/dist/cli.js', import.meta.url));
buildIfStale({ force: Boolean(process.env.OUTDIAL_REBUILD) });
// A small young generation from the start: `outdial serve` caps it itself at run time too
// (packages/server/src/cli/young-generation-limit.ts), but the start-up flag is a hard limit.
const nodeFlags = ['--max-semi-space-size=4'];
const result = spawnSync(
  process.execPath,
  [...nodeFlags, cli, 'serve', '--emulate-livekit', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
