import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  // Members tagged `@internal` (the client core's request methods, `_policy`, …) are left out of
  // the published declarations: resources use them, users cannot.
  // @outdial/contract is bundled in, code and types: the SDK installs with openapi-fetch alone
  // (and keeps Node 18), and takes only the contract's small status module, not the document.
  // eventsource-parser (the SSE framing) is bundled too, for the same reason; it is ESM-only, so
  // bundling is also what lets the CJS build use it. None of its types are in our declarations.
  dts: { compilerOptions: { stripInternal: true, paths: {} }, resolve: [/^@outdial\/contract/] },
  noExternal: ['@outdial/contract', 'eventsource-parser'],
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
});
