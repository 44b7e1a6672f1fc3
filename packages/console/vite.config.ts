import { defineConfig } from 'vite';

// Served by `outdial serve` under /console/ (packages/server copies dist/ into its own dist/).
export default defineConfig({
  base: '/console/',
  // index.html lives in src/ so that scripts/build-if-stale.mjs sees it change (it watches src/).
  root: 'src',
  // JSX through Vite's own transform: Preact needs no plugin (and no Babel) for it.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // Every asset is a file of its own: the Content-Security-Policy allows no data: scripts or styles.
    assetsInlineLimit: 0,
    // The browsers the SDK supports; a plain modern target keeps the bundle small.
    target: 'es2022',
  },
});
