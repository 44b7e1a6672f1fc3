// `pnpm start`: builds the workspace if needed, then runs the reference server with the LiveKit
// emulator in-process on a local SQLite file (see packages/server).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = 'packages/server/dist/cli.js';
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (!existsSync(cli) || process.env.OUTDIAL_REBUILD) run('pnpm', ['build']);
run(process.execPath, [cli, 'serve', '--emulate-livekit', ...process.argv.slice(2)]);
