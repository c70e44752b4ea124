import { z } from 'zod';
import { command, dbFile, dbFlag, pathText, withContext } from '../command';
import { unitsContract } from '../../../shared/api/units';
import { unitKindLabels } from '../../../shared/domain/units';
import { describeUnitChange, unitEventLabels, type UnitEvent } from '../../../shared/domain/unit-events';
import { describeOfficialList } from '../../../shared/domain/official-list';
import { formatDate } from '../../../shared/text/format-vi';
import { importUnitsFromFile } from '../../services/units/import-units';
import { listUnitTree } from '../../services/units/list-units';
import {
  listUnitEvents,
  recordEnd,
  recordMerge,
  recordSplit,
  type UnitChangeResult,
} from '../../services/units/unit-changes';
import { applyOfficialList, previewOfficialList, readOfficialList } from '../../services/units/official-list';

function describeEvent(e: UnitEvent): string {
  return `${formatDate(e.date)}\t${unitEventLabels[e.kind]}\t${describeUnitChange(e)}${e.basis ? `\t${e.basis}` : ''}`;
}

function describeChange(r: UnitChangeResult): string {
  return r.alreadyRecorded
    ? `Đã ghi nhận từ trước, không thay đổi: ${describeEvent(r.event)}`
    : `Đã ghi nhận: ${describeEvent(r.event)}${r.backup ? `\nBản sao lưu trước khi thay đổi: ${r.backup}` : ''}`;
}

/** The flags of a recorded change, filling the same input as the window's channel. */
const changeFlags = {
  date: { kind: 'text', field: 'change.date' },
  basis: { kind: 'text', field: 'change.basis' },
} as const;

export const unitsCommands = [
  command({
    name: 'units import',
    usage:
      '  units import --db TỆP --file DS.csv|.xlsx|.xls  nhập danh sách đơn vị (cột: code, name, kind, parent_code, emails)',
    flags: { ...dbFlag, file: { kind: 'text' } },
    input: z.object({ db: dbFile, file: pathText }),
    async run({ db, file }, { print }) {
      const report = await withContext(db, (ctx) => importUnitsFromFile(ctx, file));
      print(
        report,
        () =>
          `Đã nhập ${report.fileName}: thêm ${report.created}, cập nhật ${report.updated}, không đổi ${report.unchanged} đơn vị.`,
      );
      return 0;
    },
  }),
  command({
    name: 'units list',
    usage:
      '  units list --db TỆP [--as-of YYYY-MM-DD] [--json] liệt kê đơn vị có hiệu lực ngày đó, với cấp trên của ngày đó',
    flags: { ...dbFlag, 'as-of': { kind: 'text', field: 'choice.asOf' } },
    defaults: { choice: {} },
    input: z.object({ db: dbFile, choice: unitsContract['units:list-units'].input }),
    async run({ db, choice }, { print }) {
      const tree = await withContext(db, (ctx) => listUnitTree(ctx, choice.asOf));
      const rows = tree.map((u) => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentCode: u.parentCode,
        emails: u.emails,
        validFrom: u.validFrom,
        validTo: u.validTo,
      }));
      print(rows, () =>
        tree
          .map(
            (u) =>
              `${'  '.repeat(u.level)}${u.code}\t${u.name}\t${unitKindLabels[u.kind]}${u.emails.length ? `\t${u.emails.join(', ')}` : ''}`,
          )
          .join('\n'),
      );
      return 0;
    },
  }),
  command({
    name: 'units merge',
    usage: `  units merge --db TỆP --into MÃ [--name TÊN] --from MÃ,MÃ,... --date YYYY-MM-DD --basis VĂN-BẢN [--yes-no all|any] [--json]
                                                  ghi nhận sáp nhập (mã trùng mã cũ: đơn vị mới mang lại mã đó)`,
    flags: {
      ...dbFlag,
      ...changeFlags,
      into: { kind: 'text', field: 'change.into' },
      name: { kind: 'text', field: 'change.name' },
      from: { kind: 'list', field: 'change.from' },
      'yes-no': { kind: 'text', field: 'change.yesNoRule' },
    },
    input: z.object({ db: dbFile, change: unitsContract['units:record-merge'].input }),
    async run({ db, change }, { print }) {
      const r = await withContext(db, (ctx) => recordMerge(ctx, change));
      print(r, () => describeChange(r));
      return 0;
    },
  }),
  command({
    name: 'units split',
    usage: `  units split --db TỆP --from MÃ --into MÃ:TỶ-LỆ,MÃ:TỶ-LỆ --date YYYY-MM-DD --basis VĂN-BẢN [--json]
                                                  ghi nhận chia tách (tỷ lệ 0-1, ví dụ X1:0.6,X2:0.4)`,
    flags: {
      ...dbFlag,
      ...changeFlags,
      from: { kind: 'text', field: 'change.from' },
      into: { kind: 'shares', field: 'change.into' },
    },
    input: z.object({ db: dbFile, change: unitsContract['units:record-split'].input }),
    async run({ db, change }, { print }) {
      const r = await withContext(db, (ctx) => recordSplit(ctx, change));
      print(r, () => describeChange(r));
      return 0;
    },
  }),
  command({
    name: 'units end',
    usage:
      '  units end --db TỆP --code MÃ --date YYYY-MM-DD --basis VĂN-BẢN [--json]   ghi nhận đơn vị kết thúc (như cấp huyện từ 01/7/2025)',
    flags: { ...dbFlag, ...changeFlags, code: { kind: 'text', field: 'change.code' } },
    input: z.object({ db: dbFile, change: unitsContract['units:record-end'].input }),
    async run({ db, change }, { print }) {
      const r = await withContext(db, (ctx) => recordEnd(ctx, change));
      print(r, () => describeChange(r));
      return 0;
    },
  }),
  command({
    name: 'units events',
    usage: '  units events --db TỆP [--json]                  các lần sáp nhập, chia tách, kết thúc đã ghi nhận',
    flags: { ...dbFlag },
    input: z.object({ db: dbFile }),
    async run({ db }, { print }) {
      const events = await withContext(db, (ctx) => listUnitEvents(ctx));
      print(events, () => events.map(describeEvent).join('\n') || 'Chưa ghi nhận thay đổi đơn vị nào.');
      return 0;
    },
  }),
  command({
    name: 'units official',
    usage: `  units official --db TỆP --file DANH-MỤC.xlsx [--date YYYY-MM-DD] [--province MÃ,MÃ] [--reused-codes] [--basis VĂN-BẢN] [--apply] [--json]
                                                  danh mục hành chính của cơ quan thống kê: xem trước thay đổi, --apply để áp dụng;
                                                  --reused-codes: mã trùng khác tên là đơn vị mới (danh mục từ 01/7/2025)`,
    flags: {
      ...dbFlag,
      file: { kind: 'text' },
      date: { kind: 'text', field: 'choices.date' },
      province: { kind: 'list', field: 'choices.provinces' },
      'reused-codes': { kind: 'flag', field: 'choices.reusedCodes' },
      basis: { kind: 'text', field: 'choices.basis' },
      apply: { kind: 'flag' },
    },
    defaults: { choices: { date: null } },
    input: z.object({
      db: dbFile,
      file: pathText,
      choices: unitsContract['units:open-official-list'].input,
      apply: z.boolean().optional(),
    }),
    async run({ db, file, choices, apply }, { print }) {
      const list = await readOfficialList(file);
      const r = await withContext(db, (ctx) =>
        apply ? applyOfficialList(ctx, list, choices) : previewOfficialList(ctx, list, choices),
      );
      print(r, () => describeOfficialList(r).join('\n'));
      return 0;
    },
  }),
];
