import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  // The validation-message rules are shared with the mock; bundled in, so the published server
  // does not depend on the mock.
  noExternal: ['@outdial/mock'],
});
