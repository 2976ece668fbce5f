import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console is built into dist/console and served by the API server at /console/: every asset from this
 * server, none from a CDN, so it works offline. JSX is compiled by Vite's own transformer (automatic runtime).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // Fonts and icons stay files of their own, never inlined as data: URLs.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
