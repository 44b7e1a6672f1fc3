// `pnpm start`: builds the workspace if its sources changed since the last build (set
// OUTDIAL_REBUILD=1 to force it), then runs the reference server with the LiveKit emulator
// in-process on a local SQLite file (see packages/server).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const cli = fileURLToPath(new URL('../packages/server/dist/cli.js', import.meta.url));
buildIfStale({ force: Boolean(process.env.OUTDIAL_REBUILD) });
// A small young generation from the start: `outdial serve` caps it itself at run time too
// (packages/server/src/cli/young-generation-limit.ts), but the start-up flag is a hard limit.
const nodeFlags = ['--max-semi-space-size=4'];
const server = spawn(
  process.execPath,
  [...nodeFlags, cli, 'serve', '--emulate-livekit', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
// A signal sent to this process alone (a supervisor, `timeout`, `kill`) reaches the server too,
// which shuts down cleanly; otherwise it would outlive `pnpm start`, holding the port.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
