import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The service serves `dist/index.html` at GET /graphql (to a browser) and `dist/` under
 * /graphql/ide/, so every asset, Monaco's workers and fonts included, comes from the service.
 */
export default defineConfig({
  base: '/graphql/ide/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco and GraphiQL are large by nature; the page is an operator's tool, loaded once.
    chunkSizeWarningLimit: 8_000,
    // Fonts and icons as files, not data: URLs, so the CSP needs no `data:` for them.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // GraphiQL's React Compiler hints ("use no memo") mean nothing to a bundle; not worth a warning.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
