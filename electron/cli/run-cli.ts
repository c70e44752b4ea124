import { parseArgs } from 'node:util';
import { LiveDatabase } from '../../db/live-database';
import { AppError, isAppError } from '../../shared/errors';
import { isIsoDate } from '../../shared/text/format-vi';
import { unitKindLabels } from '../../shared/domain/units';
import { createServiceContext, type ServiceContext } from '../services/context';
import type { Platform } from '../services/platform';
import { createDemo } from '../services/demo/create-demo';
import { importUnitsFromFile } from '../services/units/import-units';
import { listUnitTree } from '../services/units/list-units';
import {
  listUnitEvents,
  recordEnd,
  recordMerge,
  recordSplit,
  type UnitChangeResult,
} from '../services/units/unit-changes';
import { describeUnitChange, unitEventLabels, type UnitEvent } from '../../shared/domain/unit-events';
import { getStatus } from '../services/app/get-status';
import { importFormFile } from '../services/forms/import-form';
import { listFormSummaries } from '../../db/forms/repo';
import { createRound } from '../services/rounds/create-round';
import { listSubmissions, getRound } from '../services/rounds/completeness';
import { exportRoundTemplates } from '../services/templates/export-templates';
import { submissionStatusLabels } from '../../shared/domain/rounds';
import { formatDate } from '../../shared/text/format-vi';
import { importPaths } from '../services/import/inbox';
import { listRoundValues } from '../services/rounds/round-values';
import fs from 'node:fs';
import path from 'node:path';
import {
  exportFormats,
  exportRound,
  exportRoundTo,
  outputPath,
  type ExportFormat,
} from '../services/export/export-round';
import { docxToPdf } from '../services/export/docx-to-pdf';
import { backupFileName } from '../services/backup/backups';
import { evaluateTargets } from '../services/targets/evaluate-targets';
import { exportReviewReport } from '../services/export/review-report';
import { restoreBackupFile } from '../services/backup/restore';
import { checkDatabaseFile } from '../../db/check-database';
import { targetStatusLabels } from '../../shared/domain/targets';
import { importOfficeDatabase } from '../services/office/import-office';
import type { BoundaryChoice } from '../services/targets/figures-in-boundaries';
import { applyOfficialList, previewOfficialList, readOfficialList } from '../services/units/official-list';
import { describeOfficialList } from '../../shared/domain/official-list';
import { describeOfficeImport } from '../../shared/domain/office-import';
import { yesNoRules } from '../../shared/domain/boundaries';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const usage = `Cách dùng:
  init --db TỆP [--demo] [--json]                 tạo (hoặc nâng cấp) tệp dữ liệu; --demo: thêm dữ liệu mẫu
  units import --db TỆP --file DS.csv|.xlsx|.xls  nhập danh sách đơn vị (cột: code, name, kind, parent_code, emails)
  units list --db TỆP [--as-of YYYY-MM-DD] [--json] liệt kê đơn vị có hiệu lực ngày đó, với cấp trên của ngày đó
  units merge --db TỆP --into MÃ [--name TÊN] --from MÃ,MÃ,... --date YYYY-MM-DD --basis VĂN-BẢN [--yes-no all|any] [--json]
                                                  ghi nhận sáp nhập (mã trùng mã cũ: đơn vị mới mang lại mã đó)
  units split --db TỆP --from MÃ --into MÃ:TỶ-LỆ,MÃ:TỶ-LỆ --date YYYY-MM-DD --basis VĂN-BẢN [--json]
                                                  ghi nhận chia tách (tỷ lệ 0-1, ví dụ X1:0.6,X2:0.4)
  units end --db TỆP --code MÃ --date YYYY-MM-DD --basis VĂN-BẢN [--json]   ghi nhận đơn vị kết thúc (như cấp huyện từ 01/7/2025)
  units events --db TỆP [--json]                  các lần sáp nhập, chia tách, kết thúc đã ghi nhận
  units official --db TỆP --file DANH-MỤC.xlsx [--date YYYY-MM-DD] [--province MÃ,MÃ] [--reused-codes] [--basis VĂN-BẢN] [--apply] [--json]
                                                  danh mục hành chính của cơ quan thống kê: xem trước thay đổi, --apply để áp dụng;
                                                  --reused-codes: mã trùng khác tên là đơn vị mới (danh mục từ 01/7/2025)
  office import --db TỆP --from TỆP-KHÁC.db [--json]  nhập cơ sở dữ liệu của văn phòng tỉnh đã hợp nhất vào tỉnh này
                                                  (đơn vị, biểu mẫu, đợt, số liệu, tệp gốc, lịch sử); nhập lại chỉ thêm phần mới
  form import --db TỆP --file PHỤ-LỤC.docx|.xlsx|.xls [--name TÊN] [--json]   nhập biểu mẫu từ phụ lục
  form list --db TỆP [--json]                     liệt kê biểu mẫu
  round create --db TỆP --form ID --period KỲ --cutoff YYYY-MM-DD --deadline YYYY-MM-DD [--units all|MÃ,MÃ] [--json]
                                                  tạo đợt báo cáo (KỲ: 2025, 2025-H1, 2025-Q3, 2025-9M, 2025-07, 2016-2020)
  round templates --db TỆP --round ID --out THƯ-MỤC  xuất biểu mẫu Excel và thư nháp .eml cho từng đơn vị
  submissions --db TỆP --round ID [--json]        tình hình nhận báo cáo của đợt
  import --db TỆP [--round ID] ĐƯỜNG-DẪN...        nhập báo cáo đơn vị gửi (.eml, .xlsx, .xls, .docx, hoặc cả thư mục);
                                                  in một dòng JSON cho mỗi tệp
  values --db TỆP --round ID [--json]             số liệu của đợt: mọi dòng số liệu của mọi đơn vị
  export --db TỆP --round ID --format docx|docx-template|xlsx|pdf|adx|csv [--by-unit] [--boundaries YYYY-MM-DD [--province MÃ]] --out ĐƯỜNG-DẪN
                                                  xuất phụ lục Word (theo mẫu có sẵn hoặc mẫu của cơ quan; PDF cần
                                                  LibreOffice), sổ Excel, DHIS2 ADX hoặc CSV; --boundaries: phụ lục, sổ Excel
                                                  theo đơn vị của ngày đó (quy đổi qua sáp nhập, chia tách)
  backup --db TỆP --out THƯ-MỤC [--json]          sao lưu tệp dữ liệu (kể cả các tệp gốc đã nhận) vào thư mục
  restore --db TỆP --from BẢN-SAO-LƯU [--json]     khôi phục từ một bản sao lưu (tệp dữ liệu hiện tại được sao lưu trước)
  check --db TỆP [--full] [--json]                kiểm tra tệp dữ liệu (--full: cả tệp gốc và nguồn gốc số liệu); mã thoát 1 khi có lỗi
  report --db TỆP --plan ID [--round ID] [--by-unit] [--as-of YYYY-MM-DD] [--boundaries YYYY-MM-DD [--province MÃ]] --out ĐƯỜNG-DẪN
                                                  dự thảo báo cáo kết quả thực hiện kế hoạch (Word), kèm phụ lục của đợt
  targets evaluate --db TỆP [--plan ID] [--as-of YYYY-MM-DD] [--boundaries YYYY-MM-DD [--province MÃ]] [--json]
                                                  đánh giá các chỉ tiêu của kế hoạch theo số liệu đã nhận, từng năm;
                                                  --boundaries: theo địa giới của ngày đó (quy đổi qua sáp nhập, chia tách)`;

function requireDate(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`Thiếu --${name}.`);
  if (!isIsoDate(v)) throw new UsageError(`Ngày "${v}" không hợp lệ; dùng dạng YYYY-MM-DD.`);
  return v;
}

/** --boundaries DAY [--province CODE]: figures read in the units of that day (nothing when --boundaries is absent). */
function boundaryChoice(values: Record<string, unknown>): BoundaryChoice {
  if (values.boundaries === undefined) return {};
  return {
    boundaryDate: requireDate(values, 'boundaries'),
    ...(typeof values.province === 'string' ? { province: values.province } : {}),
  };
}

function describeEvent(e: UnitEvent): string {
  return `${formatDate(e.date)}\t${unitEventLabels[e.kind]}\t${describeUnitChange(e)}${e.basis ? `\t${e.basis}` : ''}`;
}

function describeChange(r: UnitChangeResult): string {
  return r.alreadyRecorded
    ? `Đã ghi nhận từ trước, không thay đổi: ${describeEvent(r.event)}`
    : `Đã ghi nhận: ${describeEvent(r.event)}${r.backup ? `\nBản sao lưu trước khi thay đổi: ${r.backup}` : ''}`;
}

/** The command line has no windows: anything that would open a dialog is refused. */
const cliPlatform: Platform = {
  chooseFile: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không mở hộp thoại chọn tệp; hãy ghi đường dẫn tệp.')),
  chooseFiles: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không mở hộp thoại chọn tệp; hãy ghi đường dẫn tệp.')),
  chooseFolder: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không mở hộp thoại chọn thư mục; hãy ghi đường dẫn.')),
  chooseSavePath: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không mở hộp thoại lưu tệp; hãy ghi đường dẫn tệp.')),
  openWithSystem: () => Promise.resolve(),
  openLogFolder: () =>
    Promise.reject(
      new AppError(
        'invalid-input',
        'Dòng lệnh không mở thư mục nhật ký; nhật ký nằm trong thư mục dữ liệu của phần mềm (logs).',
      ),
    ),
  copyText: () => {
    throw new AppError('invalid-input', 'Dòng lệnh không dùng bộ nhớ tạm (clipboard).');
  },
  protectSecret: () => {
    throw new AppError('invalid-input', 'Dòng lệnh không lưu mật khẩu; hãy đặt biến môi trường PCMD_IMAP_PASSWORD.');
  },
  revealSecret: () => {
    throw new AppError(
      'invalid-input',
      'Dòng lệnh không đọc được mật khẩu đã lưu; hãy đặt biến môi trường PCMD_IMAP_PASSWORD.',
    );
  },
  printWindow: () => Promise.reject(new AppError('invalid-input', 'Dòng lệnh không in được.')),
  renderWindowPdf: () =>
    Promise.reject(new AppError('invalid-input', 'Dòng lệnh không có cửa sổ để in; dùng export --format pdf.')),
};

class UsageError extends Error {}

function requireOption(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`Thiếu tham số --${name}.`);
  return v;
}

function requireId(values: Record<string, unknown>, name: string): number {
  const v = requireOption(values, name);
  if (!/^\d{1,9}$/.test(v)) throw new UsageError(`Tham số --${name} phải là một số (mã số), không phải "${v}".`);
  return Number(v);
}

async function withContext<T>(dbPath: string, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const live = await LiveDatabase.open(dbPath);
  try {
    return await work(
      createServiceContext(live, { clock: () => new Date(), platform: cliPlatform, appVersion: 'cli' }),
    );
  } finally {
    await live.close();
  }
}

/**
 * Runs one command; returns the exit code. 0: done; 1: the input or the data was refused
 * (the reason is printed in Vietnamese); 2: the command itself was written wrongly.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        file: { type: 'string' },
        demo: { type: 'boolean' },
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
        name: { type: 'string' },
        form: { type: 'string' },
        period: { type: 'string' },
        cutoff: { type: 'string' },
        deadline: { type: 'string' },
        units: { type: 'string' },
        round: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        plan: { type: 'string' },
        from: { type: 'string' },
        full: { type: 'boolean' },
        'by-unit': { type: 'boolean' },
        into: { type: 'string' },
        date: { type: 'string' },
        basis: { type: 'string' },
        code: { type: 'string' },
        'yes-no': { type: 'string' },
        boundaries: { type: 'string' },
        province: { type: 'string' },
        'reused-codes': { type: 'boolean' },
        apply: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`Lỗi tham số: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals.join(' ');
  const print = (value: unknown, text: () => string) => io.out(values.json ? JSON.stringify(value) : text());

  try {
    if (values.help || positionals.length === 0) {
      io.out(usage);
      return values.help ? 0 : 2;
    }
    if (positionals[0] === 'import') {
      const db = requireOption(values, 'db');
      const roundId = values.round === undefined ? undefined : requireId(values, 'round');
      const paths = positionals.slice(1);
      if (paths.length === 0) throw new UsageError('Cần ít nhất một tệp hoặc thư mục để nhập.');
      // One line per file on stderr while the batch runs (stdout keeps one JSON result per file).
      const progress = (done: number, total: number, file: string) => {
        if (done < total) io.err(`Đang nhập ${done + 1}/${total}: ${file}`);
      };
      const results = await withContext(db, (ctx) =>
        importPaths(ctx, paths, progress, roundId === undefined ? {} : { roundId }),
      );
      for (const r of results) io.out(JSON.stringify(r));
      return 0;
    }
    switch (command) {
      case 'init': {
        const db = requireOption(values, 'db');
        const result = await withContext(db, async (ctx) => {
          const demo = values.demo ? await createDemo(ctx, { history: true }) : null;
          return { database: db, demo, status: await getStatus(ctx) };
        });
        print(
          result,
          () =>
            `Đã sẵn sàng tệp dữ liệu ${db}: ${result.status.counts.units} đơn vị, ${result.status.counts.plans} kế hoạch, ${result.status.counts.targets} chỉ tiêu, ${result.status.counts.tasks} nhiệm vụ.`,
        );
        return 0;
      }
      case 'units import': {
        const db = requireOption(values, 'db');
        const file = requireOption(values, 'file');
        const report = await withContext(db, (ctx) => importUnitsFromFile(ctx, file));
        print(
          report,
          () =>
            `Đã nhập ${report.fileName}: thêm ${report.created}, cập nhật ${report.updated}, không đổi ${report.unchanged} đơn vị.`,
        );
        return 0;
      }
      case 'units list': {
        const db = requireOption(values, 'db');
        const asOf = values['as-of'];
        if (asOf !== undefined && !isIsoDate(asOf))
          throw new UsageError(`Ngày "${asOf}" không hợp lệ; dùng dạng YYYY-MM-DD.`);
        const tree = await withContext(db, (ctx) => listUnitTree(ctx, asOf));
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
      }
      case 'units merge': {
        const db = requireOption(values, 'db');
        const from = requireOption(values, 'from')
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        const yesNo = yesNoRules.find((r) => r === values['yes-no']);
        if (values['yes-no'] !== undefined && yesNo === undefined)
          throw new UsageError('--yes-no nhận "all" (có khi mọi đơn vị cũ có) hoặc "any" (có khi một đơn vị cũ có).');
        const input = {
          into: requireOption(values, 'into'),
          from,
          date: requireDate(values, 'date'),
          basis: requireOption(values, 'basis'),
          ...(values.name ? { name: values.name } : {}),
          ...(yesNo ? { yesNoRule: yesNo } : {}),
        };
        const r = await withContext(db, (ctx) => recordMerge(ctx, input));
        print(r, () => describeChange(r));
        return 0;
      }
      case 'units split': {
        const db = requireOption(values, 'db');
        const into = requireOption(values, 'into')
          .split(',')
          .map((part) => {
            const [code, share] = part.split(':');
            const n = share === undefined ? NaN : Number(share.replace(',', '.'));
            if (!code?.trim() || !Number.isFinite(n))
              throw new UsageError(`Phần "${part}" không đúng dạng MÃ:TỶ-LỆ (ví dụ X1:0.6).`);
            return { code: code.trim(), share: n };
          });
        const input = {
          from: requireOption(values, 'from'),
          into,
          date: requireDate(values, 'date'),
          basis: requireOption(values, 'basis'),
        };
        const r = await withContext(db, (ctx) => recordSplit(ctx, input));
        print(r, () => describeChange(r));
        return 0;
      }
      case 'units end': {
        const db = requireOption(values, 'db');
        const input = {
          code: requireOption(values, 'code'),
          date: requireDate(values, 'date'),
          basis: requireOption(values, 'basis'),
        };
        const r = await withContext(db, (ctx) => recordEnd(ctx, input));
        print(r, () => describeChange(r));
        return 0;
      }
      case 'units events': {
        const db = requireOption(values, 'db');
        const events = await withContext(db, (ctx) => listUnitEvents(ctx));
        print(events, () => events.map(describeEvent).join('\n') || 'Chưa ghi nhận thay đổi đơn vị nào.');
        return 0;
      }
      case 'units official': {
        const db = requireOption(values, 'db');
        const list = await readOfficialList(requireOption(values, 'file'));
        const date = values.date === undefined ? null : requireDate(values, 'date');
        const choices = {
          date,
          ...(values.province
            ? {
                provinces: values.province
                  .split(',')
                  .map((c) => c.trim())
                  .filter(Boolean),
              }
            : {}),
          ...(values['reused-codes'] ? { reusedCodes: true } : {}),
          ...(values.basis ? { basis: values.basis } : {}),
        };
        const r = await withContext(db, (ctx) =>
          values.apply ? applyOfficialList(ctx, list, choices) : previewOfficialList(ctx, list, choices),
        );
        print(r, () => describeOfficialList(r).join('\n'));
        return 0;
      }
      case 'office import': {
        const db = requireOption(values, 'db');
        const file = requireOption(values, 'from');
        const r = await withContext(db, (ctx) => importOfficeDatabase(ctx, { file }));
        print(r, () => describeOfficeImport(r).join('\n'));
        return 0;
      }
      case 'form import': {
        const db = requireOption(values, 'db');
        const file = requireOption(values, 'file');
        const saved = await withContext(db, (ctx) => importFormFile(ctx, file, values.name));
        const out = {
          id: saved.id,
          rows: saved.rows.map((r) => ({
            row: r.row,
            text: r.text,
            unit: r.unit,
            parentRow: r.parentRow,
            valueRow: r.valueRow,
          })),
        };
        print(
          out,
          () =>
            `Đã lưu biểu mẫu số ${saved.id}: ${saved.rows.length} dòng, ${saved.rows.filter((r) => r.valueRow).length} dòng số liệu.`,
        );
        return 0;
      }
      case 'form list': {
        const db = requireOption(values, 'db');
        const forms = await withContext(db, (ctx) => listFormSummaries(ctx.db));
        print(
          forms,
          () =>
            forms.map((f) => `${f.id}\t${f.name}\tphiên bản ${f.latestVersion}\t${f.rows} dòng`).join('\n') ||
            'Chưa có biểu mẫu nào.',
        );
        return 0;
      }
      case 'round create': {
        const db = requireOption(values, 'db');
        const unitsOption = values.units ?? 'all';
        const round = await withContext(db, (ctx) =>
          createRound(ctx, {
            formId: requireId(values, 'form'),
            period: requireOption(values, 'period'),
            cutoffDate: requireOption(values, 'cutoff'),
            deadline: requireOption(values, 'deadline'),
            units:
              unitsOption === 'all'
                ? 'all'
                : unitsOption
                    .split(',')
                    .map((c) => c.trim())
                    .filter(Boolean),
            ...(values.name ? { name: values.name } : {}),
          }),
        );
        print(
          { id: round.id },
          () =>
            `Đã tạo đợt báo cáo số ${round.id}: ${round.name}, ${round.expectedUnits} đơn vị, hạn gửi ${formatDate(round.deadline)}.`,
        );
        return 0;
      }
      case 'round templates': {
        const db = requireOption(values, 'db');
        const roundId = requireId(values, 'round');
        const out = requireOption(values, 'out');
        const report = await withContext(db, (ctx) => exportRoundTemplates(ctx, roundId, out));
        print(
          report,
          () => `Đã ghi ${report.files.length} biểu mẫu Excel và ${report.files.length} thư nháp vào ${report.folder}.`,
        );
        return 0;
      }
      case 'submissions': {
        const db = requireOption(values, 'db');
        const roundId = requireId(values, 'round');
        const entries = await withContext(db, async (ctx) => {
          await getRound(ctx, roundId);
          return listSubmissions(ctx, roundId);
        });
        const out = entries.map((e) => ({
          unitCode: e.unitCode,
          unitName: e.unitName,
          status: e.status,
          receivedAt: e.receivedAt,
          late: e.late,
          revisions: e.revisions,
        }));
        print(out, () =>
          entries
            .map(
              (e) =>
                `${e.unitCode}\t${e.unitName}\t${submissionStatusLabels[e.status]}${e.receivedAt ? `\t${formatDate(e.receivedAt)}` : ''}${e.daysLate > 0 ? `\ttrễ ${e.daysLate} ngày` : ''}`,
            )
            .join('\n'),
        );
        return 0;
      }
      case 'values': {
        const db = requireOption(values, 'db');
        const roundId = requireId(values, 'round');
        const rows = await withContext(db, (ctx) => listRoundValues(ctx, roundId));
        print(rows, () =>
          rows
            .map(
              (v) =>
                `${v.unitCode}\t${v.row}\t${v.text}\t${v.value ?? ''}${v.flags.length ? `\t${v.flags.join('; ')}` : ''}`,
            )
            .join('\n'),
        );
        return 0;
      }
      case 'backup': {
        const db = requireOption(values, 'db');
        const out = requireOption(values, 'out');
        const written = await withContext(db, async (ctx) => {
          fs.mkdirSync(out, { recursive: true });
          const target = path.join(out, backupFileName(ctx.clock(), 'thu-cong'));
          await ctx.copyDatabase(target);
          return target;
        });
        print({ file: written }, () => `Đã sao lưu vào ${written}`);
        return 0;
      }
      case 'export': {
        const db = requireOption(values, 'db');
        const roundId = requireId(values, 'round');
        const out = requireOption(values, 'out');
        const format = requireOption(values, 'format');
        if (![...exportFormats, 'pdf'].includes(format))
          throw new UsageError(`Định dạng "${format}" không có; dùng docx, docx-template, xlsx, pdf, adx hoặc csv.`);
        const byUnit = values['by-unit'] === true;
        const boundaries = boundaryChoice(values);
        const written = await withContext(db, async (ctx) => {
          if (format !== 'pdf')
            return exportRoundTo(ctx, { roundId, format: format as ExportFormat, byUnit, ...boundaries }, out);
          const docx = await exportRound(ctx, { roundId, format: 'docx', byUnit, ...boundaries });
          const target = outputPath(out, docx.fileName.replace(/\.docx$/, '.pdf'));
          fs.writeFileSync(target, await docxToPdf(docx.bytes));
          return target;
        });
        print({ file: written }, () => `Đã ghi ${written}`);
        return 0;
      }
      case 'restore': {
        const db = requireOption(values, 'db');
        const from = requireOption(values, 'from');
        if (!fs.existsSync(from)) throw new UsageError(`Không có tệp sao lưu "${from}".`);
        const result = await withContext(db, (ctx) => restoreBackupFile(ctx, path.resolve(from)));
        print(
          result,
          () =>
            `Đã khôi phục từ ${result.restored.name}: ${result.restored.units} đơn vị, ${result.restored.rounds} đợt báo cáo, ${result.restored.values} số liệu. Tệp dữ liệu trước khi khôi phục được giữ ở bản sao lưu ${result.safetyCopy}.`,
        );
        return 0;
      }
      case 'check': {
        const db = requireOption(values, 'db');
        if (!fs.existsSync(db)) throw new UsageError(`Không có tệp dữ liệu "${db}".`);
        const report = await checkDatabaseFile(db, values.full === true);
        print(report, () =>
          report.ok
            ? `Tệp dữ liệu ${db} đạt kiểm tra${report.full ? ' đầy đủ' : ''}.`
            : report.problems.map((p) => `- ${p.message}`).join('\n'),
        );
        return report.ok ? 0 : 1;
      }
      case 'report': {
        const db = requireOption(values, 'db');
        const planId = requireId(values, 'plan');
        const roundId = values.round === undefined ? undefined : requireId(values, 'round');
        const out = requireOption(values, 'out');
        const asOf = values['as-of'];
        if (asOf !== undefined && !isIsoDate(asOf))
          throw new UsageError(`Ngày "${asOf}" không hợp lệ; dùng dạng YYYY-MM-DD.`);
        const written = await withContext(db, async (ctx) => {
          const boundaries = boundaryChoice(values);
          const report = await exportReviewReport(ctx, {
            planId,
            ...(roundId !== undefined ? { roundId } : {}),
            ...(asOf ? { asOf } : {}),
            byUnit: values['by-unit'] === true,
            ...boundaries,
          });
          const target = outputPath(out, report.fileName);
          fs.writeFileSync(target, report.bytes);
          return target;
        });
        print({ file: written }, () => `Đã ghi ${written}`);
        return 0;
      }
      case 'targets evaluate': {
        const db = requireOption(values, 'db');
        const planId = values.plan === undefined ? undefined : requireId(values, 'plan');
        const asOf = values['as-of'];
        if (asOf !== undefined && !isIsoDate(asOf))
          throw new UsageError(`Ngày "${asOf}" không hợp lệ; dùng dạng YYYY-MM-DD.`);
        if (values.province !== undefined && values.boundaries === undefined)
          throw new UsageError('--province đi cùng --boundaries.');
        const options = {
          ...(planId !== undefined ? { planId } : {}),
          ...(asOf ? { asOf } : {}),
          ...boundaryChoice(values),
        };
        const list = await withContext(db, (ctx) => evaluateTargets(ctx, options));
        const out = list.map((e) => ({
          targetId: e.targetId,
          planId: e.planId,
          code: e.code,
          text: e.text,
          kind: e.kind,
          period: e.period,
          scope: e.scope,
          actual: e.actual,
          threshold: e.threshold,
          thresholdHigh: e.thresholdHigh,
          comparator: e.comparator,
          status: e.status,
          explanation: e.explanation,
        }));
        print(
          out,
          () =>
            list
              .map((e) => `${e.code}\t${e.period}\t${e.scopeName}\t${targetStatusLabels[e.status]}\t${e.explanation}`)
              .join('\n') || 'Chưa có chỉ tiêu nào để đánh giá.',
        );
        return 0;
      }
      default:
        throw new UsageError(`Không có lệnh "${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${usage}`);
      return 2;
    }
    if (isAppError(e)) {
      io.err(e.message);
      for (const d of e.details ?? []) io.err(`  - ${d.where ? `${d.where}: ` : ''}${d.message}`);
      return 1;
    }
    io.err(`Lỗi không mong muốn: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
