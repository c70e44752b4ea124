import { openSqliteFile } from '../../db/open-sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../testing/run-cli-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('backup, check and restore on the command line', () => {
  it('restores a backup: the old figure comes back, the newer database is kept as a backup, and the file checks clean', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    await run('init', '--db', db, '--demo');
    const backup = (
      JSON.parse((await run('backup', '--db', db, '--out', path.join(dir, 'luu'), '--json')).out) as { file: string }
    ).file;
    const edit = openSqliteFile(db);
    edit.prepare('UPDATE data_value SET num_value = 123456 WHERE id = 1').run();
    edit.close();

    const r = await run('restore', '--db', db, '--from', backup, '--json');
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out) as { restored: { units: number; rounds: number }; safetyCopy: string };
    expect(result.restored).toMatchObject({ units: 24, rounds: 5 });
    expect(result.safetyCopy).toMatch(/^pcmd-\d{8}-\d{6}-truoc-khoi-phuc\.db$/);
    const after = openSqliteFile(db, { readonly: true });
    expect(
      (after.prepare('SELECT num_value FROM data_value WHERE id = 1').get() as { num_value: number }).num_value,
    ).not.toBe(123456);
    after.close();
    const kept = openSqliteFile(path.join(dir, 'backups', result.safetyCopy), { readonly: true });
    expect(kept.prepare('SELECT num_value FROM data_value WHERE id = 1').get()).toEqual({ num_value: 123456 });
    kept.close();

    const check = await run('check', '--db', db, '--full', '--json');
    expect(check.code, check.err).toBe(0);
    expect(JSON.parse(check.out)).toEqual({ ok: true, full: true, problems: [] });
  });

  it('reports a damaged file with exit code 1 and a Vietnamese reason, and refuses to restore from it', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'x.db');
    await run('init', '--db', db, '--demo');
    const broken = path.join(dir, 'hong.db');
    const bytes = fs.readFileSync(db);
    bytes.fill(0x41, 4096 * 3, 4096 * 5);
    fs.writeFileSync(broken, bytes);
    const check = await run('check', '--db', broken, '--json');
    expect(check.code).toBe(1);
    const report = JSON.parse(check.out) as { ok: boolean; problems: { kind: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems[0]!.kind).toBe('integrity');

    const refused = await run('restore', '--db', db, '--from', broken);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Không khôi phục từ "hong.db"');
    const missing = await run('restore', '--db', db, '--from', path.join(dir, 'khong-co.db'));
    expect(missing.code).toBe(2);
  });
});
