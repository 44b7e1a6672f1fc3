import { defineConfig } from 'tsup';

export default defineConfig({
  // `testing` is its own entry: the shared bad-request table is for test suites, not for code
  // that serves the API.
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The mock runs in browsers: nothing here may assume Node.
  platform: 'neutral',
});
