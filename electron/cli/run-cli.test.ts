import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { demoUnits } from '../services/demo/demo-data';
import { runCliCaptured } from '../testing/run-cli-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir() {
  const d = makeTempDir();
  dirs.push(d);
  return d;
}

const run = runCliCaptured;

describe('command line', () => {
  it('init --demo then units list --json prints the demo units', async () => {
    const db = path.join(tempDir(), 'x.db');
    expect((await run('init', '--db', db, '--demo')).code).toBe(0);
    const listed = await run('units', 'list', '--db', db, '--json');
    expect(listed.code).toBe(0);
    const units = JSON.parse(listed.out) as {
      code: string;
      name: string;
      kind: string;
      parentCode: string | null;
      emails: string[];
    }[];
    expect(units).toHaveLength(demoUnits.length);
    expect(units[0]).toEqual({
      code: '51',
      name: 'Tỉnh Quảng Ngãi',
      kind: 'province',
      parentCode: null,
      emails: [],
      validFrom: null,
      validTo: null,
    });
    expect(units.find((u) => u.code === '534')).toEqual({
      code: '534',
      name: 'Thị xã Đức Phổ',
      kind: 'district',
      parentCode: '51',
      emails: ['vpubnd.ducpho@quangngai.gov.vn'],
      validFrom: null,
      validTo: null,
    });
  });

  it('units import twice gives the same units; a malformed CSV names its line and changes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const csv = path.join(dir, 'f.csv');
    fs.writeFileSync(
      csv,
      'code,name,kind,parent_code,emails\n51,Tỉnh Quảng Ngãi,province,,\n524,Huyện Bình Sơn,district,51,bs@quangngai.gov.vn\n',
    );
    expect((await run('init', '--db', db)).code).toBe(0);
    const first = await run('units', 'import', '--db', db, '--file', csv, '--json');
    expect(JSON.parse(first.out)).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const listedOnce = (await run('units', 'list', '--db', db, '--json')).out;
    const second = await run('units', 'import', '--db', db, '--file', csv, '--json');
    expect(JSON.parse(second.out)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await run('units', 'list', '--db', db, '--json')).out).toBe(listedOnce);

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      'code,name,kind,parent_code,emails\n525,Huyện Trà Bồng,district,51,\n526,"Huyện Lỗi,district,51,\n',
    );
    const refused = await run('units', 'import', '--db', db, '--file', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Dòng 3: dấu ngoặc kép/);
    expect((await run('units', 'list', '--db', db, '--json')).out).toBe(listedOnce);
  });

  it('refuses a second demo on a database that already has data', async () => {
    const db = path.join(tempDir(), 'x.db');
    await run('init', '--db', db, '--demo');
    const again = await run('init', '--db', db, '--demo');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/chỉ tạo dữ liệu mẫu khi cơ sở dữ liệu còn trống/);
  });

  it('explains a wrongly written command in Vietnamese with exit code 2', async () => {
    expect(await run('units', 'list')).toMatchObject({ code: 2, err: expect.stringContaining('Thiếu tham số --db') });
    expect(await run('units', 'fly', '--db', 'x.db')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Không có lệnh "units fly"'),
    });
    expect(await run('units', 'list', '--db', 'x.db', '--as-of', '2025-02-30')).toMatchObject({
      code: 2,
      err: expect.stringContaining('không hợp lệ'),
    });
    expect(await run('init', '--bogus')).toMatchObject({ code: 2, err: expect.stringContaining('Lỗi tham số') });
  });

  it('runs as `npm run cli` with a non-zero exit code and a Vietnamese message on bad input', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const exec = promisify(execFile);
    const ok = await exec('npm', ['run', '--silent', 'cli', '--', 'init', '--db', db, '--demo', '--json'], {
      cwd: process.cwd(),
    });
    expect(JSON.parse(ok.stdout)).toMatchObject({
      demo: { units: demoUnits.length, plans: 2, targets: 15, tasks: 11, rounds: 5 },
    });
    const failed = await exec(
      'npm',
      ['run', '--silent', 'cli', '--', 'units', 'import', '--db', db, '--file', path.join(dir, 'none.csv')],
      { cwd: process.cwd() },
    ).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Không tìm thấy tệp');
    // An import ends its process once it has printed its lines (it used to wait for ever on its parse worker).
    const inbox = path.join(dir, 'hop-thu');
    fs.mkdirSync(inbox);
    fs.writeFileSync(path.join(inbox, 'hong.xlsx'), 'không phải bảng tính');
    const imported = await exec('npm', ['run', '--silent', 'cli', '--', 'import', '--db', db, inbox], {
      cwd: process.cwd(),
      timeout: 60_000,
    });
    expect(JSON.parse(imported.stdout)).toMatchObject({ status: 'rejected' });
  });
});
