import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUnit } from '../../../db/units/repo';
import { foldText } from '../../../shared/text/fold';
import type { UnitKind } from '../../../shared/domain/units';
import type { TargetEvaluation } from '../../../shared/domain/targets';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { buildTargetProvince, type TargetProvince } from '../../testing/target-province';
import { evaluateTargets } from '../targets/evaluate-targets';
import { getIndicatorSeries } from '../targets/dashboard';
import { compareRounds } from '../rounds/compare-rounds';
import { getRoundMatrix } from '../rounds/round-matrix';
import { appendixFromRound } from '../export/appendix-from-round';
import { exportRound } from '../export/export-round';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';

const docxText = async (bytes: Uint8Array) =>
  (
    (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).match(
      /<w:t[^>]*>[^<]*<\/w:t>/g,
    ) ?? []
  )
    .map((t) => t.replace(/<[^>]+>/g, ''))
    .join('');
import { saveRegister } from '../targets/registers';
import { listBackupFiles, backupFolder } from '../backup/backups';
import { listUnitTree } from './list-units';
import { listUnitEvents, recordEnd, recordMerge, recordSplit } from './unit-changes';

/**
 * A province before and after the 2025 reform: "Tỉnh Thử Nghiệm" (51: districts D1-D4) and Kon Tum
 * (62: K1, K2) merge on 1/7/2025 into a new province 51; the districts end: D1 is split into the
 * communes X1 (60%) and X2 (40%), D4 and K2 merge into the commune X3, the others end with no
 * successor. 2021-2024 were reported by districts, 2026 by communes.
 */
const REFORM = '2025-07-01';
const BASIS = 'Nghị quyết 202/2025/QH15';
let ctx: TestContext;
let p: TargetProvince;

const figures2024 = { D1: 10, D2: 2, D3: 3, D4: 4, K1: 5, K2: 1 };
const figures2026 = { X1: 7, X2: 5, X3: 8 };

async function addUnit(code: string, name: string, kind: UnitKind, parent: number | null) {
  const now = ctx.clock().toISOString();
  p.unitId[code] = await insertUnit(ctx.db, {
    code,
    name,
    name_key: foldText(name),
    kind,
    parent_id: parent,
    valid_from: null,
    valid_to: null,
    created_at: now,
    updated_at: now,
  });
}

beforeEach(async () => {
  ctx = await createTestContext(new Date('2026-11-23T03:00:00Z'));
  p = await buildTargetProvince(ctx);
  await addUnit('62', 'Tỉnh Kon Tum', 'province', null);
  await addUnit('K1', 'Huyện K1', 'district', p.unitId['62']!);
  await addUnit('K2', 'Huyện K2', 'district', p.unitId['62']!);
  const all = ['D1', 'D2', 'D3', 'D4', 'K1', 'K2'];
  for (const year of [2021, 2022, 2023]) {
    await p.fillYear(
      String(year),
      Object.fromEntries(all.map((c, i) => [c, { crimes: year - 2020 + i, plan: 'Có' }])),
      all,
    );
  }
  await p.fillYear(
    '2024',
    Object.fromEntries(
      Object.entries(figures2024).map(([c, n]) => [c, { crimes: n, plan: c === 'D1' ? 'Có' : 'Không' }]),
    ),
    all,
  );
});
afterEach(async () => {
  await ctx.dispose();
});

async function recordReform() {
  const merged = await recordMerge(ctx, {
    into: '51',
    name: 'Tỉnh Quảng Ngãi',
    from: ['51', '62'],
    date: REFORM,
    basis: BASIS,
  });
  // The new communes, from the official list (no validity yet: the changes give it).
  const newProvince = (
    await ctx.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', '51')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow()
  ).id;
  for (const [code, name] of [
    ['X1', 'Xã X1'],
    ['X2', 'Xã X2'],
    ['X3', 'Xã X3'],
  ] as const)
    await addUnit(code, name, 'commune', newProvince);
  await recordSplit(ctx, {
    from: 'D1',
    into: [
      { code: 'X1', share: 0.6 },
      { code: 'X2', share: 0.4 },
    ],
    date: REFORM,
    basis: BASIS,
  });
  await recordMerge(ctx, { into: 'X3', from: ['D4', 'K2'], date: REFORM, basis: BASIS });
  for (const code of ['D2', 'D3', 'K1']) await recordEnd(ctx, { code, date: REFORM, basis: 'Luật 72/2025/QH15' });
  return merged;
}

const province = (list: TargetEvaluation[]) =>
  Object.fromEntries(list.filter((e) => e.scope === 'province').map((e) => [e.period, e.actual]));

describe('the 2025 merger, recorded', () => {
  it('keeps both former provinces and their districts for their days, and gives the new units from the day of the change', async () => {
    const merged = await recordReform();
    expect(merged.event).toMatchObject({
      kind: 'merge',
      date: REFORM,
      basis: BASIS,
      from: [
        { code: '51', name: 'Tỉnh Thử Nghiệm' },
        { code: '62', name: 'Tỉnh Kon Tum' },
      ],
      to: [{ code: '51', name: 'Tỉnh Quảng Ngãi', share: 1 }],
    });
    // A backup was taken before the change.
    expect(listBackupFiles(backupFolder(ctx)).map((b) => b.kind)).toContain('truoc-gop');
    const tree = (day: string) =>
      listUnitTree(ctx, day).then((t) => t.map((u) => `${'  '.repeat(u.level)}${u.code} ${u.name}`));
    expect(await tree('2024-01-01')).toEqual([
      '51 Tỉnh Thử Nghiệm',
      '  SYT Sở Y tế',
      '  D1 Huyện 1',
      '  D2 Huyện 2',
      '  D3 Huyện 3',
      '  D4 Huyện 4',
      '62 Tỉnh Kon Tum',
      '  K1 Huyện K1',
      '  K2 Huyện K2',
    ]);
    expect(await tree('2026-01-01')).toEqual([
      '51 Tỉnh Quảng Ngãi',
      '  SYT Sở Y tế',
      '  X1 Xã X1',
      '  X2 Xã X2',
      '  X3 Xã X3',
    ]);
    expect(
      (await listUnitEvents(ctx)).map((e) => [
        e.kind,
        e.from.map((f) => f.code).join('+'),
        e.to.map((t) => `${t.code}:${t.share}`).join('+'),
      ]),
    ).toEqual([
      ['dissolve', 'K1', ''],
      ['dissolve', 'D3', ''],
      ['dissolve', 'D2', ''],
      ['merge', 'D4+K2', 'X3:1'],
      ['split', 'D1', 'X1:0.6+X2:0.4'],
      ['merge', '51+62', '51:1'],
    ]);
    // Recording the same changes again changes nothing.
    const events = (await listUnitEvents(ctx)).length;
    expect(
      (await recordMerge(ctx, { into: '51', from: ['51', '62'], date: REFORM, basis: BASIS })).alreadyRecorded,
    ).toBe(true);
    expect(
      (
        await recordSplit(ctx, {
          from: 'D1',
          into: [
            { code: 'X1', share: 0.6 },
            { code: 'X2', share: 0.4 },
          ],
          date: REFORM,
          basis: BASIS,
        })
      ).alreadyRecorded,
    ).toBe(true);
    expect((await recordEnd(ctx, { code: 'D2', date: REFORM, basis: BASIS })).alreadyRecorded).toBe(true);
    expect(await listUnitEvents(ctx)).toHaveLength(events);
    expect(await ctx.checkDatabase(true)).toMatchObject({ ok: true });
  });

  it('refuses a split whose shares pass 100% or whose parts do not exist, changing nothing', async () => {
    await expect(
      recordSplit(ctx, {
        from: 'D1',
        into: [
          { code: 'D2', share: 0.7 },
          { code: 'D3', share: 0.5 },
        ],
        date: REFORM,
        basis: BASIS,
      }),
    ).rejects.toThrow('Tổng tỷ lệ chia là 120%, vượt quá 100%.');
    await expect(
      recordSplit(ctx, { from: 'D1', into: [{ code: 'Y9', share: 1 }], date: REFORM, basis: BASIS }),
    ).rejects.toThrow('Chưa có đơn vị mã "Y9" có hiệu lực từ 01/07/2025');
    await expect(recordMerge(ctx, { into: '51', from: ['51', '99'], date: REFORM, basis: BASIS })).rejects.toThrow(
      'Không có đơn vị mã "99" còn hiệu lực ngày 30/06/2025.',
    );
    expect(await listUnitEvents(ctx)).toEqual([]);
    expect((await listUnitTree(ctx)).map((u) => u.code)).toContain('D1');
  });

  it('creates the new parts a split names, from the day of the split, and places the old figures on them by share', async () => {
    const split = await recordSplit(ctx, {
      from: 'D2',
      date: '2025-01-01',
      basis: BASIS,
      into: [
        { code: 'N1', share: 0.5, name: 'Xã Mới Một', kind: 'commune' },
        { code: 'N2', share: 0.5, name: 'Xã Mới Hai', kind: 'commune' },
      ],
    });
    expect(split.event.to).toEqual([
      { code: 'N1', name: 'Xã Mới Một', share: 0.5 },
      { code: 'N2', name: 'Xã Mới Hai', share: 0.5 },
    ]);
    const rows = (await listUnitTree(ctx, '2025-06-01')).filter((u) => u.code.startsWith('N'));
    expect(rows.map((u) => [u.code, u.kind, u.parentCode, u.validFrom])).toEqual([
      ['N1', 'commune', '51', '2025-01-01'],
      ['N2', 'commune', '51', '2025-01-01'],
    ]);
    expect((await listUnitTree(ctx, '2024-06-01')).some((u) => u.code.startsWith('N'))).toBe(false);
    const r2024 = (
      await ctx.db.selectFrom('report_round').select('id').where('period_code', '=', '2024').executeTakeFirstOrThrow()
    ).id;
    const r2023 = (
      await ctx.db.selectFrom('report_round').select('id').where('period_code', '=', '2023').executeTakeFirstOrThrow()
    ).id;
    const n1 = await compareRounds(ctx, {
      roundIds: [r2023, r2024],
      unitId: (await listUnitTree(ctx, '2025-06-01')).find((u) => u.code === 'N1')!.id,
      boundaryDate: '2025-06-01',
    });
    expect(n1.rows.find((r) => r.text.startsWith('Số vụ án'))!.values).toEqual([
      (2023 - 2020 + 1) * 0.5,
      figures2024.D2 * 0.5,
    ]);
    const again = await recordSplit(ctx, {
      from: 'D2',
      date: '2025-01-01',
      basis: BASIS,
      into: [
        { code: 'N1', share: 0.5, name: 'Xã Mới Một' },
        { code: 'N2', share: 0.5, name: 'Xã Mới Hai' },
      ],
    });
    expect(again.alreadyRecorded).toBe(true);
  });
});

describe('targets and comparisons across the change', () => {
  beforeEach(async () => {
    await recordReform();
    await p.fillYear(
      '2026',
      Object.fromEntries(Object.entries(figures2026).map(([c, n]) => [c, { crimes: n }])),
      Object.keys(figures2026),
    );
    await p.plan(
      [
        {
          kind: 'count',
          comparator: '>=',
          threshold: 10,
          indicatorId: p.indicatorId.crimes,
          periodFrom: 2021,
          periodTo: 2026,
        },
      ],
      [2021, 2026],
    );
  });

  it("compares 2024 (districts) with 2026 (communes) in today's boundaries: the province's totals and a commune's own history", async () => {
    const rounds = (
      await ctx.db
        .selectFrom('report_round')
        .select(['id', 'period_code'])
        .where('period_code', 'in', ['2024', '2026'])
        .orderBy('period_code')
        .execute()
    ).map((r) => r.id);
    const crimesRow = (c: { rows: { text: string; values: (number | null)[] }[] }) =>
      c.rows.find((r) => r.text.startsWith('Số vụ án'))!.values;
    // As reported: each round's own units.
    const all2024 = Object.values(figures2024).reduce((a, b) => a + b, 0);
    expect(crimesRow(await compareRounds(ctx, { roundIds: rounds }))).toEqual([all2024, 20]);
    // Today's province: every figure of 2024 kept (25), the 2026 communes (20); said how.
    const province = await compareRounds(ctx, { roundIds: rounds, boundaryDate: '2026-01-01' });
    expect(crimesRow(province)).toEqual([all2024, 20]);
    expect(province.boundaryNote).toBe(
      'Theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi): số liệu của 6 đơn vị được quy đổi theo sáp nhập, chia tách (Huyện 1, Huyện 2, Huyện 3, Huyện 4, Huyện K1, …). Câu trả lời Có/Không của 3 đơn vị không quy đổi được nên không tính (Huyện 2, Huyện 3, Huyện K1).',
    );
    // The commune X3 against what its two former districts reported (D4 + K2), and X1 against its 60% of D1.
    const x3 = await compareRounds(ctx, { roundIds: rounds, unitId: p.unitId['X3']!, boundaryDate: '2026-01-01' });
    expect(crimesRow(x3)).toEqual([figures2024.D4 + figures2024.K2, figures2026.X3]);
    const x1 = await compareRounds(ctx, { roundIds: rounds, unitId: p.unitId['X1']!, boundaryDate: '2026-01-01' });
    expect(crimesRow(x1)).toEqual([figures2024.D1 * 0.6, figures2026.X1]);
    // The province as it was on 1/1/2024: its four districts; X3 cannot be divided between two former provinces.
    const old = await compareRounds(ctx, { roundIds: rounds, boundaryDate: '2024-01-01' });
    expect(crimesRow(old)).toEqual([19, figures2026.X1 + figures2026.X2]);
    expect(old.boundaryNote).toContain('1 đơn vị không quy đổi được nên không tính (Xã X3)');
    // A unit that did not exist on the day chosen is refused, saying which.
    await expect(
      compareRounds(ctx, { roundIds: rounds, unitId: p.unitId['D1']!, boundaryDate: '2026-01-01' }),
    ).rejects.toThrow('Đơn vị "Huyện 1" không có hiệu lực ngày 01/01/2026; hãy chọn một đơn vị của ngày đó.');
    // The 2024 round as today's units: the ended districts' figures on the province, D1's on X1 and X2 by share, D4 and K2 on X3.
    const matrix = await getRoundMatrix(ctx, rounds[0]!, { boundaryDate: '2026-01-01' });
    const crimes = matrix.rows.find((r) => r.text.startsWith('Số vụ án'))!;
    expect(Object.fromEntries(matrix.columns.map((c, i) => [c.label, crimes.cells[i]]))).toEqual({
      'Tỉnh Quảng Ngãi': figures2024.D2 + figures2024.D3 + figures2024.K1,
      'Xã X1': 6,
      'Xã X2': 4,
      'Xã X3': figures2024.D4 + figures2024.K2,
      'Toàn tỉnh': all2024,
    });
    expect(matrix.boundaryNote).toBe(province.boundaryNote);
    // …and as its appendix, which says so under the table.
    const appendix = await appendixFromRound(ctx, rounds[0]!, { byUnit: true, boundaryDate: '2026-01-01' });
    expect(appendix.table.columns).toEqual(['Tỉnh Quảng Ngãi', 'Xã X1', 'Xã X2', 'Xã X3', 'Toàn tỉnh']);
    expect(appendix.table.note).toBe(matrix.boundaryNote);
    const docx = await exportRound(ctx, {
      roundId: rounds[0]!,
      format: 'docx',
      byUnit: true,
      boundaryDate: '2026-01-01',
    });
    expect(docx.fileName).toMatch(/^phu-luc-dia-gioi-2026-01-01-.*\.docx$/);
    expect(await docxText(docx.bytes)).toContain(
      'Ghi chú: Theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi): số liệu của 6 đơn vị được quy đổi',
    );
    const xlsx = await exportRound(ctx, { roundId: rounds[0]!, format: 'xlsx', boundaryDate: '2026-01-01' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as never);
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toContain(
      'Theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi): số liệu của 6 đơn vị được quy đổi',
    );
    await expect(exportRound(ctx, { roundId: rounds[0]!, format: 'csv', boundaryDate: '2026-01-01' })).rejects.toThrow(
      'Tệp trao đổi DHIS2 (CSV, ADX) mang số liệu đúng như đơn vị đã gửi',
    );
    // The trend of one indicator, province-wide: the same totals.
    const series = await getIndicatorSeries(ctx, p.indicatorId.crimes, { boundaryDate: '2026-01-01' });
    expect(series.years.slice(-2)).toEqual([2024, 2026]);
    expect(series.province.slice(-2)).toEqual([all2024, 20]);
  });

  it('evaluates a 2021-2025 target in the old boundaries (the former province alone) and in the new (both former provinces)', async () => {
    const old = await evaluateTargets(ctx, { asOf: '2026-11-23', boundaryDate: '2024-01-01' });
    const now = await evaluateTargets(ctx, { asOf: '2026-11-23', boundaryDate: '2026-01-01' });
    const sum = (codes: string[], f: Record<string, number>) => codes.reduce((a, c) => a + f[c]!, 0);
    // 2024 in the old boundaries: the former province's four districts.
    expect(province(old)['2024']).toBe(sum(['D1', 'D2', 'D3', 'D4'], figures2024));
    // The same year in today's boundaries: both former provinces, every figure kept (25 = 25).
    expect(province(now)['2024']).toBe(sum(Object.keys(figures2024), figures2024));
    expect(province(now)['2021']).toBe([0, 1, 2, 3, 4, 5].reduce((a, i) => a + 1 + i, 0));
    expect(province(old)['2021']).toBe([0, 1, 2, 3].reduce((a, i) => a + 1 + i, 0));
    // 2026, reported by communes: all of it today; in the old boundaries the communes of D1 go back to D1,
    // and X3 (from a district of each former province) cannot be divided, so it is left out and said so.
    expect(province(now)['2026']).toBe(20);
    expect(province(old)['2026']).toBe(figures2026.X1 + figures2026.X2);
    const old2026 = old.find((e) => e.period === '2026' && e.scope === 'province')!;
    expect(old2026.explanation).toContain(
      'Theo địa giới ngày 01/01/2024 (Tỉnh Thử Nghiệm): số liệu của 3 đơn vị được quy đổi theo sáp nhập, chia tách (Xã X1, Xã X2, Xã X3); 1 đơn vị không quy đổi được nên không tính (Xã X3).',
    );
    const now2024 = now.find((e) => e.period === '2024' && e.scope === 'province')!;
    expect(now2024.explanation).toContain(
      'Theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi): số liệu của 6 đơn vị được quy đổi',
    );
    // Kon Tum's own figures in its own old boundaries.
    const konTum = await evaluateTargets(ctx, { asOf: '2026-11-23', boundaryDate: '2024-01-01', province: '62' });
    expect(province(konTum)['2024']).toBe(figures2024.K1 + figures2024.K2);
    // Before a merger of provinces the province must be told apart: the same code as today's is the default; an unknown one is refused.
    await expect(evaluateTargets(ctx, { boundaryDate: '2024-01-01', province: '77' })).rejects.toThrow(
      'Ngày 01/01/2024 không có tỉnh mã "77" (có: 51 Tỉnh Thử Nghiệm, 62 Tỉnh Kon Tum).',
    );
  });

  it('divides a split district’s figures among its communes by share, and copies its yes/no answer', async () => {
    await p.plan(
      [
        {
          kind: 'count',
          comparator: '>=',
          threshold: 1,
          indicatorId: p.indicatorId.crimes,
          scope: 'each-unit',
          periodFrom: 2024,
          periodTo: 2024,
        },
        {
          kind: 'yes-no',
          comparator: '=',
          threshold: 1,
          indicatorId: p.indicatorId.plan,
          scope: 'each-unit',
          periodFrom: 2024,
          periodTo: 2024,
        },
      ],
      [2024, 2024],
    );
    const now = await evaluateTargets(ctx, { asOf: '2026-11-23', boundaryDate: '2026-01-01' });
    const of = (kind: string, scope: string) =>
      now.find((e) => e.kind === kind && e.scope === scope && e.period === '2024')?.actual;
    expect(of('count', 'X1')).toBe(6);
    expect(of('count', 'X2')).toBe(4);
    // X3 = D4 + K2, whole.
    expect(of('count', 'X3')).toBe(figures2024.D4 + figures2024.K2);
    expect(of('yes-no', 'X1')).toBe(1);
    expect(of('yes-no', 'X2')).toBe(1);
    // D4 and K2 both answered "Không": the merged commune too.
    expect(of('yes-no', 'X3')).toBe(0);
  });
});

describe('a register in the boundaries of a day', () => {
  it('is re-mapped like a count: the districts’ entries make the denominator of the old and of the new province', async () => {
    await recordReform();
    const entries = Object.keys(figures2024).map((code) => ({ unitId: p.unitId[code]!, year: 2024, value: 50 }));
    await saveRegister(ctx, { code: 'CSKD', name: 'Số cơ sở (sổ theo dõi)', measureUnit: 'Cơ sở', values: entries });
    await p.plan(
      [
        {
          kind: 'ratio',
          threshold: 5,
          indicatorId: p.indicatorId.crimes,
          denominatorRegister: 'CSKD',
          periodFrom: 2024,
          periodTo: 2024,
        },
      ],
      [2024, 2024],
    );
    const ratio = async (day: string) =>
      (await evaluateTargets(ctx, { asOf: '2026-11-23', boundaryDate: day })).find(
        (e) => e.kind === 'ratio' && e.scope === 'province',
      )!;
    // Old boundaries: 19 of the four districts' 200; new: 25 of all six districts' 300.
    expect((await ratio('2024-01-01')).actual).toBe(9.5);
    expect((await ratio('2026-01-01')).actual).toBe(8.33);
    // When the office keeps each former province's own entry, those alone make the denominator: old 51
    // alone in the old boundaries, both in the new.
    await saveRegister(ctx, {
      code: 'CSKD',
      name: 'Số cơ sở (sổ theo dõi)',
      measureUnit: 'Cơ sở',
      values: [
        { unitId: p.unitId['51']!, year: 2024, value: 190 },
        { unitId: p.unitId['62']!, year: 2024, value: 60 },
      ],
    });
    expect((await ratio('2024-01-01')).actual).toBe(10);
    expect((await ratio('2026-01-01')).actual).toBe(10);
  });
});
