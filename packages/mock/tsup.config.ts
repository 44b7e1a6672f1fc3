import { defineConfig } from 'tsup';

export default defineConfig({
  // validation-rules is a transitional subpath (a re-export of @outdial/contract's rules) until
  // the reference server imports them from the contract.
  entry: ['src/index.ts', 'src/validation-rules.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The mock runs in browsers (msw's setupWorker); @outdial/contract is platform-neutral too.
  platform: 'neutral',
});
