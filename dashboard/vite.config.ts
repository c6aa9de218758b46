import { defineConfig } from 'vite';

// Preact through the built-in JSX transform (no framework plugin needed). The service serves
// the build at /dashboard/; every asset is bundled (no CDN, no web fonts).
export default defineConfig({
  base: '/dashboard/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
});
