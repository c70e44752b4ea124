import type { Db } from '../schema';
import { AppError } from '../../shared/errors';
import type { SubmissionStatus } from '../../shared/domain/rounds';

export interface SubmissionRef {
  id: number;
  roundId: number;
  unitId: number;
  unitName: string;
  unitCode: string;
  status: SubmissionStatus;
  locked: boolean;
  receivedAt: string | null;
  formVersionId: number;
}

/** A unit's submission in a round, or a Vietnamese refusal naming what is missing. */
export async function findSubmission(db: Db, roundId: number, unitId: number): Promise<SubmissionRef> {
  const s = await db
    .selectFrom('submission as s')
    .innerJoin('report_round as r', 'r.id', 's.round_id')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.status', 's.locked', 's.received_at', 'r.form_version_id', 'u.name', 'u.code'])
    .where('s.round_id', '=', roundId)
    .where('s.unit_id', '=', unitId)
    .executeTakeFirst();
  if (!s) throw new AppError('not-found', `Đơn vị số ${unitId} không thuộc danh sách báo cáo của đợt số ${roundId}.`);
  return {
    id: s.id,
    roundId,
    unitId,
    unitName: s.name,
    unitCode: s.code,
    status: s.status,
    locked: s.locked === 1,
    receivedAt: s.received_at,
    formVersionId: s.form_version_id,
  };
}
