import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../db/testing/test-db';
import { runCliCaptured as run } from '../testing/run-cli-captured';
import { listBefore2025 } from '../../tests/fixtures/official-list';

/** `units official` over a province typed in by hand: the preview first, then --apply, then nothing left to do. */
let dir: string;
let db: string;
let list: string;

beforeAll(async () => {
  dir = makeTempDir();
  db = path.join(dir, 'x.db');
  expect((await run('init', '--db', db)).code).toBe(0);
  const units = path.join(dir, 'don-vi.csv');
  fs.writeFileSync(
    units,
    'code,name,kind,parent_code,emails\n51,Tỉnh Quảng Ngãi,province,,\n522,TP Quảng Ngãi,district,51,\n',
  );
  expect((await run('units', 'import', '--db', db, '--file', units)).code).toBe(0);
  list = path.join(dir, 'danh-muc.xlsx');
  fs.writeFileSync(list, await listBefore2025());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('units official', () => {
  it('previews the list, applies it with --apply, and a second time has nothing to do', async () => {
    const preview = await run('units', 'official', '--db', db, '--file', list);
    expect(preview.code, preview.err).toBe(0);
    expect(preview.out).toContain('Xem trước danh mục "danh-muc.xlsx" (có cấp huyện)');
    expect(preview.out).toContain('Đổi tên 1: 522 TP Quảng Ngãi → Thành phố Quảng Ngãi');
    expect(preview.out).toContain(
      'Thêm 6: 524 Huyện Bình Sơn; 536 Huyện Lý Sơn; 21100 Phường Lê Hồng Phong; 21103 Phường Trần Phú; 21142 Thị trấn Châu Ổ; 21200 Đặc khu Lý Sơn',
    );
    expect(JSON.parse((await run('units', 'list', '--db', db, '--json')).out)).toHaveLength(2); // the preview wrote nothing

    const applied = JSON.parse((await run('units', 'official', '--db', db, '--file', list, '--apply', '--json')).out);
    expect(applied).toMatchObject({ applied: true, backup: expect.stringMatching(/truoc-danh-muc/) });
    expect(JSON.parse((await run('units', 'list', '--db', db, '--json')).out)).toHaveLength(8);
    const again = await run('units', 'official', '--db', db, '--file', list, '--apply');
    expect(again.out).toContain('Không có gì thay đổi (8 đơn vị khớp danh mục).');

    const wrong = await run('units', 'official', '--db', db, '--file', list, '--province', '99');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Danh mục "danh-muc.xlsx" không có tỉnh mã 99.');
  });
});
