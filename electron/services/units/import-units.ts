import path from 'node:path';
import type { ImportUnitsReport } from '../../../shared/api/units';
import { foldText } from '../../../shared/text/fold';
import {
  findParentCycles,
  insertUnit,
  listCurrentUnitsByCode,
  listEmails,
  replaceEmails,
  updateUnit,
} from '../../../db/units/repo';
import type { ServiceContext } from '../context';
import { changeParent, insertUnitEvent } from '../../../db/units/history-repo';
import { vietnamDay } from '../../../shared/clock';
import { unitsFileError, type UnitFileRow } from './parse-units-file';
import { parseInWorker } from '../inbox/parse-pool';
import { MB, readFileWithinLimit } from '../files/limits';
import { AppError } from '../../../shared/errors';

export const MAX_UNITS_FILE_BYTES = 10 * MB;

function sameEmails(a: string[], b: string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((e, i) => e === sortedB[i]);
}

/**
 * Creates or updates units from a parsed file, in one transaction. A unit is matched by its code
 * among currently valid units, so importing the same file again changes nothing. Units the file
 * does not mention are left alone. Any problem rolls everything back.
 */
export async function importUnitRows(
  ctx: ServiceContext,
  fileName: string,
  rows: UnitFileRow[],
): Promise<ImportUnitsReport> {
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await listCurrentUnitsByCode(trx);
    const fileCodes = new Set(rows.map((r) => r.code));
    const unknownParents = rows.filter(
      (r) => r.parentCode && !fileCodes.has(r.parentCode) && !existing.has(r.parentCode),
    );
    if (unknownParents.length > 0) {
      throw unitsFileError(
        fileName,
        unknownParents.map((r) => ({
          where: `dòng ${r.line}`,
          message: `mã cấp trên "${r.parentCode}" không có trong tệp và chưa có trong danh sách đơn vị`,
        })),
      );
    }

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const idByCode = new Map<string, number>([...existing].map(([code, u]) => [code, u.id]));
    const changed = new Set<string>();
    for (const r of rows) {
      const old = existing.get(r.code);
      if (!old) {
        const id = await insertUnit(trx, {
          code: r.code,
          name: r.name,
          name_key: foldText(r.name),
          kind: r.kind,
          parent_id: null,
          valid_from: null,
          valid_to: null,
          created_at: now,
          updated_at: now,
        });
        await replaceEmails(trx, id, r.emails);
        idByCode.set(r.code, id);
        created++;
        continue;
      }
      let differs = old.name !== r.name || old.kind !== r.kind;
      if (differs)
        await updateUnit(trx, old.id, { name: r.name, name_key: foldText(r.name), kind: r.kind, updated_at: now });
      if (!sameEmails(await listEmails(trx, old.id), r.emails)) {
        await replaceEmails(trx, old.id, r.emails);
        differs = true;
      }
      if (differs) changed.add(r.code);
    }
    // A unit that moves to another parent keeps its former one for the days before the list was
    // imported, under one "reparent" event whose basis names the file.
    let reparentEvent: number | null = null;
    const today = vietnamDay(ctx.clock());
    for (const r of rows) {
      const id = idByCode.get(r.code)!;
      const parentId = r.parentCode ? idByCode.get(r.parentCode)! : null;
      const old = existing.get(r.code);
      if (old && old.parent_id !== parentId) {
        reparentEvent ??= await insertUnitEvent(trx, {
          kind: 'reparent',
          date: today,
          basis: `Danh sách đơn vị "${fileName}"`,
          now,
        });
        await changeParent(trx, id, parentId, today, reparentEvent, now);
        changed.add(r.code);
      } else if (!old && parentId !== null) {
        await updateUnit(trx, id, { parent_id: parentId });
      }
    }
    for (const r of rows) {
      if (!existing.has(r.code)) continue;
      if (changed.has(r.code)) updated++;
      else unchanged++;
    }

    const cycles = await findParentCycles(trx);
    if (cycles.length > 0) {
      const codes = rows.filter((r) => cycles.includes(idByCode.get(r.code)!));
      throw unitsFileError(
        fileName,
        codes.map((r) => ({
          where: `dòng ${r.line}`,
          message: `đơn vị "${r.code}" nằm trong vòng lặp cấp trên (A thuộc B, B lại thuộc A)`,
        })),
      );
    }
    return { fileName, created, updated, unchanged };
  });
}

/** Reads and imports a unit list file from disk. */
export async function importUnitsFromFile(ctx: ServiceContext, filePath: string): Promise<ImportUnitsReport> {
  const fileName = path.basename(filePath);
  const bytes = readFileWithinLimit(filePath, MAX_UNITS_FILE_BYTES);
  const rows = await parseInWorker('unitsFile', { fileName, bytes }, fileName);
  return importUnitRows(ctx, fileName, rows);
}

/** Lets the user choose a unit list and imports it; null when the user cancels. */
export async function chooseAndImportUnits(ctx: ServiceContext): Promise<ImportUnitsReport | null> {
  const filePath = await ctx.platform.chooseFile({
    title: 'Chọn tệp danh sách đơn vị',
    filters: [{ name: 'Danh sách đơn vị (CSV, Excel)', extensions: ['csv', 'xlsx', 'xls'] }],
  });
  if (filePath === null) return null;
  if (typeof filePath !== 'string' || filePath.length === 0) throw new AppError('invalid-input', 'Chưa chọn tệp.');
  return importUnitsFromFile(ctx, filePath);
}
