import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  // Members tagged `@internal` (the client core's request methods, `_policy`, …) are left out of
  // the published declarations: resources use them, users cannot.
  // @outdial/contract is bundled in, code and types: the SDK installs with openapi-fetch alone
  // (and keeps Node 18), and takes only the contract's small status module, not the document.
  dts: { compilerOptions: { stripInternal: true, paths: {} }, resolve: [/^@outdial\/contract/] },
  noExternal: ['@outdial/contract'],
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
