import { emptyCounts } from '../../shared/domain/office-import';
import { createCopier, type CopyInput, type CopyOutcome } from './copy-tables';
import { copyFiles } from './copy-files';
import { copyForms } from './copy-forms';
import { copyRegisters } from './copy-registers';
import { copyPlans, copyRounds } from './copy-rounds';
import { copyUnitEvents, copyUnits } from './copy-units';

export type { CopyInput, CopyOutcome } from './copy-tables';

/**
 * Copies another office's records into this database, table by table, parents before children:
 * each foreign id is looked up (or recorded) in `map`, so a row brought in before is skipped, and the
 * rows that reference it point at what it became here. Rows that already exist here are found, not
 * copied: administrative units by code, kind and an overlapping validity; files by checksum; e-mails
 * by Message-ID; registers by code; unit changes both offices recorded alike. Everything else the other
 * office made (its departments, forms, rounds, figures and their history, plans) is added.
 */
export async function copyOfficeRecords(input: CopyInput): Promise<CopyOutcome> {
  const out: CopyOutcome = {
    counts: emptyCounts(),
    renamedUnits: [],
    linkedIndicators: 0,
    unlinkedIndicators: [],
    conflicts: [],
    notes: [],
  };
  const c = createCopier(input, out);
  // Parents before children: units, the files their changes cite, the changes, then what refers to units.
  const units = await copyUnits(c);
  await copyFiles(c);
  await copyUnitEvents(c, units);
  await copyForms(c);
  await copyRegisters(c, units);
  await copyPlans(c);
  await copyRounds(c);

  // What the user should see to next.
  const stillValid = units.addedUnits.filter((u) => u.kind === 'province' && u.valid_to === null);
  for (const p of stillValid) {
    out.notes.push(
      `${p.name} (mã ${p.code}) vẫn còn hiệu lực ở đây. Nếu tỉnh này đã hợp nhất vào tỉnh của văn phòng, hãy ghi nhận việc hợp nhất (Đơn vị → Ghi nhận sáp nhập, chia tách…) để số liệu của hai tỉnh cộng vào tỉnh mới.`,
    );
  }
  return out;
}
