import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/** Main and preload; the renderer is built by Vite with renderer/vite.config.ts into out/renderer. */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // the reply parser's worker thread, found beside index.js at run time
          'parse-worker': resolve(import.meta.dirname, 'electron/services/import/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload must be one CommonJS file with everything inlined.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
