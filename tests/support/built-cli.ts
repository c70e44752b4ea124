import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
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
    entryPoints: {
      'cli-with-rss': path.join(root, 'electron/testing/cli-with-rss.ts'),
      'parse-worker': path.join(root, 'electron/services/inbox/parse-worker.ts'),
    },
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

export interface BuiltCliRun {
  code: number | null;
  out: string;
  /** What it printed on stderr, without its peak-memory line. */
  err: string;
  /** From its first progress line ("Đang nhập"), when it prints one, else from its start, to its end. */
  ms: number;
  /** The whole process's peak resident memory (main thread and workers). */
  peakMb: number;
}

/** Runs one command of the built command line in a process of its own and reads its time and peak memory. */
export function runBuiltCli(cli: string, args: string[]): Promise<BuiltCliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // The answer's time runs from the import's first progress line (the process and its loader started) to its end.
    let started = t0;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      if (!err.includes('Đang nhập') && c.includes('Đang nhập')) started = performance.now();
      err += c;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const rss = /maxrss-kb (\d+)/.exec(err);
      if (!rss) return reject(new Error(`no peak memory reported: ${err}`));
      resolve({
        code,
        out,
        err: err.replace(/\n?maxrss-kb \d+\n?$/, ''),
        ms: performance.now() - started,
        peakMb: Number(rss[1]) / 1024,
      });
    });
  });
}
