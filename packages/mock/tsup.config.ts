import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

// Where the d.ts build finds the outcome table, so that it inlines the table's types. tsup resolves
// tsconfig's `paths` from the package folder, not from the root config that declares them, so
// without this the import resolves through node_modules to the emulator's dist/ and stays in the
// published d.ts as an import of a package customers do not have. (`dts.resolve` cannot help: it
// matches the bare package name only, and does not follow `exports` subpaths.)
const OUTCOMES_SOURCE = fileURLToPath(new URL('../livekit-emulator/src/outcomes.ts', import.meta.url));

export default defineConfig({
  // validation-rules is also a subpath export: the reference server bundles the same rules.
  entry: ['src/index.ts', 'src/validation-rules.ts'],
  format: ['esm'],
  // The outcome table is bundled in (code and types), so the published mock depends on no
  // server-side package and runs in browsers.
  dts: { compilerOptions: { paths: { '@outdial/livekit-emulator/outcomes': [OUTCOMES_SOURCE] } } },
  noExternal: ['@outdial/livekit-emulator'],
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
});
