import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  // The outcome table is bundled in (code and types), so the published mock depends on no
  // server-side package and runs in browsers.
  dts: { resolve: ['@outdial/livekit-emulator'] },
  noExternal: ['@outdial/livekit-emulator'],
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
});
