import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  // tsup keeps dependencies and peerDependencies external, not optionalDependencies: the
  // emulator (loaded by dynamic import for `livekit: 'emulate'` only) must stay an import too.
  external: ['@outdial/livekit-emulator'],
});
