import { cpSync, existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

// The console's Vite build (a devDependency, so pnpm builds it first), served at /console.
const CONSOLE_BUILD = '../console/dist';

export default defineConfig({
  // Each worker is a module of its own: a worker thread is started from a file
  // (src/server/worker-entry.ts finds it beside the bundle).
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'webhook-delivery-worker': 'src/webhooks/webhook-delivery-worker.ts',
    'wal-checkpoint-worker': 'src/store/sqlite/wal-checkpoint-worker.ts',
  },
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  // tsup keeps dependencies and peerDependencies external, not optionalDependencies: the
  // emulator (loaded by dynamic import for `livekit: 'emulate'` only) must stay an import too.
  external: ['@outdial/livekit-emulator'],
  // After `clean` emptied dist/: without a console build the server answers /console with a 404.
  onSuccess: async () => {
    if (existsSync(CONSOLE_BUILD)) cpSync(CONSOLE_BUILD, 'dist/console', { recursive: true });
  },
});
