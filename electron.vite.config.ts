import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/**
 * Main and preload; the renderer is built by Vite with renderer/vite.config.ts into out/renderer.
 * The main process and the parse worker are CommonJS (.cjs): loading ES modules from inside app.asar
 * has regressed in several Electron releases (28: transitive imports, electron/electron#40211; 29:
 * legacyMainResolve, #41241; 35: "Cannot find package", #45896; ERR_UNSUPPORTED_ESM_URL_SCHEME in
 * packaged apps, #46614, open), while require() from asar has been stable for years. SheetJS is
 * bundled (not required at run time) because its code-page tables are an ES module.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['@e965/xlsx'] },
      rollupOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // the parse worker thread, found beside index.cjs at run time
          'parse-worker': resolve(import.meta.dirname, 'electron/services/inbox/parse-worker.ts'),
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
