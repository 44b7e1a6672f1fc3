import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  // @outdial/contract is a real dependency and stays external. The mock is bundled in only for
  // calls/create-outbound-call.ts's transitional import of `@outdial/mock/validation-rules` (a
  // re-export of the contract's rules), so the published server does not depend on the mock;
  // drop this once that import is `@outdial/contract`.
  noExternal: ['@outdial/mock'],
});
