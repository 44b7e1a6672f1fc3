import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  // Members tagged `@internal` (the client core's request methods, `_policy`, …) are left out of
  // the published declarations: resources use them, users cannot.
  // @outdial/contract is bundled in, code and types: the SDK installs with openapi-fetch alone
  // (and keeps Node 18), and takes only the contract's small status module, not the document.
  // eventsource-parser (the SSE framing) is bundled too, for the same reason; it is ESM-only, so
  // bundling is also what lets the CJS build use it. None of its types are in our declarations.
  dts: { compilerOptions: { stripInternal: true, paths: {} }, resolve: [/^@outdial\/contract/] },
  noExternal: ['@outdial/contract', 'eventsource-parser'],
  // The two builds write side by side and run at once: neither may empty dist/ under the other
  // (the `build` script does, before both).
  clean: false,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
};

// Two builds, not one with two entries: each entry point is then one self-contained file (and
// one .d.ts), with no chunk shared between them. `@outdial/sdk/webhooks` verifies deliveries, so
// apps that only place calls do not ship it, and receivers do not ship the client. The classes
// both hold (`OutdialError`) match across copies: `instanceof` compares brands.
export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts' } },
  { ...shared, entry: { webhooks: 'src/webhooks/index.ts' } },
]);
