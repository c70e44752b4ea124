import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The command line (with its peak-memory report) and the parse worker bundled as the app ships
 * them: plain JavaScript beside each other, the worker found as parse-worker.js next to the main
 * bundle, packages loaded from node_modules. Memory measured on it is what an office PC sees,
 * without the TypeScript loader that tsx adds to the main thread and to every worker.
 */
export async function buildCliBundle(): Promise<string> {
  const outdir = path.join(root, 'test-output/cli-bundle');
  await build({
    entryPoints: { 'cli-with-rss': path.join(root, 'electron/testing/cli-with-rss.ts'), 'parse-worker': path.join(root, 'electron/services/import/parse-worker.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.js' },
    logLevel: 'silent',
  });
  return path.join(outdir, 'cli-with-rss.js');
}
