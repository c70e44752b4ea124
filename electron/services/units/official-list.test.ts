import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUnit } from '../../../db/units/repo';
import { foldText } from '../../../shared/text/fold';
import type { UnitKind } from '../../../shared/domain/units';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { listBefore2025, listFrom2025, listLaoCai2025, listWithGap } from '../../../tests/fixtures/official-list';
import { listBackupFiles, backupFolder } from '../backup/backups';
import { listUnitTree } from './list-units';
import { listUnitEvents } from './unit-changes';
import { applyOfficialList, previewOfficialList, readOfficialList } from './official-list';
import { sha256 } from '../files/file-store';

/**
 * The statistics office's list applied to a province the office typed in by hand: Quảng Ngãi (51)
 * with three districts (one written "TP Quảng Ngãi") and its standing office. First the list of
 * before the reform, then the list of 1/7/2025, where districts are gone and a ward code is reused.
 */
let ctx: TestContext;

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(ctx.database.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const tree = async (day?: string) =>
  (await listUnitTree(ctx, day)).map((u) => `${'  '.repeat(u.level)}${u.code} ${u.name}`);

beforeEach(async () => {
  ctx = await createTestContext(new Date('2026-11-23T03:00:00Z'));
  const now = ctx.clock().toISOString();
  const ids: Record<string, number> = {};
  const add = async (code: string, name: string, kind: UnitKind, parent: string | null) => {
    ids[code] = await insertUnit(ctx.db, {
      code,
      name,
      name_key: foldText(name),
      kind,
      parent_id: parent ? ids[parent]! : null,
      valid_from: null,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
  };
  await add('51', 'Tỉnh Quảng Ngãi', 'province', null);
  await add('522', 'TP Quảng Ngãi', 'district', '51');
  await add('524', 'Huyện Bình Sơn', 'district', '51');
  await add('525', 'Huyện Trà Bồng', 'district', '51');
  await add('SYT', 'Sở Y tế', 'secretariat', '51');
});
afterEach(async () => {
  await ctx.dispose();
});

describe('the official administrative-unit list', () => {
  it('shows what the list before the reform would change, applies it, and a second time changes nothing', async () => {
    const list = await readOfficialList(await write('danh-muc-2024.xlsx', await listBefore2025()));
    expect(list.hasDistricts).toBe(true);
    const preview = await previewOfficialList(ctx, list, { date: null });
    expect(preview.provincesInFile).toEqual([
      { code: '04', name: 'Tỉnh Cao Bằng', units: 3 },
      { code: '51', name: 'Tỉnh Quảng Ngãi', units: 8 },
      { code: '62', name: 'Tỉnh Kon Tum', units: 3 },
    ]);
    expect(preview.provinces).toEqual(['51']); // the office's own province, by default
    expect(preview.added.map((u) => `${u.code}<${u.parentCode}`)).toEqual([
      '536<51',
      '21100<522',
      '21103<522',
      '21142<524',
      '21200<536',
    ]);
    expect(preview.renamed).toEqual([{ code: '522', oldName: 'TP Quảng Ngãi', newName: 'Thành phố Quảng Ngãi' }]);
    expect(preview.missing).toEqual([{ code: '525', name: 'Huyện Trà Bồng', kind: 'district' }]);
    expect(preview).toMatchObject({ moved: [], reused: [], unchanged: 2, applied: false });
    // A preview writes nothing.
    expect(await tree()).toEqual([
      '51 Tỉnh Quảng Ngãi',
      '  SYT Sở Y tế',
      '  522 TP Quảng Ngãi',
      '  524 Huyện Bình Sơn',
      '  525 Huyện Trà Bồng',
    ]);

    const applied = await applyOfficialList(ctx, list, { date: null });
    expect(applied).toMatchObject({ applied: true, backup: expect.stringMatching(/truoc-danh-muc/) });
    expect(await tree()).toEqual([
      '51 Tỉnh Quảng Ngãi',
      '  SYT Sở Y tế',
      '  522 Thành phố Quảng Ngãi',
      '    21100 Phường Lê Hồng Phong',
      '    21103 Phường Trần Phú',
      '  524 Huyện Bình Sơn',
      '    21142 Thị trấn Châu Ổ',
      '  525 Huyện Trà Bồng',
      '  536 Huyện Lý Sơn',
      '    21200 Đặc khu Lý Sơn',
    ]);
    const again = await applyOfficialList(ctx, list, { date: null });
    expect(again).toMatchObject({ added: [], renamed: [], moved: [], reused: [], backup: null, unchanged: 8 });
    expect(listBackupFiles(backupFolder(ctx)).filter((b) => b.kind === 'truoc-danh-muc')).toHaveLength(1);

    // Another province from the list, chosen by its code (Cao Bằng's code lost its zero in the sheet).
    const more = await applyOfficialList(ctx, list, { date: null, provinces: ['04'] });
    expect(more.added.map((u) => u.code)).toEqual(['04', '040', '01273']);
  });

  it('applies the list of 1/7/2025: a reused code ends the old ward and gives its code to the new one, wards move under the province, and both days stay true', async () => {
    await applyOfficialList(ctx, await readOfficialList(await write('danh-muc-2024.xlsx', await listBefore2025())), {
      date: null,
    });
    const list = await readOfficialList(await write('danh-muc-2025.xlsx', await listFrom2025()));
    expect(list.hasDistricts).toBe(false);
    // Told nothing, a code held by another name is a rename.
    const asRenames = await previewOfficialList(ctx, list, { date: '2025-07-01' });
    expect(asRenames.renamed.map((r) => r.code)).toEqual(['21100', '21142']);
    await expect(applyOfficialList(ctx, list, { date: null, reusedCodes: true })).rejects.toThrow(
      'Mã được dùng lại cho đơn vị mới: cần ngày danh mục có hiệu lực',
    );

    const choices = { date: '2025-07-01', reusedCodes: true, basis: 'QĐ 19/2025/QĐ-TTg' };
    const preview = await previewOfficialList(ctx, list, choices);
    expect(preview.reused).toEqual([
      { code: '21100', oldName: 'Phường Lê Hồng Phong', newName: 'Phường Cẩm Thành' },
      { code: '21142', oldName: 'Thị trấn Châu Ổ', newName: 'Xã Bình Sơn' },
    ]);
    expect(preview.added.map((u) => `${u.code}<${u.parentCode}`)).toEqual(['21109<51']);
    expect(preview.moved).toEqual([
      { code: '21103', name: 'Phường Trần Phú', oldParentCode: '522', newParentCode: '51' },
      { code: '21200', name: 'Đặc khu Lý Sơn', oldParentCode: '536', newParentCode: '51' },
    ]);
    expect(preview.missing.map((u) => u.code)).toEqual(['522', '524', '525', '536']);
    expect(preview.unchanged).toBe(1);

    await applyOfficialList(ctx, list, choices);
    // Today: the wards under the province, 21100 and 21142 the new ones; the districts wait to be recorded as ended.
    expect(await tree('2026-01-01')).toEqual([
      '51 Tỉnh Quảng Ngãi',
      '  SYT Sở Y tế',
      '  522 Thành phố Quảng Ngãi',
      '  524 Huyện Bình Sơn',
      '  525 Huyện Trà Bồng',
      '  536 Huyện Lý Sơn',
      '  21100 Phường Cẩm Thành',
      '  21103 Phường Trần Phú',
      '  21109 Phường Nghĩa Lộ',
      '  21142 Xã Bình Sơn',
      '  21200 Đặc khu Lý Sơn',
    ]);
    // On 1/1/2024 the province is as it was: the old wards under their districts.
    expect(await tree('2024-01-01')).toEqual([
      '51 Tỉnh Quảng Ngãi',
      '  SYT Sở Y tế',
      '  522 Thành phố Quảng Ngãi',
      '    21100 Phường Lê Hồng Phong',
      '    21103 Phường Trần Phú',
      '  524 Huyện Bình Sơn',
      '    21142 Thị trấn Châu Ổ',
      '  525 Huyện Trà Bồng',
      '  536 Huyện Lý Sơn',
      '    21200 Đặc khu Lý Sơn',
    ]);
    const events = await listUnitEvents(ctx);
    expect(events.map((e) => [e.kind, e.date, e.from.map((f) => f.code).join('+'), e.basis])).toEqual([
      ['reparent', '2025-07-01', '21103+21200', 'QĐ 19/2025/QĐ-TTg'],
      ['merge', '2025-07-01', '21142', 'QĐ 19/2025/QĐ-TTg: mã 21142 được dùng lại cho đơn vị mới'],
      ['merge', '2025-07-01', '21100', 'QĐ 19/2025/QĐ-TTg: mã 21100 được dùng lại cho đơn vị mới'],
    ]);
    // The old ward continues in the new one with its code: its figures follow it in today's boundaries.
    expect(events.find((e) => e.from[0]?.code === '21100')!.to).toEqual([
      { code: '21100', name: 'Phường Cẩm Thành', share: 1 },
    ]);
    // The list is kept, byte for byte, and the changes it made name it.
    const kept = await ctx.db
      .selectFrom('org_unit_event as e')
      .innerJoin('stored_file as f', 'f.id', 'e.source_file_id')
      .select(['f.original_name', 'f.sha256'])
      .distinct()
      .execute();
    expect(kept).toEqual([
      {
        original_name: 'danh-muc-2025.xlsx',
        sha256: sha256(fs.readFileSync(path.join(ctx.database.dir, 'danh-muc-2025.xlsx'))),
      },
    ]);
    const again = await applyOfficialList(ctx, list, choices);
    expect(again).toMatchObject({ added: [], renamed: [], moved: [], reused: [], backup: null, unchanged: 6 });
    expect((await ctx.checkDatabase(true)).ok).toBe(true);
  });

  it('a province code reused in 2025: the old province continues in the new one, and its units still standing move under it', async () => {
    const now = ctx.clock().toISOString();
    const yenBai = await insertUnit(ctx.db, {
      code: '15',
      name: 'Tỉnh Yên Bái',
      name_key: 'tinh yen bai',
      kind: 'province',
      parent_id: null,
      valid_from: null,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
    await insertUnit(ctx.db, {
      code: '132',
      name: 'Thành phố Yên Bái',
      name_key: 'thanh pho yen bai',
      kind: 'district',
      parent_id: yenBai,
      valid_from: null,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
    const list = await readOfficialList(await write('lao-cai.xlsx', await listLaoCai2025()));
    const choices = { date: '2025-07-01', provinces: ['15'], reusedCodes: true };
    const preview = await previewOfficialList(ctx, list, choices);
    expect(preview).toMatchObject({
      reused: [{ code: '15', oldName: 'Tỉnh Yên Bái', newName: 'Tỉnh Lào Cai' }],
      missing: [{ code: '132', name: 'Thành phố Yên Bái', kind: 'district' }],
    });
    await applyOfficialList(ctx, list, choices);
    const on = async (day: string) =>
      (await listUnitTree(ctx, day))
        .filter((u) => ['15', '132', '04264'].includes(u.code))
        .map((u) => `${u.code} ${u.name}<${u.parentCode ?? ''}`);
    expect(await on('2024-01-01')).toEqual(['15 Tỉnh Yên Bái<', '132 Thành phố Yên Bái<15']);
    expect(await on('2026-01-01')).toEqual(['15 Tỉnh Lào Cai<', '132 Thành phố Yên Bái<15', '04264 Phường Yên Bái<15']);
    expect(
      (await listUnitEvents(ctx)).map(
        (e) => `${e.kind} ${e.from.map((f) => f.name).join('+')} → ${e.to.map((t) => t.name).join('+')}`,
      ),
    ).toEqual(['merge Tỉnh Yên Bái → Tỉnh Lào Cai']);
  });

  it('refuses, in Vietnamese, a file that is not the list and a row without a name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['Mã', 'Tên', 'Loại']);
    const notList = await write('khac.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(readOfficialList(notList)).rejects.toThrow('Tệp "khac.xlsx" không giống danh mục đơn vị hành chính');
    const csv = await write(
      'danh-muc.csv',
      Buffer.from('Mã TP,Tỉnh / Thành phố,Mã PX,Phường / Xã\n51,Tỉnh Quảng Ngãi,21100,Phường Cẩm Thành\n'),
    );
    await expect(readOfficialList(csv)).rejects.toThrow(
      'Danh mục hành chính cần là tệp Excel (.xlsx, .xls) như Cục Thống kê xuất; "danh-muc.csv" không phải.',
    );
    const gap = await write('thieu.xlsx', await listWithGap());
    await expect(readOfficialList(gap)).rejects.toThrow(
      'Danh mục "thieu.xlsx" có 1 lỗi nên chưa dùng được. dòng 5: thiếu mã hoặc tên xã, phường.',
    );
  });
});
