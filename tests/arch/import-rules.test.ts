import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports point one way: shared ← db ← electron/services ← electron/handlers ← electron/main, electron/cli;
 * the renderer and the preload see only shared. Type-only imports are free. Only electron/main and
 * the preload may import 'electron'.
 */
const root = path.resolve(import.meta.dirname, '../..');

type Layer =
  'shared' | 'db' | 'services' | 'handlers' | 'main' | 'cli' | 'preload' | 'renderer' | 'testing' | 'tests' | 'bench';

const allowed: Record<Layer, Layer[]> = {
  shared: ['shared'],
  db: ['shared', 'db'],
  services: ['shared', 'db', 'services'],
  handlers: ['shared', 'db', 'services', 'handlers'],
  main: ['shared', 'db', 'services', 'handlers', 'main'],
  cli: ['shared', 'db', 'services', 'cli'],
  preload: ['shared', 'preload'],
  renderer: ['shared', 'renderer'],
  testing: ['shared', 'db', 'services', 'cli', 'testing', 'tests'],
  tests: ['shared', 'db', 'services', 'handlers', 'preload', 'testing', 'tests', 'renderer'],
  bench: ['shared', 'db', 'services', 'handlers', 'testing', 'tests', 'bench'],
};

function layerOf(file: string): Layer | null {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'shared' || rel[0] === 'db' || rel[0] === 'renderer' || rel[0] === 'tests' || rel[0] === 'bench')
    return rel[0];
  if (rel[0] === 'electron') {
    const sub = rel[1];
    if (
      sub === 'services' ||
      sub === 'handlers' ||
      sub === 'main' ||
      sub === 'cli' ||
      sub === 'preload' ||
      sub === 'testing'
    )
      return sub;
  }
  return null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const importPattern =
  /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(importPattern)) {
    const spec = m[3] ?? m[4] ?? m[5];
    if (spec) out.push({ spec, typeOnly: Boolean(m[2]) || (/import\s*\(/.test(m[0]) && /type/.test(m[0])) });
  }
  return out;
}

const files = ['shared', 'db', 'electron', 'renderer/src', 'tests', 'bench']
  .map((d) => path.join(root, d))
  .filter((d) => fs.existsSync(d))
  .flatMap(sourceFiles);

describe('import rules', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('every relative import points to an allowed layer', () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue;
      for (const { spec, typeOnly } of importsOf(file)) {
        if (!spec.startsWith('.') || typeOnly) continue;
        const to = layerOf(path.resolve(path.dirname(file), spec));
        const testHelper = (to === 'testing' || to === 'tests') && file.endsWith('.test.ts');
        if (to && !testHelper && !allowed[from].includes(to))
          broken.push(`${path.relative(root, file)} (${from}) → ${spec} (${to})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("only the Electron shell and the preload import 'electron'", () => {
    const offenders = files.filter((f) => {
      const layer = layerOf(f);
      return layer !== 'main' && layer !== 'preload' && importsOf(f).some((i) => i.spec === 'electron' && !i.typeOnly);
    });
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('shared/ and the renderer use no Node built-ins', () => {
    const offenders = files.filter((f) => {
      const layer = layerOf(f);
      return (
        (layer === 'shared' || layer === 'renderer' || layer === 'preload') &&
        importsOf(f).some((i) => i.spec.startsWith('node:'))
      );
    });
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('the preload does not pull zod into the sandboxed bundle', () => {
    const preload = files.filter((f) => layerOf(f) === 'preload');
    const reachable = new Set<string>();
    const visit = (f: string) => {
      if (reachable.has(f)) return;
      reachable.add(f);
      for (const { spec, typeOnly } of importsOf(f)) {
        if (typeOnly) continue;
        if (spec === 'zod') throw new Error(`${path.relative(root, f)} imports zod`);
        if (spec.startsWith('.')) {
          const target = [`${path.resolve(path.dirname(f), spec)}.ts`, path.resolve(path.dirname(f), spec)].find(
            (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
          );
          if (target) visit(target);
        }
      }
    };
    expect(() => preload.forEach(visit)).not.toThrow();
  });
});
