import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { insertForm, insertFormVersion, insertFormVersionRows, setFormVersionScope } from '../../../db/forms/repo';
import { insertRound, setRoundStatus } from '../../../db/rounds/repo';
import { writeRevisionValues, type IncomingValue } from '../../../db/values/repo';
import type { StoredFormRow } from '../../../db/forms/repo';
import { buildFormTree } from '../forms/build-form-tree';
import seed from './seed-appendix-lao-cai-142.json';
import { findSubmissionRecord, insertRevision, setSubmissionStatus } from '../../../db/submissions/repo';

/**
 * Five years of figures for the demo province, so targets have something to be evaluated on: the
 * seed appendix (Lào Cai, 142/KH-UBND: table A's targets and table B's results) as the yearly
 * form, and one approved report per district and year 2021-2025. The figures are made up by a
 * seeded generator (the same every time), kept inside the form's "Trong đó" rules, with trends
 * chosen so that some targets are met, some are not and one is still waiting for a district.
 */
export const demoFormName = 'Biểu tổng hợp số liệu phòng, chống mại dâm (năm)';
export const demoYears = [2021, 2022, 2023, 2024, 2025] as const;
/** The district whose 2025 report has not come in: its targets stay at risk. */
export const demoLateDistrict = '535';

/** Rows of the demo form, found by how their text starts (the numbering "-", "+" is kept apart). */
export const demoRow = {
  awareness: 'Số xã, phường, thị trấn tổ chức được ít nhất một hình thức tuyên truyền',
  integrated: 'Xây dựng kế hoạch lồng ghép',
  businesses: 'Tổng số cơ sở kinh doanh dịch vụ dễ phát sinh',
  inspected: 'Tổng số cơ sở kiểm tra trong kỳ',
  prosecuted: 'Số người bị xử lý hình sự',
  counted: 'Số người bán dâm được các cơ quan chức năng thống kê',
  supported: 'Tổng số người bán dâm được hỗ trợ',
} as const;

export function demoFormRows() {
  return buildFormTree([
    { text: 'A. THỰC HIỆN CHỈ TIÊU', unit: null },
    ...seed.tableA.rows.map((text) => ({ text, unit: null })),
    { text: 'B. KẾT QUẢ THỰC HIỆN', unit: null },
    // The seed is a five-year form; as a yearly form its spending row speaks of the period reported.
    ...(seed.tableB.rows as [string, string | null][]).map(([text, unit]) => ({
      text: text.replace('giai đoạn 2016-2020', 'trong kỳ'),
      unit,
    })),
  ]);
}

/** A small deterministic generator (mulberry32), seeded per unit, year and row. */
function random(seedText: string): () => number {
  let h = 1779033703;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How big a district is, relative to the average one (the city is the largest, the island the smallest). */
const districtSize: Record<string, number> = {
  '522': 1.9,
  '524': 1.4,
  '534': 1.3,
  '528': 1.2,
  '533': 1.1,
  '527': 1.0,
  '532': 0.9,
  '525': 0.7,
  '529': 0.7,
  '535': 0.6,
  '531': 0.4,
  '530': 0.35,
  '536': 0.3,
};

function figuresFor(unitCode: string, year: number, rows: StoredFormRow[]): IncomingValue[] {
  const size = districtSize[unitCode] ?? 1;
  const step = year - demoYears[0];
  const rnd = random(`${unitCode}/${year}`);
  const steady = random(unitCode); // the same for a district every year
  const value = new Map<number, number>();
  const startsWith = (r: StoredFormRow, prefix: string) => r.text.startsWith(prefix);
  const businessesBase = Math.round(55 * size * (0.8 + steady() * 0.4));

  for (const r of rows) {
    if (!r.valueRow) continue;
    const parent = r.parentRow === null ? null : rows[r.parentRow - 1]!;
    const parentValue = parent && parent.valueRow ? value.get(parent.row) : undefined;
    let v: number;
    if (r.valueType === 'yes-no') {
      v = startsWith(r, demoRow.integrated) ? (unitCode === '530' && year <= 2022 ? 0 : 1) : rnd() < 0.85 ? 1 : 0;
    } else if (r.valueType === 'percent') {
      v = Math.round(62 + 30 * rnd() + 2 * step);
    } else if (startsWith(r, demoRow.businesses)) {
      v = Math.round(businessesBase * (1 + 0.03 * step));
    } else if (startsWith(r, demoRow.inspected)) {
      const businesses = value.get(rows.find((x) => startsWith(x, demoRow.businesses))!.row)!;
      v = Math.round(businesses * (0.13 + 0.012 * step + 0.06 * rnd()));
    } else if (startsWith(r, demoRow.prosecuted)) {
      v = Math.max(0, Math.round(6 * size * 1.045 ** step + (rnd() - 0.5) * 1.5));
    } else if (startsWith(r, demoRow.supported)) {
      const counted = value.get(rows.find((x) => startsWith(x, demoRow.counted))!.row)!;
      v = Math.round(counted * (0.5 + 0.04 * step + 0.15 * rnd()));
    } else if (parentValue !== undefined && parent!.unit === r.unit) {
      // A "Trong đó" item: a share of its total, so the items never exceed it.
      const siblings = rows.filter((x) => x.parentRow === r.parentRow && x.valueRow && x.unit === r.unit).length;
      v = Math.floor((parentValue * (0.3 + 0.6 * rnd())) / Math.max(1, siblings));
    } else if (parentValue !== undefined) {
      v = Math.round(parentValue * (1.5 + 3 * rnd()) * 10) / 10; // money under a count: million đồng
    } else if (r.valueType === 'decimal') {
      v = Math.round(40 * size * (0.7 + 0.6 * rnd()) * 10) / 10;
    } else {
      v = Math.round(20 * size * (0.5 + rnd()));
    }
    value.set(r.row, v);
  }
  return rows
    .filter((r) => r.valueRow && r.indicatorId !== null && value.has(r.row))
    .map((r) => ({
      indicatorId: r.indicatorId!,
      num: value.get(r.row)!,
      text: null,
      sourceFileId: null,
      sourceSheet: null,
      sourceCell: null,
    }));
}

export interface DemoHistory {
  formId: number;
  rows: StoredFormRow[];
  roundIds: number[];
}

/** The demo form and its yearly rounds 2021-2025 for the districts, inside the demo's transaction. */
export async function insertDemoHistory(
  trx: Transaction<Database>,
  districts: { id: number; code: string }[],
  now: string,
): Promise<DemoHistory> {
  const formId = await insertForm(trx, demoFormName, now);
  const versionId = await insertFormVersion(trx, formId, 1, null, now);
  const rows = await insertFormVersionRows(trx, formId, versionId, demoFormRows(), now);
  await setFormVersionScope(trx, versionId, { periodType: 'year', unitKinds: ['district'] });
  const roundIds: number[] = [];
  for (const year of demoYears) {
    const roundId = await insertRound(
      trx,
      {
        formVersionId: versionId,
        name: `${demoFormName.replace(' (năm)', '')} năm ${year}`,
        periodCode: String(year),
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        cutoffDate: `${year}-12-14`,
        deadline: `${year}-12-20`,
      },
      districts.map((d) => d.id),
      now,
    );
    roundIds.push(roundId);
    if (year !== demoYears.at(-1)) await setRoundStatus(trx, roundId, 'closed');
    for (const d of districts) {
      if (year === demoYears.at(-1) && d.code === demoLateDistrict) continue;
      const sub = (await findSubmissionRecord(trx, roundId, d.id))!;
      const day = 15 + Math.floor(random(`${d.code}/${year}/day`)() * 9); // a few arrive after the 20th
      const receivedAt = `${year}-12-${String(day).padStart(2, '0')}T02:00:00.000Z`;
      const revision = await insertRevision(trx, {
        submissionId: sub.id,
        source: 'manual',
        emailMessageId: null,
        fileId: null,
        now: receivedAt,
        note: 'Dữ liệu mẫu',
      });
      await writeRevisionValues(trx, sub.id, revision.id, figuresFor(d.code, year, rows), 'dữ liệu mẫu', receivedAt);
      const done = year < demoYears.at(-1)!;
      await setSubmissionStatus(trx, sub.id, {
        status: done ? 'approved' : 'checked',
        receivedAt,
        late: day > 20,
        locked: done ? 1 : 0,
      });
    }
  }
  return { formId, rows, roundIds };
}
