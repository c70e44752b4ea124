import type { Db } from '../../../db/schema';
import { getRoundPeriod } from '../../../db/rounds/repo';
import { listRoundFiguresByCode } from '../../../db/values/repo';
import { parsePeriod, type PeriodKind } from '../../../shared/domain/periods';

/** One reported figure as other systems take it: data element, period, organisation unit, value. */
export interface InterchangeValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
}

/** Every reported figure of a round, by indicator code and unit code, in a stable order. */
export async function roundInterchangeValues(
  db: Db,
  roundId: number,
): Promise<{ values: InterchangeValue[]; periodCode: string; periodStart: string }> {
  const round = await getRoundPeriod(db, roundId);
  const rows = await listRoundFiguresByCode(db, roundId);
  return {
    periodCode: round.period_code,
    periodStart: round.period_start,
    values: rows.map((r) => ({
      dataElement: r.element,
      period: round.period_code,
      orgUnit: r.unit,
      value: r.num_value !== null ? String(r.num_value) : r.text_value!,
    })),
  };
}

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** DHIS2's CSV import layout (dataelement, period, orgunit, value), UTF-8 with a BOM so Excel reads the accents. */
export function toCsv(values: InterchangeValue[]): Buffer {
  const lines = [
    'dataelement,period,orgunit,value',
    ...values.map((v) => [v.dataElement, v.period, v.orgUnit, v.value].map(csvField).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const durations: Record<PeriodKind, (code: string) => string> = {
  month: () => 'P1M',
  quarter: () => 'P3M',
  'half-year': () => 'P6M',
  'nine-months': () => 'P9M',
  year: () => 'P1Y',
  'multi-year': (code) => `P${Number(code.slice(5, 9)) - Number(code.slice(0, 4)) + 1}Y`,
};

/** The ADX period: the start date and an ISO 8601 duration ("2025-01-01/P1Y"). */
export function adxPeriod(periodCode: string): string {
  const p = parsePeriod(periodCode);
  if (!p) throw new Error(`not a period: ${periodCode}`);
  return `${p.start}/${durations[p.kind](p.code)}`;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * DHIS2 ADX (urn:ihe:qrph:adx:2015): one group per organisation unit; a number in the value
 * attribute, a text value as the element's content, as DHIS2 reads non-numeric values.
 */
export function toAdx(values: InterchangeValue[], periodCode: string, dataSet: string, exportedAt: string): Buffer {
  const period = adxPeriod(periodCode);
  const byUnit = new Map<string, InterchangeValue[]>();
  for (const v of values) byUnit.set(v.orgUnit, [...(byUnit.get(v.orgUnit) ?? []), v]);
  const groups = [...byUnit.entries()].map(
    ([unit, vs]) =>
      `  <group orgUnit="${xml(unit)}" period="${period}" dataSet="${xml(dataSet)}">\n${vs
        .map((v) =>
          /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v.value)
            ? `    <dataValue dataElement="${xml(v.dataElement)}" value="${v.value}"/>`
            : `    <dataValue dataElement="${xml(v.dataElement)}">${xml(v.value)}</dataValue>`,
        )
        .join('\n')}\n  </group>`,
  );
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${xml(exportedAt)}">\n${groups.join('\n')}\n</adx>\n`,
    'utf8',
  );
}
