import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../testing/run-cli-captured';
import { createTestContext } from '../testing/service-context';
import { buildTargetProvince } from '../testing/target-province';

/**
 * `office import` over the demo province (Quảng Ngãi, 51): the office of Kon Tum (62) sends a copy of
 * its database; bringing it in twice adds it once.
 */
let dir: string;
let db: string;
let konTum: string;

beforeAll(async () => {
  dir = makeTempDir();
  db = path.join(dir, 'quang-ngai.db');
  expect((await run('init', '--db', db, '--demo')).code).toBe(0);
  const other = await createTestContext(new Date('2025-06-20T03:00:00Z'));
  const k = await buildTargetProvince(other, {
    code: '62',
    name: 'Tỉnh Kon Tum',
    districts: { '608': 'Huyện Đắk Hà', '610': 'Huyện Sa Thầy' },
  });
  await k.fillYear('2024', { '608': { crimes: 4, plan: 'Có' }, '610': { crimes: 2, plan: 'Không' } });
  konTum = path.join(dir, 'kon-tum.db');
  await other.copyDatabase(konTum);
  await other.dispose();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('office import', () => {
  it("brings another office's database in once, says what it did, and refuses what is not a database", async () => {
    const first = await run('office', 'import', '--db', db, '--from', konTum);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('Đã nhập dữ liệu của Tỉnh Kon Tum (kon-tum.db):');
    expect(first.out).toContain('4 đơn vị mới');
    expect(first.out).toContain('1 đợt báo cáo, 2 báo cáo của đơn vị, 4 số liệu');
    expect(first.out).toContain('Mã "SYT" (Sở Y tế) đã có ở đây: đơn vị của Tỉnh Kon Tum mang mã "62-SYT".');
    expect(first.out).toContain('Tỉnh Kon Tum (mã 62) vẫn còn hiệu lực ở đây.');
    expect(first.out).toMatch(/Bản sao lưu trước khi nhập: .*truoc-gop/);

    const again = JSON.parse((await run('office', 'import', '--db', db, '--from', konTum, '--json')).out);
    expect(again).toMatchObject({ label: 'Tỉnh Kon Tum', firstTime: false, sameFileAsBefore: true, backup: null });
    const units = JSON.parse((await run('units', 'list', '--db', db, '--json')).out) as {
      code: string;
      parentCode: string | null;
    }[];
    expect(
      units.filter((u) => ['62', '608', '610', '62-SYT'].includes(u.code)).map((u) => `${u.code}<${u.parentCode}`),
    ).toEqual(['62<null', '62-SYT<62', '608<62', '610<62']);

    const notDb = path.join(dir, 'thu.db');
    fs.writeFileSync(notDb, 'không phải cơ sở dữ liệu');
    const refused = await run('office', 'import', '--db', db, '--from', notDb);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'Không nhập được "thu.db": tệp không phải cơ sở dữ liệu của phần mềm hoặc đã bị hỏng.',
    );
  });
});
