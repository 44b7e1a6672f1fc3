import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Workspace packages resolve to their sources in tests, so `pnpm test:unit` needs no build.
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

const PACING_TESTS = 'src/dial/dial-queue-pacing.test.ts';

export default defineConfig({
  resolve: {
    // Most specific first: a string alias also matches the subpaths under it.
    alias: [
      {
        find: '@outdial/livekit-emulator/outcomes',
        replacement: fileURLToPath(new URL('./packages/livekit-emulator/src/outcomes.ts', import.meta.url)),
      },
      { find: '@outdial/livekit-emulator', replacement: src('livekit-emulator') },
      {
        find: '@outdial/mock/validation-rules',
        replacement: fileURLToPath(new URL('./packages/mock/src/validation-rules.ts', import.meta.url)),
      },
      { find: '@outdial/sdk', replacement: src('sdk') },
      { find: '@outdial/mock', replacement: src('mock') },
      { find: '@outdial/server', replacement: src('server') },
    ],
  },
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      { extends: true, test: { name: 'sdk', root: 'packages/sdk', sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'server',
          root: 'packages/server',
          exclude: [...configDefaults.exclude, PACING_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      // Pacing is judged by the emulator's clock on arrival. Run alone, after everything else, so
      // the other suites' CPU load on this 2-core machine cannot bunch arrivals up at the receiver.
      // Every other project names group 0: vitest only orders groups when each project has one,
      // and otherwise runs this one in parallel with the rest.
      {
        extends: true,
        test: {
          name: 'server-pacing',
          root: 'packages/server',
          include: [PACING_TESTS],
          sequence: { groupOrder: 1 },
        },
      },
      { extends: true, test: { name: 'mock', root: 'packages/mock', sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: { name: 'livekit-emulator', root: 'packages/livekit-emulator', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: 'test',
          exclude: ['bench/**', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'examples', root: 'examples', sequence: { groupOrder: 0 } } },
    ],
  },
});
