import { openSqliteFile } from '../../../db/open-sqlite';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOriginal, sha256 } from '../files/file-store';
import { readParts } from '../inbox/read-parts';
import { buildEml, ownLayoutWorkbook } from '../../../tests/fixtures/replies';
import type { TargetEvaluation } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../../../db/connection';
import { migrations } from '../../../db/migrations/index';
import { createTestContext, type TestContext } from '../../testing/service-context';
import { buildTargetProvince, provinceIndicators, type TargetProvince } from '../../testing/target-province';
import { saveValues } from '../submissions/save-values';
import { saveRegister } from '../targets/registers';
import { evaluateTargets } from '../targets/evaluate-targets';
import { getIndicatorSeries } from '../targets/dashboard';
import { exportReviewReport } from '../export/review-report';
import JSZip from 'jszip';
import { importReply } from '../inbox/import-reply';
import { listBackupFiles, backupFolder } from '../backup/backups';
import { recordEnd, recordMerge } from '../units/unit-changes';
import { listUnitTree } from '../units/list-units';
import { importOfficeDatabase } from './import-office';
import { insertUnit } from '../../../db/units/repo';

/**
 * Two former provinces in one: this office kept "Tỉnh Thử Nghiệm" (51: D1-D4) and the office of Kon
 * Tum (62: K1, K2) kept its own database until the provinces merged on 1/7/2025. Kon Tum's office
 * sends its database; this office brings it in, records the merger, and evaluates 2021-2024 in both
 * boundaries.
 */
const ours2024 = { D1: 10, D2: 2, D3: 3, D4: 4 };
const theirs2024 = { K1: 5, K2: 1 };
let ours: TestContext;
let theirs: TestContext;
let p: TargetProvince;
let k: TargetProvince;
let replyWorkbook: Buffer;

/** The other office's database as it sends it: a copy taken with the app's own backup. */
async function theirCopy(name = 'kon-tum.db'): Promise<string> {
  const file = path.join(ours.database.dir, 'nhan', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  await theirs.copyDatabase(file);
  return file;
}

/** Every row of every table, to show a second import changes nothing. */
function contents(ctx: TestContext): Record<string, unknown[]> {
  const sqlite = ctx.database.sqlite;
  const tables = (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [
      t,
      sqlite
        .prepare(`SELECT * FROM ${t}`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

beforeEach(async () => {
  ours = await createTestContext(new Date('2026-11-23T03:00:00Z'));
  theirs = await createTestContext(new Date('2026-11-20T03:00:00Z'));
  p = await buildTargetProvince(ours);
  k = await buildTargetProvince(theirs, {
    code: '62',
    name: 'Tỉnh Kon Tum',
    districts: { K1: 'Huyện Đắk Hà', K2: 'Huyện Sa Thầy' },
  });
  for (const year of [2021, 2022, 2023]) {
    await p.fillYear(
      String(year),
      Object.fromEntries(Object.keys(ours2024).map((c, i) => [c, { crimes: year - 2020 + i, plan: 'Có' }])),
    );
    await k.fillYear(
      String(year),
      Object.fromEntries(Object.keys(theirs2024).map((c, i) => [c, { crimes: 10 * (year - 2020) + i, plan: 'Có' }])),
    );
  }
  await p.fillYear('2024', Object.fromEntries(Object.entries(ours2024).map(([c, n]) => [c, { crimes: n }])));
  const round = await k.fillYear('2024', { K2: { crimes: theirs2024.K2 } }, ['K1', 'K2']);
  // Đắk Hà's figures came by e-mail; Sa Thầy's were typed, then corrected.
  replyWorkbook = await ownLayoutWorkbook(
    [
      [provinceIndicators.crimes, 'Vụ', theirs2024.K1],
      [provinceIndicators.sessions, 'Buổi', 12],
    ],
    'UBND HUYỆN ĐẮK HÀ',
  );
  const eml = path.join(theirs.database.dir, 'dak-ha.eml');
  fs.writeFileSync(
    eml,
    await buildEml({
      from: 'ubnd.dakha@kontum.gov.vn',
      subject: 'Báo cáo năm 2024',
      messageId: '<dakha-2024@kontum.gov.vn>',
      attachments: [{ filename: 'Đắk Hà 2024.xlsx', content: replyWorkbook }],
    }),
  );
  const reply = await importReply(theirs, eml, { roundId: round, unitId: k.unitId['K1']! });
  expect(reply.values).toBe(2);
  await saveValues(theirs, {
    roundId: round,
    unitId: k.unitId['K2']!,
    how: 'typed',
    changes: [{ indicatorId: k.indicatorId.crimes, value: 7 }],
  });
  await saveValues(theirs, {
    roundId: round,
    unitId: k.unitId['K2']!,
    how: 'typed',
    changes: [{ indicatorId: k.indicatorId.crimes, value: theirs2024.K2 }],
  });
  await saveRegister(theirs, {
    code: 'CSKD',
    name: 'Số cơ sở kinh doanh (sổ theo dõi)',
    measureUnit: 'Cơ sở',
    values: [{ unitId: k.unitId['K1']!, year: 2024, value: 40 }],
  });
  await saveRegister(ours, {
    code: 'CSKD',
    name: 'Số cơ sở kinh doanh (sổ theo dõi)',
    measureUnit: 'Cơ sở',
    values: [{ unitId: p.unitId['D1']!, year: 2024, value: 90 }],
  });
});
afterEach(async () => {
  await ours.dispose();
  await theirs.dispose();
});

const province = (list: TargetEvaluation[]) =>
  Object.fromEntries(list.filter((e) => e.scope === 'province').map((e) => [e.period, e.actual]));
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

describe('bringing in the database of the office of a province that merged into this one', () => {
  it('brings its units, forms, rounds, figures, originals and history, and a second time changes nothing', async () => {
    const first = await importOfficeDatabase(ours, { file: await theirCopy() });
    expect(first).toMatchObject({ label: 'Tỉnh Kon Tum', firstTime: true, sameFileAsBefore: false, conflicts: [] });
    expect(first.counts).toMatchObject({
      unitsAdded: 4,
      unitsMatched: 0,
      forms: 1,
      rounds: 4,
      submissions: 8,
      messages: 1,
      registerValues: 1,
      plans: 0,
    });
    // Every figure the other office holds (the e-mailed workbook's empty rows too, as stored there).
    const theirValues = (theirs.database.sqlite.prepare('SELECT count(*) AS n FROM data_value').get() as { n: number })
      .n;
    expect(first.counts.values).toBe(theirValues);
    expect(theirValues).toBeGreaterThan(3 * 2 * 2 + 3);
    expect(first.counts.files).toBeGreaterThanOrEqual(2); // the e-mail and its workbook
    // Kon Tum's standing office had the same code as this one's: it keeps its own, with the province's code in front.
    expect(first.renamedUnits).toEqual([{ code: 'SYT', newCode: '62-SYT', name: 'Sở Y tế' }]);
    // The indicators of its form are joined to this office's, so figures add up across the provinces.
    expect(first.linkedIndicators).toBe(5);
    expect(first.unlinkedIndicators).toEqual([]);
    expect(first.notes).toEqual([expect.stringContaining('Tỉnh Kon Tum (mã 62) vẫn còn hiệu lực ở đây')]);
    expect(first.backup).toMatch(/truoc-gop/);
    expect(listBackupFiles(backupFolder(ours)).map((b) => b.kind)).toContain('truoc-gop');

    // The tree today holds both provinces, Kon Tum's office under its name.
    const tree = (await listUnitTree(ours, '2026-01-01')).map((u) => `${'  '.repeat(u.level)}${u.code} ${u.name}`);
    expect(tree).toEqual(
      expect.arrayContaining([
        '62 Tỉnh Kon Tum',
        '  62-SYT Sở Y tế (Tỉnh Kon Tum)',
        '  K1 Huyện Đắk Hà',
        '  K2 Huyện Sa Thầy',
        '  SYT Sở Y tế',
      ]),
    );
    const rounds = await ours.db.selectFrom('report_round').select('name').orderBy('id').execute();
    expect(rounds.map((r) => r.name)).toContain('Báo cáo năm – Năm 2024 (Tỉnh Kon Tum)');

    // Đắk Hà's figure keeps where it came from: the e-mail, its workbook byte for byte, the cell.
    const figure = await ours.db
      .selectFrom('data_value as d')
      .innerJoin('submission as s', 's.id', 'd.submission_id')
      .innerJoin('org_unit as u', 'u.id', 's.unit_id')
      .innerJoin('submission_revision as r', 'r.id', 'd.revision_id')
      .innerJoin('email_message as m', 'm.id', 'r.email_message_id')
      .select(['d.num_value', 'd.source_cell', 'd.source_file_id', 'm.message_id', 'm.subject'])
      .where('u.code', '=', 'K1')
      .where('d.num_value', '=', theirs2024.K1)
      .executeTakeFirstOrThrow();
    expect(figure).toMatchObject({ message_id: '<dakha-2024@kontum.gov.vn>', subject: 'Báo cáo năm 2024' });
    expect(figure.source_cell).toBeTruthy();
    const original = await readOriginal(ours.db, figure.source_file_id!, readParts);
    expect(original.name).toBe('Đắk Hà 2024.xlsx');
    expect(sha256(original.bytes)).toBe(sha256(replyWorkbook));
    // Sa Thầy's correction keeps its history.
    const history = await ours.db
      .selectFrom('value_history as h')
      .innerJoin('data_value as d', 'd.id', 'h.data_value_id')
      .innerJoin('submission as s', 's.id', 'd.submission_id')
      .innerJoin('org_unit as u', 'u.id', 's.unit_id')
      .select(['h.old_num', 'h.new_num', 'h.how'])
      .where('u.code', '=', 'K2')
      .where('h.old_num', 'is not', null)
      .orderBy('h.id')
      .execute();
    expect(history).toEqual([
      { old_num: theirs2024.K2, new_num: 7, how: 'typed' },
      { old_num: 7, new_num: theirs2024.K2, how: 'typed' },
    ]);
    expect(await ours.checkDatabase(true)).toEqual({ ok: true, full: true, problems: [] });

    // Again: a later copy of the same database (other bytes: its office wrote its letterhead since, which is not brought in), then the very same file.
    const before = contents(ours);
    await theirs.db.insertInto('app_setting').values({ key: 'office.place', value: 'Kon Tum' }).execute();
    const again = await importOfficeDatabase(ours, { file: await theirCopy('kon-tum-lan-2.db') });
    expect(again).toMatchObject({
      firstTime: false,
      sameFileAsBefore: false,
      conflicts: [],
      renamedUnits: [],
      linkedIndicators: 0,
    });
    expect(Object.entries(again.counts).filter(([, n]) => n > 0)).toEqual([]);
    expect(contents(ours)).toEqual(before);
    const same = await importOfficeDatabase(ours, { file: path.join(ours.database.dir, 'nhan', 'kon-tum.db') });
    expect(same).toMatchObject({ sameFileAsBefore: true, backup: null });
    expect(contents(ours)).toEqual(before);
  });

  it('after the merger is recorded, a 2021-2024 target counts both provinces in the new boundaries and one in the old', async () => {
    await importOfficeDatabase(ours, { file: await theirCopy() });
    const merged = await recordMerge(ours, {
      into: '51',
      name: 'Tỉnh Quảng Ngãi',
      from: ['51', '62'],
      date: '2025-07-01',
      basis: 'Nghị quyết 202/2025/QH15',
    });
    expect(merged.alreadyRecorded).toBe(false);
    for (const code of ['D1', 'D2', 'D3', 'D4', 'K1', 'K2'])
      await recordEnd(ours, { code, date: '2025-07-01', basis: 'Luật 72/2025/QH15' });
    await p.plan(
      [
        {
          kind: 'count',
          comparator: '>=',
          threshold: 10,
          indicatorId: p.indicatorId.crimes,
          periodFrom: 2021,
          periodTo: 2024,
        },
      ],
      [2021, 2024],
    );
    const now = province(await evaluateTargets(ours, { asOf: '2026-11-23', boundaryDate: '2026-01-01' }));
    const old = province(await evaluateTargets(ours, { asOf: '2026-11-23', boundaryDate: '2024-01-01' }));
    const konTum = province(
      await evaluateTargets(ours, { asOf: '2026-11-23', boundaryDate: '2024-01-01', province: '62' }),
    );
    expect(old['2024']).toBe(sum(ours2024));
    expect(konTum['2024']).toBe(sum(theirs2024));
    expect(now['2024']).toBe(sum(ours2024) + sum(theirs2024));
    expect(now['2021']).toBe([1, 2, 3, 4].reduce((a, b) => a + b, 0) + 10 + 11);
    // The same indicator year by year, province figure: both provinces in the new boundaries, one in the old; said when re-mapped.
    const series = await getIndicatorSeries(ours, p.indicatorId.crimes, { boundaryDate: '2026-01-01' });
    expect(series.province[series.years.indexOf(2024)]).toBe(sum(ours2024) + sum(theirs2024));
    expect(series.units.map((u) => u.code)).toEqual(['51']);
    expect(series.boundary!.notes[series.years.indexOf(2024)]).toMatch(
      /^Theo địa giới ngày 01\/01\/2026 \(Tỉnh Quảng Ngãi\): số liệu của 6 đơn vị được quy đổi theo sáp nhập, chia tách/,
    );
    const oldSeries = await getIndicatorSeries(ours, p.indicatorId.crimes, { boundaryDate: '2024-01-01' });
    expect(oldSeries.province[oldSeries.years.indexOf(2024)]).toBe(sum(ours2024));
    const asReported = await getIndicatorSeries(ours, p.indicatorId.crimes);
    expect(asReported.boundary).toBeNull();
    expect(asReported.province[asReported.years.indexOf(2024)]).toBe(sum(ours2024) + sum(theirs2024));
    // The draft report on the plan, in the new boundaries: its sentences say so.
    const report = await exportReviewReport(ours, {
      planId: (await ours.db.selectFrom('plan').select('id').executeTakeFirstOrThrow()).id,
      asOf: '2026-11-23',
      boundaryDate: '2026-01-01',
    });
    const xml = await (await JSZip.loadAsync(report.bytes)).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain(
      'Theo địa giới ngày 01/01/2026 (Tỉnh Quảng Ngãi): số liệu của 6 đơn vị được quy đổi',
    );
    // The register came along under Kon Tum's district.
    const register = await ours.db
      .selectFrom('register_value as v')
      .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
      .select(['u.code', 'v.value'])
      .orderBy('u.code')
      .execute();
    expect(register).toEqual([
      { code: 'D1', value: 90 },
      { code: 'K1', value: 40 },
    ]);
  });

  it('when the merger was recorded here first, the other province is found by its code and its districts move under the new province', async () => {
    const now = ours.clock().toISOString();
    await insertUnit(ours.db, {
      code: '62',
      name: 'Tỉnh Kon Tum',
      name_key: 'tinh kon tum',
      kind: 'province',
      parent_id: null,
      valid_from: null,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
    await recordMerge(ours, {
      into: '51',
      name: 'Tỉnh Quảng Ngãi',
      from: ['51', '62'],
      date: '2025-07-01',
      basis: 'Nghị quyết 202/2025/QH15',
    });
    const r = await importOfficeDatabase(ours, { file: await theirCopy() });
    expect(r.counts).toMatchObject({ unitsAdded: 3, unitsMatched: 1 });
    expect(r.notes).toEqual([
      expect.stringMatching(
        /^3 đơn vị chuyển theo thay đổi đã ghi nhận ở đây cho đơn vị cấp trên của chúng .*: K1 Huyện Đắk Hà, K2 Huyện Sa Thầy, 62-SYT Sở Y tế \(Tỉnh Kon Tum\)\.$/,
      ),
    ]);
    const tree = async (day: string) =>
      (await listUnitTree(ours, day)).filter((u) => u.code.startsWith('K')).map((u) => `${u.code}<${u.parentCode}`);
    expect(await tree('2024-01-01')).toEqual(['K1<62', 'K2<62']);
    expect(await tree('2026-01-01')).toEqual(['K1<51', 'K2<51']);
    await p.plan(
      [
        {
          kind: 'count',
          comparator: '>=',
          threshold: 10,
          indicatorId: p.indicatorId.crimes,
          periodFrom: 2021,
          periodTo: 2024,
        },
      ],
      [2021, 2024],
    );
    const inNew = province(await evaluateTargets(ours, { asOf: '2026-11-23', boundaryDate: '2026-01-01' }));
    expect(inNew['2024']).toBe(sum(ours2024) + sum(theirs2024));
    expect((await ours.checkDatabase(true)).ok).toBe(true);
  });

  it('a later copy brings only what is new; a figure the other office changed since is reported and this office keeps its own', async () => {
    await importOfficeDatabase(ours, { file: await theirCopy() });
    const k2024 = (
      await theirs.db
        .selectFrom('report_round')
        .select('id')
        .where('period_code', '=', '2024')
        .executeTakeFirstOrThrow()
    ).id;
    await saveValues(theirs, {
      roundId: k2024,
      unitId: k.unitId['K2']!,
      how: 'typed',
      changes: [{ indicatorId: k.indicatorId.crimes, value: 9 }],
    });
    await k.fillYear('2025-H1', { K1: { crimes: 2 }, K2: { crimes: 3 } });
    const later = await importOfficeDatabase(ours, { file: await theirCopy('kon-tum-thang-7.db') });
    expect(later.counts).toMatchObject({ unitsAdded: 0, rounds: 1, submissions: 2, values: 2, forms: 0 });
    expect(later.conflicts).toEqual([
      `Báo cáo năm – Năm 2024 (Tỉnh Kon Tum), Huyện Sa Thầy, "${provinceIndicators.crimes}": ở đây 1, văn phòng kia 9; giữ số ở đây.`,
    ]);
    const kept = await ours.db
      .selectFrom('data_value as d')
      .innerJoin('submission as s', 's.id', 'd.submission_id')
      .innerJoin('org_unit as u', 'u.id', 's.unit_id')
      .innerJoin('report_round as r', 'r.id', 's.round_id')
      .select('d.num_value')
      .where('u.code', '=', 'K2')
      .where('r.period_code', '=', '2024')
      .where(
        'd.indicator_id',
        'in',
        ours.db.selectFrom('indicator').select('id').where('name', '=', provinceIndicators.crimes),
      )
      .executeTakeFirstOrThrow();
    expect(kept.num_value).toBe(theirs2024.K2);
  });

  it('refuses, in Vietnamese and changing nothing, a file that is not a database of the app, a damaged one, and this database itself', async () => {
    const before = contents(ours);
    const notDb = path.join(ours.database.dir, 'bao-cao.db');
    fs.writeFileSync(notDb, 'Đây không phải cơ sở dữ liệu');
    await expect(importOfficeDatabase(ours, { file: notDb })).rejects.toThrow(
      'Không nhập được "bao-cao.db": tệp không phải cơ sở dữ liệu của phần mềm hoặc đã bị hỏng.',
    );
    const damaged = await theirCopy('hong.db');
    const bytes = fs.readFileSync(damaged);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(importOfficeDatabase(ours, { file: damaged })).rejects.toBeInstanceOf(AppError);
    const own = path.join(ours.database.dir, 'ban-sao.db');
    await ours.copyDatabase(own);
    await expect(importOfficeDatabase(ours, { file: own })).rejects.toThrow(
      '"ban-sao.db" là chính cơ sở dữ liệu đang dùng (hoặc một bản sao lưu của nó): không có gì để nhập.',
    );
    await expect(importOfficeDatabase(ours, { file: path.join(ours.database.dir, 'khong-co.db') })).rejects.toThrow(
      'Không tìm thấy tệp',
    );
    // Another office's file with a trigger added that would rewrite the figures brought in.
    const tampered = await theirCopy('co-trigger.db');
    const raw = openSqliteFile(tampered);
    raw.exec(
      'CREATE TRIGGER doi_so_lieu AFTER INSERT ON data_value BEGIN UPDATE data_value SET num_value = 0 WHERE id = new.id; END',
    );
    raw.close();
    await expect(importOfficeDatabase(ours, { file: tampered })).rejects.toThrow(
      'Không nhập được "co-trigger.db": cấu trúc dữ liệu khác với phần mềm (có thêm trigger "doi_so_lieu" (trên bảng data_value) không do phần mềm tạo). Không có gì được thay đổi.',
    );
    expect(contents(ours)).toEqual(before);
  });

  it('reads a database from an older version of the app (before databases had an identity) without changing it, and knows it again', async () => {
    const file = path.join(ours.database.dir, 'cu.db');
    const old = await openDatabase(file, { migrations: migrations.slice(0, 6) });
    const now = '2024-01-01T00:00:00.000Z';
    old.sqlite
      .prepare(
        "INSERT INTO org_unit (code, name, name_key, kind, parent_id, created_at, updated_at) VALUES ('62', 'Tỉnh Kon Tum', 'tinh kon tum', 'province', NULL, ?, ?)",
      )
      .run(now, now);
    old.sqlite
      .prepare(
        "INSERT INTO org_unit (code, name, name_key, kind, parent_id, created_at, updated_at) VALUES ('610', 'Huyện Đắk Hà', 'huyen dak ha', 'district', 1, ?, ?)",
      )
      .run(now, now);
    await old.close();
    const bytes = fs.readFileSync(file);
    const first = await importOfficeDatabase(ours, { file });
    expect(first.counts).toMatchObject({ unitsAdded: 2 });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const before = contents(ours);
    // A later copy with other bytes (its office set its letterhead): known by when it was made, nothing added.
    const later = path.join(ours.database.dir, 'cu-2.db');
    fs.copyFileSync(file, later);
    const db2 = openSqliteFile(later);
    db2.prepare("INSERT INTO app_setting (key, value) VALUES ('office.place', 'Kon Tum')").run();
    db2.close();
    const again = await importOfficeDatabase(ours, { file: later });
    expect(again).toMatchObject({ firstTime: false, sameFileAsBefore: false });
    expect(contents(ours)).toEqual(before);
  });
});
