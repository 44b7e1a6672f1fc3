import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their sources in tests, so `pnpm test:unit` needs no build.
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@outdial/sdk': src('sdk'),
      '@outdial/mock': src('mock'),
      '@outdial/server': src('server'),
      '@outdial/livekit-emulator': src('livekit-emulator'),
    },
  },
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      { extends: true, test: { name: 'sdk', root: 'packages/sdk' } },
      { extends: true, test: { name: 'server', root: 'packages/server' } },
      { extends: true, test: { name: 'mock', root: 'packages/mock' } },
      { extends: true, test: { name: 'livekit-emulator', root: 'packages/livekit-emulator' } },
      { extends: true, test: { name: 'e2e', root: 'test', exclude: ['bench/**', '**/node_modules/**'] } },
      { extends: true, test: { name: 'examples', root: 'examples' } },
    ],
  },
});
