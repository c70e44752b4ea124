import type { Db } from '../schema';
import type { HistoryEntry } from '../../shared/domain/history';
import { matchesQuery } from '../../shared/text/fold';

export interface HistoryFilter {
  roundId?: number;
  unitId?: number;
  indicatorId?: number;
  /** Words of the indicator's name, diacritics optional. */
  indicatorQuery?: string;
  /** ISO dates, inclusive, as the office's calendar has them (Vietnam time). */
  from?: string;
  to?: string;
  limit?: number;
}

/** The audit log of figures, newest first, as filtered. */
export async function listHistory(db: Db, filter: HistoryFilter): Promise<HistoryEntry[]> {
  let q = db
    .selectFrom('value_history as h')
    .innerJoin('data_value as d', 'd.id', 'h.data_value_id')
    .innerJoin('submission as s', 's.id', 'd.submission_id')
    .innerJoin('report_round as r', 'r.id', 's.round_id')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .innerJoin('indicator as i', 'i.id', 'd.indicator_id')
    .leftJoin('submission_revision as rev', 'rev.id', 'h.revision_id')
    .leftJoin('stored_file as f', 'f.id', 'rev.file_id')
    .select([
      'h.id',
      'h.changed_at',
      'h.old_num',
      'h.old_text',
      'h.new_num',
      'h.new_text',
      'h.how',
      'h.changed_by',
      'h.reason',
      'r.id as round_id',
      'r.name as round_name',
      'u.id as unit_id',
      'u.name as unit_name',
      'i.id as indicator_id',
      'i.name as indicator_name',
      'i.name_key',
      'f.original_name as file_name',
    ]);
  if (filter.roundId !== undefined) q = q.where('r.id', '=', filter.roundId);
  if (filter.unitId !== undefined) q = q.where('u.id', '=', filter.unitId);
  if (filter.indicatorId !== undefined) q = q.where('i.id', '=', filter.indicatorId);
  if (filter.from) q = q.where('h.changed_at', '>=', startOfVietnamDay(filter.from));
  if (filter.to) q = q.where('h.changed_at', '<', startOfVietnamDay(filter.to, 1));
  const rows = await q.orderBy('h.changed_at', 'desc').orderBy('h.id', 'desc').execute();
  const entries = rows
    .filter((r) => !filter.indicatorQuery || matchesQuery(r.name_key, filter.indicatorQuery))
    .map((r): HistoryEntry => ({
      id: r.id,
      at: r.changed_at,
      roundId: r.round_id,
      roundName: r.round_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      indicatorId: r.indicator_id,
      indicatorName: r.indicator_name,
      oldValue: r.old_num ?? r.old_text,
      newValue: r.new_num ?? r.new_text,
      how: r.how,
      by: r.changed_by,
      reason: r.reason,
      fileName: r.file_name,
    }));
  return filter.limit === undefined ? entries : entries.slice(0, filter.limit);
}

/** Midnight of a date in Vietnam (UTC+7, no summer time) as the stored UTC timestamp text; `plusDays` moves it. */
function startOfVietnamDay(isoDate: string, plusDays = 0): string {
  return new Date(Date.parse(`${isoDate.slice(0, 10)}T00:00:00.000+07:00`) + plusDays * 86_400_000).toISOString();
}
