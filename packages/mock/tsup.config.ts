import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The mock runs in browsers (msw's setupWorker); @outdial/contract is platform-neutral too.
  platform: 'neutral',
});
