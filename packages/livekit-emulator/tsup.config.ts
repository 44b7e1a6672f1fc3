import { defineConfig } from 'tsup';

export default defineConfig({
  // outcomes.ts is a transitional subpath: a re-export of @outdial/contract's test numbers.
  entry: ['src/index.ts', 'src/outcomes.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/outcomes.ts'] },
  clean: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
});
