import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/outcomes.ts', 'src/cli.ts'],
  format: ['esm'],
  // outcomes.ts is its own entry (and .d.ts) so browsers can import the table without Node.
  dts: { entry: ['src/index.ts', 'src/outcomes.ts'] },
  clean: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
});
