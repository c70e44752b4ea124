import type { Db } from '../../../db/schema';
import { getFormVersionRows, type StoredFormRow } from '../../../db/forms/repo';
import { listRoundSummaries } from '../../../db/rounds/repo';
import { listUnits } from '../../../db/units/repo';
import type { RoundSummary } from '../../../shared/domain/rounds';
import { rowKeyText } from './match-rows';
import { prepareUnits, type PreparedUnits } from './match-unit';
import { templateSecret } from '../templates/identity-signature';
import { listExpectedUnits } from '../../../db/rounds/repo';
import type { CheckedIndicatorRow } from '../../../shared/domain/check-values';
import { checkedRowsOf } from '../submissions/check-submission';

/**
 * What every reply is read against — the units that may send one, the rounds and who is expected
 * in each, the forms' rows — loaded once for a batch of files rather than once per file. An import
 * that adds a unit to a round's expected list updates it here too.
 */
export interface ImportLookups {
  units: PreparedUnits;
  rounds: RoundSummary[];
  expectedIn: Map<number, Set<number>>;
  /** The secret that signs templates' identities (identity-signature.ts). */
  templateSecret: string;
  /** A form version's rows, their texts as matched, and the rows its figures are checked against (with bounds). */
  formRows(
    db: Db,
    versionId: number,
  ): Promise<{ rows: StoredFormRow[]; keys: string[]; checkedRows: CheckedIndicatorRow[] }>;
}

export async function loadImportLookups(db: Db): Promise<ImportLookups> {
  const units = (await listUnits(db)).filter((u) => u.kind !== 'province' && u.kind !== 'secretariat');
  const expected = await listExpectedUnits(db);
  const expectedIn = new Map<number, Set<number>>();
  for (const e of expected) expectedIn.set(e.round_id, (expectedIn.get(e.round_id) ?? new Set()).add(e.unit_id));
  const forms = new Map<number, { rows: StoredFormRow[]; keys: string[]; checkedRows: CheckedIndicatorRow[] }>();
  return {
    units: prepareUnits(units),
    rounds: await listRoundSummaries(db),
    expectedIn,
    templateSecret: await templateSecret(db),
    async formRows(tx, versionId) {
      let f = forms.get(versionId);
      if (!f) {
        const rows = await getFormVersionRows(tx, versionId);
        f = { rows, keys: rows.map((r) => rowKeyText(r.text)), checkedRows: await checkedRowsOf(tx, versionId, rows) };
        forms.set(versionId, f);
      }
      return f;
    },
  };
}
