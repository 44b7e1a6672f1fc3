import { defineConfig } from 'tsup';

export default defineConfig({
  // validation-rules is also a subpath export: the reference server bundles the same rules.
  entry: ['src/index.ts', 'src/validation-rules.ts'],
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
