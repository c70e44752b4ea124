import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Db } from '../../../db/schema';
import { insertUnit, listChildUnits, listUnits, listUnitsStartingAfter, updateUnit } from '../../../db/units/repo';
import { changeParent, insertSuccession, insertUnitEvent } from '../../../db/units/history-repo';
import { AppError } from '../../../shared/errors';
import { foldText } from '../../../shared/text/fold';
import { formatDate } from '../../../shared/text/format-vi';
import { vietnamDay } from '../../../shared/clock';
import type { Unit } from '../../../shared/domain/units';
import type { OfficialListChoices, OfficialListPreview } from '../../../shared/domain/official-list';
import type { ServiceContext } from '../context';
import { takeBackup } from '../backup/backups';
import { MB, readFileWithinLimit } from '../files/limits';
import { parseInWorker } from '../inbox/parse-pool';
import { type OfficialList, type OfficialUnit } from './parse-official-list';
import { keepOriginal } from '../files/file-store';

export const MAX_OFFICIAL_LIST_BYTES = 30 * MB;

const ADMINISTRATIVE = new Set(['province', 'district', 'commune']);

/** Reads the statistics office's list from disk, in the parse worker. */
export function readOfficialList(file: string): Promise<OfficialList> {
  const fileName = path.basename(file);
  return parseInWorker(
    'officialList',
    { fileName, bytes: readFileWithinLimit(file, MAX_OFFICIAL_LIST_BYTES) },
    fileName,
  );
}

interface Plan {
  preview: OfficialListPreview;
  /** The list's units for the provinces chosen, in order (provinces, districts, communes). */
  chosen: OfficialUnit[];
  local: Map<string, Unit>;
}

/** The province a unit belonged to on the day, walking up its parents of that day. */
function provinceOf(u: Unit, byId: Map<number, Unit>): string | null {
  let cur: Unit | undefined = u;
  for (let i = 0; cur && i < 10; i++) {
    if (cur.kind === 'province') return cur.code;
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return null;
}

/** Compares the list with the administrative units valid on the day, for the provinces chosen. */
async function planList(db: Db, list: OfficialList, choices: OfficialListChoices, today: string): Promise<Plan> {
  const day = choices.date ?? today;
  const units = await listUnits(db, day);
  const byId = new Map(units.map((u) => [u.id, u]));
  const local = new Map(units.filter((u) => ADMINISTRATIVE.has(u.kind)).map((u) => [u.code, u]));
  const provincesInFile = list.units
    .filter((u) => u.kind === 'province')
    .map((p) => ({ code: p.code, name: p.name, units: list.units.filter((u) => u.provinceCode === p.code).length }));
  const provinces = choices.provinces?.length
    ? choices.provinces
    : provincesInFile.filter((p) => local.get(p.code)?.kind === 'province').map((p) => p.code);
  const unknown = provinces.filter((c) => !provincesInFile.some((p) => p.code === c));
  if (unknown.length > 0)
    throw new AppError('invalid-input', `Danh mục "${list.fileName}" không có tỉnh mã ${unknown.join(', ')}.`);
  const chosen = list.units.filter((u) => provinces.includes(u.provinceCode));
  const preview: OfficialListPreview = {
    fileName: list.fileName,
    day,
    hasDistricts: list.hasDistricts,
    provincesInFile,
    provinces,
    added: [],
    renamed: [],
    reused: [],
    moved: [],
    missing: [],
    unchanged: 0,
    backup: null,
    applied: false,
  };
  for (const u of chosen) {
    const here = local.get(u.code);
    if (!here) {
      preview.added.push({ code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode });
      continue;
    }
    if (foldText(here.name) !== foldText(u.name) || here.kind !== u.kind) {
      if (choices.reusedCodes || here.kind !== u.kind) {
        preview.reused.push({ code: u.code, oldName: here.name, newName: u.name });
        continue;
      }
      preview.renamed.push({ code: u.code, oldName: here.name, newName: u.name });
    }
    if ((here.parentCode ?? null) !== u.parentCode)
      preview.moved.push({ code: u.code, name: u.name, oldParentCode: here.parentCode, newParentCode: u.parentCode });
    else if (!preview.renamed.some((r) => r.code === u.code)) preview.unchanged++;
  }
  const listed = new Set(chosen.map((u) => u.code));
  for (const u of local.values()) {
    if (!listed.has(u.code) && provinces.includes(provinceOf(u, byId) ?? ''))
      preview.missing.push({ code: u.code, name: u.name, kind: u.kind });
  }
  return { preview, chosen, local };
}

/** What applying the list would change; nothing is written. */
export async function previewOfficialList(
  ctx: ServiceContext,
  list: OfficialList,
  choices: OfficialListChoices,
): Promise<OfficialListPreview> {
  return (await planList(ctx.db, list, choices, vietnamDay(ctx.clock()))).preview;
}

/**
 * Applies the list: adds the units it has and this office lacks (beginning on the list's day), renames,
 * moves units to the parent the list gives (keeping the former parent for the days before), and, for a
 * code reused in 2025, ends the unit that held it, merged into the list's unit. A backup is taken first,
 * all of it is one transaction, and applying the same list again changes nothing. Units the list lacks
 * are left for the user to record as merged, split or ended. The list's file is kept in the database,
 * and the changes it makes name it.
 */
export async function applyOfficialList(
  ctx: ServiceContext,
  list: OfficialList,
  choices: OfficialListChoices,
): Promise<OfficialListPreview> {
  const today = vietnamDay(ctx.clock());
  const first = await planList(ctx.db, list, choices, today);
  const { preview } = first;
  if (preview.provinces.length === 0)
    throw new AppError(
      'invalid-input',
      `Hãy chọn tỉnh cần lấy từ danh mục (có: ${preview.provincesInFile.map((p) => `${p.code} ${p.name}`).join(', ')}).`,
    );
  if (preview.reused.length > 0 && !choices.date)
    throw new AppError(
      'invalid-input',
      'Mã được dùng lại cho đơn vị mới: cần ngày danh mục có hiệu lực (ví dụ 01/07/2025) để kết thúc đơn vị cũ.',
    );
  if (preview.added.length + preview.renamed.length + preview.reused.length + preview.moved.length === 0)
    return { ...preview, applied: true };
  const backup = (await takeBackup(ctx, 'truoc-danh-muc')).backup.name;
  const now = ctx.clock().toISOString();
  const basis = choices.basis?.trim() || `Danh mục đơn vị hành chính "${list.fileName}"`;
  await ctx.db.transaction().execute(async (trx) => {
    const { preview: p, chosen, local } = await planList(trx, list, choices, today);
    // The list itself is kept, and each change it makes names it.
    const sourceFileId = await keepOriginal(trx, list.fileName, list.bytes, now);
    const day = p.day;
    const idOf = new Map([...local].map(([code, u]) => [code, u.id]));
    const laterHolders = new Map<string, string>(); // code → the day a later unit with it begins
    for (const r of await listUnitsStartingAfter(trx, day)) laterHolders.set(r.code, r.valid_from!);
    const reused = new Set(p.reused.map((r) => r.code));
    // A reused code: the unit that held it ends on the day and continues in the list's unit (in 2025 a
    // new unit took the code of one of the units merged into it); the others merged into it are recorded
    // by the user. Its units still standing move under the new one, as with any merger.
    const endedBy = new Map<string, { old: Unit; eventId: number }>();
    for (const code of reused) {
      const old = local.get(code)!;
      if (old.validFrom !== null && old.validFrom >= day)
        throw new AppError(
          'invalid-input',
          `Đơn vị "${old.name}" (mã ${code}) bắt đầu từ ${formatDate(old.validFrom)}, không thể kết thúc ngày ${formatDate(day)}.`,
        );
      const eventId = await insertUnitEvent(trx, {
        kind: 'merge',
        date: day,
        basis: `${basis}: mã ${code} được dùng lại cho đơn vị mới`,
        now,
        sourceFileId,
      });
      await updateUnit(trx, old.id, { valid_to: day, updated_at: now });
      endedBy.set(code, { old, eventId });
      idOf.delete(code);
    }
    const toAdd = new Set([...p.added.map((a) => a.code), ...reused]);
    for (const u of chosen) {
      if (!toAdd.has(u.code)) continue;
      const created = await insertUnit(trx, {
        code: u.code,
        name: u.name,
        name_key: foldText(u.name),
        kind: u.kind,
        parent_id: u.parentCode === null ? null : (idOf.get(u.parentCode) ?? null),
        valid_from: choices.date ?? null,
        valid_to: laterHolders.get(u.code) ?? null,
        created_at: now,
        updated_at: now,
      });
      idOf.set(u.code, created);
    }
    for (const [code, { old, eventId }] of endedBy) {
      const into = idOf.get(code)!;
      await insertSuccession(trx, { eventId, fromUnitId: old.id, toUnitId: into, share: 1 });
      const standing = await listChildUnits(trx, old.id);
      for (const c of standing)
        if (c.valid_to === null || c.valid_to > day) await changeParent(trx, c.id, into, day, eventId, now);
    }
    for (const r of p.renamed) {
      await updateUnit(trx, local.get(r.code)!.id, { name: r.newName, name_key: foldText(r.newName), updated_at: now });
    }
    if (p.moved.length > 0) {
      const moveEvent = await insertUnitEvent(trx, { kind: 'reparent', date: day, basis, now, sourceFileId });
      for (const m of p.moved) {
        await changeParent(
          trx,
          local.get(m.code)!.id,
          m.newParentCode === null ? null : (idOf.get(m.newParentCode) ?? null),
          day,
          moveEvent,
          now,
        );
      }
    }
  });
  return { ...preview, backup, applied: true };
}

/**
 * The lists the user opened on the units screen, kept in the main process while the preview is
 * adjusted (the page never holds a path): the last few, by a random token.
 */
const openedLists = new Map<string, OfficialList>();
const KEPT_LISTS = 3;

export async function chooseOfficialList(
  ctx: ServiceContext,
  choices: OfficialListChoices,
): Promise<{ token: string; preview: OfficialListPreview } | null> {
  const file = await ctx.platform.chooseFile({
    title: 'Chọn danh mục đơn vị hành chính (Excel của cơ quan thống kê)',
    filters: [{ name: 'Danh mục (Excel)', extensions: ['xlsx', 'xls'] }],
  });
  if (file === null) return null;
  const list = await readOfficialList(file);
  const token = randomUUID();
  openedLists.set(token, list);
  while (openedLists.size > KEPT_LISTS) openedLists.delete(openedLists.keys().next().value!);
  return { token, preview: await previewOfficialList(ctx, list, choices) };
}

export function openedList(token: string): OfficialList {
  const list = openedLists.get(token);
  if (!list) throw new AppError('not-found', 'Danh mục đã mở không còn trong bộ nhớ; hãy chọn lại tệp danh mục.');
  return list;
}
