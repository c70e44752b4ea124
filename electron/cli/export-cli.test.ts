import { openSqliteFile } from '../../db/open-sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { seedAppendixXlsx } from '../../tests/fixtures/seed-appendix';
import { pdfInfo, pdfPageText } from '../../tests/support/libreoffice';
import { runCliCaptured as run } from '../testing/run-cli-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('export on the command line', () => {
  it('writes a round as docx, xlsx, csv, adx and pdf; refuses an unknown format with exit code 2', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    const file = path.join(dir, 'phu-luc.xlsx');
    fs.writeFileSync(file, await seedAppendixXlsx());
    await run('init', '--db', db, '--demo');
    const form = JSON.parse((await run('form', 'import', '--db', db, '--file', file, '--json')).out) as { id: number };
    const round = JSON.parse(
      (
        await run(
          'round',
          'create',
          '--db',
          db,
          '--form',
          String(form.id),
          '--period',
          '2025',
          '--cutoff',
          '2025-12-14',
          '--deadline',
          '2025-12-20',
          '--units',
          '524,534',
          '--json',
        )
      ).out,
    ) as { id: number };

    for (const format of ['docx', 'xlsx', 'csv', 'adx']) {
      const out = path.join(dir, `out.${format}`);
      const r = await run(
        'export',
        '--db',
        db,
        '--round',
        String(round.id),
        '--format',
        format,
        '--out',
        out,
        '--json',
      );
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toEqual({ file: out });
      expect(fs.statSync(out).size).toBeGreaterThan(30);
    }
    const folder = path.join(dir, 'thu-muc');
    fs.mkdirSync(folder);
    const pdf = await run(
      'export',
      '--db',
      db,
      '--round',
      String(round.id),
      '--format',
      'pdf',
      '--by-unit',
      '--out',
      folder,
      '--json',
    );
    expect(pdf.code, pdf.err).toBe(0);
    const written = (JSON.parse(pdf.out) as { file: string }).file;
    expect(path.dirname(written)).toBe(folder);
    expect(path.basename(written)).toMatch(/^phu-luc-.*-theo-don-vi\.pdf$/);
    const info = await pdfInfo(written);
    expect(Math.round(info.widthPt)).toBe(842); // a column per unit and the total: landscape
    expect(await pdfPageText(written, 1)).toContain('PHỤ LỤC');

    const bad = await run(
      'export',
      '--db',
      db,
      '--round',
      String(round.id),
      '--format',
      'pptx',
      '--out',
      path.join(dir, 'x.pptx'),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Định dạng "pptx" không có');
  });
});

describe('backup on the command line', () => {
  it('copies the database, which opens with the same units', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    await run('init', '--db', db, '--demo');
    const r = await run('backup', '--db', db, '--out', path.join(dir, 'sao-luu'), '--json');
    expect(r.code, r.err).toBe(0);
    const file = (JSON.parse(r.out) as { file: string }).file;
    expect(path.basename(file)).toMatch(/^pcmd-\d{8}-\d{6}-thu-cong\.db$/);
    const copy = openSqliteFile(file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM org_unit').get()).toEqual({ n: 24 });
    copy.close();
  });
});
