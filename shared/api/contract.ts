import { z } from 'zod';
import type { Channel } from './channels';
import { unitKinds, type UnitTreeRow } from '../domain/units';
import type { UnitChangeResult, UnitEvent } from '../domain/unit-events';
import type { PlanDetail } from '../domain/plans';
import { id, isoDate, year } from './common-schemas';
import { planInput, targetInput, taskUpdate } from './plan-inputs';
import type { PlanDraft } from '../domain/plan-text';
import type { DashboardView, IndicatorSeries, LinkableIndicator, TargetEvaluation } from '../domain/targets';
import type { RegisterView } from '../domain/registers';
import { childRules, valueTypes, type FormDetail, type FormDraft, type FormSummary } from '../domain/forms';
import type { RoundSummary, SubmissionEntry } from '../domain/rounds';
import type { ImportResult, InboxMessage, MailboxView, ReplyTableView, MessageView } from '../domain/inbox';
import type { RoundSnapshot } from '../domain/rounds';
import type { RoundMatrix } from '../domain/matrix';
import type { PeriodComparison } from '../domain/comparison';
import { changeKinds, workflowActions, type CorrectionRequest, type SubmissionSheet } from '../domain/submissions';
import type { HistoryEntry, ValueProvenance } from '../domain/history';
import { officeProfileFields, type OfficeProfile } from '../domain/office';
import type { AppendixTable } from '../domain/appendix';
import type { BackupStatusView, BackupSummary } from '../domain/backups';
import type { CheckReport } from '../domain/check';
import { ruleOperators, type RuleIndicator, type ValidationRule } from '../domain/validation-rules';
import type { OfficeImportResult } from '../domain/office-import';
import type { OfficialListPreview } from '../domain/official-list';

/**
 * The API contract: one entry per channel, with the zod schema its input must pass
 * and (as a type only) what it returns. Main validates every payload against these;
 * the renderer's client is typed by them.
 */
interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });
}

const noInput = z.object({}).strict();
/** A backup is named, never pathed: "pcmd-20261123-080000-thu-cong.db". */
const backupName = z.string().regex(/^pcmd-\d{8}-\d{6}-[a-z-]+\.db$/, 'Tên bản sao lưu không hợp lệ');

export interface AppStatus {
  version: string;
  databasePath: string;
  isEmpty: boolean;
  counts: { units: number; plans: number; targets: number; tasks: number };
}

export interface DemoSummary {
  units: number;
  programmes: number;
  plans: number;
  targets: number;
  tasks: number;
  /** Yearly rounds of figures made for the demo (0 without history). */
  rounds: number;
}

export interface ImportUnitsReport {
  fileName: string;
  created: number;
  updated: number;
  unchanged: number;
}

const editedRow = z
  .object({
    rowKey: z
      .string()
      .regex(/^R\d{3,6}$/)
      .optional(),
    numbering: z.string().max(20).nullable(),
    text: z.string().max(2000),
    unit: z.string().max(100).nullable(),
    level: z.number().int().min(0).max(20),
    valueRow: z.boolean(),
    valueType: z.enum(valueTypes),
    childRule: z.enum(childRules).optional(),
  })
  .strict();
const editedRows = z.array(editedRow).min(1, 'Biểu mẫu phải có ít nhất một dòng').max(2000);

export interface TemplateExportResult {
  roundId: number;
  folder: string;
  files: { unitCode: string; unitName: string; workbook: string; draft: string; to: string[] }[];
}

const submissionRef = { roundId: id, unitId: id };
const historyFilter = z
  .object({
    roundId: id.optional(),
    unitId: id.optional(),
    indicatorQuery: z.string().max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
const ruleSide = z
  .object({
    terms: z.array(z.object({ indicatorId: id, factor: z.number().finite().min(-1e6).max(1e6) }).strict()).max(50),
    constant: z.number().finite().min(-1e12).max(1e12),
  })
  .strict();

const unitCode = z.string().trim().min(1, 'Cần mã đơn vị').max(40);
const changeBasis = z.string().trim().min(1, 'Cần văn bản làm căn cứ (số nghị quyết, quyết định)').max(500);
const officialListChoices = z
  .object({
    date: isoDate.nullable(),
    provinces: z.array(unitCode).max(100).optional(),
    reusedCodes: z.boolean().optional(),
    basis: z.string().trim().max(500).optional(),
  })
  .strict();
const listToken = z.uuid();
/** Figures read in the boundaries of a day, and which province of that day. */
const boundaryChoice = { boundaryDate: isoDate.optional(), province: unitCode.optional() };

export const contract = {
  'app:get-status': channel<AppStatus>()(noInput),
  'demo:create-demo': channel<DemoSummary>()(noInput),
  'units:list-units': channel<UnitTreeRow[]>()(z.object({ asOf: isoDate.optional() }).strict()),
  /** Asks the user for a .csv/.xlsx/.xls file and imports it; null when the user cancels. */
  'units:import-file': channel<ImportUnitsReport | null>()(noInput),
  'units:list-events': channel<UnitEvent[]>()(noInput),
  'units:record-merge': channel<UnitChangeResult>()(
    z
      .object({
        into: unitCode,
        name: z.string().trim().max(300).optional(),
        kind: z.enum(unitKinds).optional(),
        from: z.array(unitCode).min(1, 'Chọn các đơn vị được sáp nhập').max(200),
        date: isoDate,
        basis: changeBasis,
        yesNoRule: z.enum(['all', 'any']).optional(),
      })
      .strict(),
  ),
  'units:record-split': channel<UnitChangeResult>()(
    z
      .object({
        from: unitCode,
        into: z
          .array(
            z
              .object({
                code: unitCode,
                share: z.number().gt(0, 'Tỷ lệ phải lớn hơn 0').max(1, 'Tỷ lệ không quá 100%'),
                name: z.string().trim().min(1).max(300).optional(),
                kind: z.enum(unitKinds).optional(),
              })
              .strict(),
          )
          .min(1, 'Cần ít nhất một đơn vị nhận')
          .max(200),
        date: isoDate,
        basis: changeBasis,
      })
      .strict(),
  ),
  'units:record-end': channel<UnitChangeResult>()(
    z.object({ code: unitCode, date: isoDate, basis: changeBasis }).strict(),
  ),
  'units:open-official-list': channel<{ token: string; preview: OfficialListPreview } | null>()(officialListChoices),
  'units:preview-official-list': channel<OfficialListPreview>()(
    z.object({ token: listToken, choices: officialListChoices }).strict(),
  ),
  'units:apply-official-list': channel<OfficialListPreview>()(
    z.object({ token: listToken, choices: officialListChoices }).strict(),
  ),
  'office:import-database': channel<OfficeImportResult | null>()(noInput),
  'plans:list-plans': channel<PlanDetail[]>()(noInput),
  /** Reads a pasted plan: its document data, target drafts, task drafts with agencies matched to units. Nothing is stored. */
  'plans:draft-from-text': channel<PlanDraft>()(
    z
      .object({
        text: z
          .string()
          .trim()
          .min(1, 'Hãy dán nội dung kế hoạch')
          .max(500_000, 'Văn bản quá dài (tối đa 500.000 ký tự)'),
      })
      .strict(),
  ),
  'plans:create-plan': channel<{ id: number }>()(planInput),
  'plans:add-target': channel<{ id: number }>()(z.object({ planId: id, target: targetInput }).strict()),
  'plans:update-target': channel<null>()(z.object({ targetId: id, target: targetInput }).strict()),
  'plans:delete-target': channel<null>()(z.object({ targetId: id }).strict()),
  /** A task's status and/or a progress note. */
  'plans:update-task': channel<null>()(taskUpdate),
  /** Asks where to save the draft report on a plan's results (Word), with a round's appendix after it; null when cancelled. */
  'plans:export-report': channel<string | null>()(
    z.object({ planId: id, roundId: id.optional(), byUnit: z.boolean().optional(), ...boundaryChoice }).strict(),
  ),
  /** Every target × year × scope, or one plan's; asOf (YYYY-MM-DD) bounds the years and says which are still running. */
  'targets:evaluate': channel<TargetEvaluation[]>()(
    z.object({ planId: id.optional(), asOf: isoDate.optional(), ...boundaryChoice }).strict(),
  ),
  'targets:list-indicators': channel<LinkableIndicator[]>()(noInput),
  'targets:indicator-series': channel<IndicatorSeries>()(z.object({ indicatorId: id, ...boundaryChoice }).strict()),
  'targets:get-dashboard': channel<DashboardView>()(noInput),
  'registers:list': channel<RegisterView[]>()(noInput),
  'registers:save': channel<RegisterView>()(
    z
      .object({
        code: z
          .string()
          .trim()
          .min(1, 'Cần mã sổ theo dõi')
          .max(40)
          .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch'),
        name: z.string().trim().min(1, 'Cần tên sổ theo dõi').max(300),
        measureUnit: z.string().trim().max(100).nullable(),
        values: z
          .array(
            z
              .object({
                unitId: id,
                year: year,
                value: z.number().finite().min(0, 'Số liệu không âm').max(1e12).nullable(),
              })
              .strict(),
          )
          .max(20_000),
      })
      .strict(),
  ),
  /** A chart drawn in the page, saved as PNG where the user chooses; null when cancelled. */
  'app:save-png': channel<string | null>()(
    z
      .object({
        name: z.string().trim().min(1).max(200),
        dataUrl: z.string().max(20_000_000, 'Ảnh quá lớn').startsWith('data:image/png;base64,', 'Chỉ lưu được ảnh PNG'),
      })
      .strict(),
  ),
  'forms:list-forms': channel<FormSummary[]>()(noInput),
  'forms:get-form': channel<FormDetail>()(z.object({ formId: id }).strict()),
  /** Asks for an appendix file and proposes its form; null when the user cancels. */
  'forms:draft-from-file': channel<(FormDraft & { draftId: string }) | null>()(noInput),
  'forms:create-form': channel<FormDetail>()(
    z
      .object({
        name: z.string().trim().min(1, 'Cần đặt tên biểu mẫu').max(300),
        draftId: z.string().max(64).optional(),
        rows: editedRows,
      })
      .strict(),
  ),
  'forms:save-rows': channel<FormDetail>()(z.object({ formId: id, rows: editedRows }).strict()),
  'rounds:list-rounds': channel<RoundSummary[]>()(noInput),
  'rounds:create-round': channel<RoundSummary>()(
    z
      .object({
        formId: id,
        period: z.string().max(20),
        cutoffDate: z.string().max(10),
        deadline: z.string().max(10),
        units: z.union([z.literal('all'), z.array(z.string().min(1).max(40)).max(5000)]),
        name: z.string().max(300).optional(),
      })
      .strict(),
  ),
  /** asOf: the day lateness is counted to (main's clock), so the board and its reminder agree. */
  'rounds:list-submissions': channel<{ asOf: string; entries: SubmissionEntry[] }>()(
    z.object({ roundId: id }).strict(),
  ),
  /** Asks for a folder and writes every unit's workbook and .eml draft there; null when cancelled. */
  'rounds:export-templates': channel<TemplateExportResult | null>()(z.object({ roundId: id }).strict()),
  'rounds:get-matrix': channel<RoundMatrix>()(z.object({ roundId: id, ...boundaryChoice }).strict()),
  /** The same indicators across rounds, for the province (no unitId) or one unit. */
  'rounds:compare': channel<PeriodComparison>()(
    z
      .object({
        roundIds: z.array(id).min(2, 'Cần chọn ít nhất hai đợt').max(20),
        unitId: id.optional(),
        ...boundaryChoice,
      })
      .strict(),
  ),
  'rounds:freeze': channel<RoundSnapshot>()(z.object({ roundId: id, note: z.string().max(500) }).strict()),
  'rounds:list-snapshots': channel<RoundSnapshot[]>()(z.object({ roundId: id }).strict()),
  /** Asks where to save, then writes the round as a Word appendix, an Excel workbook, CSV or ADX; null when cancelled. */
  'rounds:export': channel<string | null>()(
    z
      .object({
        roundId: id,
        format: z.enum(['docx', 'docx-template', 'xlsx', 'csv', 'adx']),
        byUnit: z.boolean().optional(),
        ...boundaryChoice,
      })
      .strict(),
  ),
  /** The appendix as it will print, for the print preview. */
  'rounds:get-appendix': channel<{ table: AppendixTable; office: OfficeProfile; landscape: boolean }>()(
    z.object({ roundId: id, byUnit: z.boolean().optional() }).strict(),
  ),
  /** Prints the window (the print preview) with the system's dialog. */
  'app:print': channel<null>()(noInput),
  /** Opens the log files' folder in the system's file manager (to send a log to support). */
  'app:open-log-folder': channel<null>()(noInput),
  /** Puts text (a reminder, a correction request) on the system clipboard. */
  'app:copy-text': channel<null>()(z.object({ text: z.string().min(1).max(100_000) }).strict()),
  /** Saves the window (the print preview) as a PDF where the user chooses; null when cancelled. */
  'app:save-pdf': channel<string | null>()(z.object({ name: z.string().min(1).max(200) }).strict()),
  /** A grid as shown (columns in order, rows after filter and sort) saved as .xlsx where the user chooses; null when cancelled. */
  'app:export-grid': channel<string | null>()(
    z
      .object({
        title: z.string().trim().min(1).max(300),
        columns: z
          .array(z.object({ header: z.string().max(300), width: z.number().min(0).max(5000) }).strict())
          .min(1)
          .max(400),
        rows: z.array(z.array(z.union([z.string().max(5000), z.number().finite(), z.null()])).max(400)).max(50_000),
      })
      .strict(),
  ),
  'settings:get-office': channel<OfficeProfile>()(noInput),
  /** The office's own Word template for appendices, if one is kept. */
  'settings:get-template': channel<{ fileName: string; storedAt: string } | null>()(noInput),
  /** Asks for a .docx template, tries it on sample figures and keeps it; null when cancelled. */
  'settings:choose-template': channel<{ fileName: string; storedAt: string } | null>()(noInput),
  /** Asks where to save a starting template with every placeholder; null when cancelled. */
  'settings:save-starter-template': channel<string | null>()(noInput),
  'settings:remove-template': channel<null>()(noInput),
  'backup:get-status': channel<BackupStatusView>()(noInput),
  /** "Sao lưu ngay": a consistent copy now; a problem with the second location is reported, not thrown. */
  'backup:take-now': channel<{ status: BackupStatusView; mirrorProblem: string | null }>()(noInput),
  /** Asks for a second folder and copies the backups there; null when cancelled. */
  'backup:choose-mirror': channel<BackupStatusView | null>()(noInput),
  /** What a backup of the app's folder holds, before restoring it. */
  'backup:inspect': channel<BackupSummary>()(z.object({ name: backupName }).strict()),
  /** Restores a backup of the app's folder; the current database is kept as a backup first. */
  'backup:restore': channel<{ restored: BackupSummary; safetyCopy: string }>()(z.object({ name: backupName }).strict()),
  /** The database's check: quick (structure, links) or full (also originals' checksums and figures' provenance). */
  'backup:check': channel<CheckReport>()(z.object({ full: z.boolean() }).strict()),
  'settings:save-office': channel<OfficeProfile>()(
    z
      .object(
        Object.fromEntries(officeProfileFields.map((f) => [f, z.string().max(200, 'Tối đa 200 ký tự')])) as Record<
          keyof OfficeProfile,
          z.ZodString
        >,
      )
      .strict(),
  ),
  'submissions:get-sheet': channel<SubmissionSheet>()(z.object(submissionRef).strict()),
  'submissions:save-values': channel<SubmissionSheet>()(
    z
      .object({
        ...submissionRef,
        how: z.enum(changeKinds),
        changes: z
          .array(
            z
              .object({ indicatorId: id, value: z.union([z.string().max(200), z.number().finite(), z.null()]) })
              .strict(),
          )
          .min(1)
          .max(2000),
        reason: z.string().max(500).optional(),
      })
      .strict(),
  ),
  'submissions:save-comment': channel<SubmissionSheet>()(
    z.object({ ...submissionRef, indicatorId: id, comment: z.string().max(1000).nullable() }).strict(),
  ),
  'submissions:change-status': channel<SubmissionSheet>()(
    z.object({ ...submissionRef, action: z.enum(workflowActions), reason: z.string().max(500).optional() }).strict(),
  ),
  'submissions:draft-correction': channel<CorrectionRequest>()(z.object(submissionRef).strict()),
  /** Asks where to save the correction request (as the user adjusted it) as an .eml draft; null when cancelled. */
  'submissions:save-correction': channel<string | null>()(
    z
      .object({ ...submissionRef, text: z.string().trim().min(1, 'Thư không có nội dung').max(20_000).optional() })
      .strict(),
  ),
  'files:open-original': channel<string>()(z.object({ fileId: id }).strict()),
  /** A kept e-mail (.eml, .msg) read for showing inside the app. */
  'files:view-message': channel<MessageView>()(z.object({ fileId: id }).strict()),
  /** Asks where to save a copy of a kept original (marked as from the internet); null when cancelled. */
  'files:save-copy': channel<string | null>()(z.object({ fileId: id }).strict()),
  'submissions:get-provenance': channel<ValueProvenance>()(z.object({ ...submissionRef, indicatorId: id }).strict()),
  /** The newest 5,000 changes that pass the filter. */
  'submissions:list-history': channel<HistoryEntry[]>()(historyFilter),
  'submissions:export-history': channel<{ path: string; entries: number } | null>()(historyFilter),
  'submissions:get-check-settings': channel<{ changeFactor: number }>()(noInput),
  'submissions:save-check-settings': channel<{ changeFactor: number }>()(
    z
      .object({
        changeFactor: z
          .number()
          .refine(
            (n) => n === 0 || (n > 1 && n <= 100),
            'Hệ số phải lớn hơn 1 (ví dụ 2 = tăng gấp đôi), hoặc 0 để tắt',
          ),
      })
      .strict(),
  ),
  'rules:list-rules': channel<{ rules: ValidationRule[]; indicators: RuleIndicator[] }>()(
    z.object({ formId: id }).strict(),
  ),
  'rules:create-rule': channel<ValidationRule>()(
    z
      .object({
        formId: id,
        name: z.string().trim().min(1, 'Cần đặt tên quy tắc').max(300),
        left: ruleSide,
        operator: z.enum(ruleOperators),
        right: ruleSide,
        importance: z.enum(['error', 'warning']),
      })
      .strict(),
  ),
  'rules:delete-rule': channel<null>()(z.object({ ruleId: id }).strict()),
  /** Records that an indicator continues another (null to undo), so periods compare across forms. */
  'forms:link-indicator': channel<null>()(z.object({ indicatorId: id, sameAsId: id.nullable() }).strict()),
  'inbox:list-messages': channel<InboxMessage[]>()(noInput),
  /** Asks for files or a folder of replies and imports them; null when cancelled. */
  'inbox:import-files': channel<ImportResult[] | null>()(z.object({ kind: z.enum(['files', 'folder']) }).strict()),
  /** Files dropped on the window, as base64 contents (at most 30 MB each). */
  'inbox:import-dropped': channel<ImportResult[]>()(
    z
      .object({
        files: z
          .array(
            z
              .object({
                name: z.string().min(1).max(255),
                data: z.string().max(41_000_000, 'Tệp quá lớn (giới hạn 30 MB)'),
              })
              .strict(),
          )
          .min(1)
          .max(200),
      })
      .strict(),
  ),
  'inbox:review-message': channel<ImportResult>()(
    z
      .object({
        messageId: id,
        unitId: id,
        roundId: id.optional(),
        rowChoices: z
          .array(z.object({ index: z.number().int().min(0), formRow: id.nullable() }).strict())
          .max(5000)
          .optional(),
      })
      .strict(),
  ),
  'inbox:get-reply-table': channel<ReplyTableView | null>()(
    z.object({ messageId: id, roundId: id.optional() }).strict(),
  ),
  'inbox:get-mailbox': channel<MailboxView | null>()(noInput),
  'inbox:save-mailbox': channel<MailboxView>()(
    z
      .object({
        host: z
          .string()
          .trim()
          .min(1, 'Cần địa chỉ máy chủ thư')
          .max(255)
          .regex(/^[A-Za-z0-9.-]+$/, 'Địa chỉ máy chủ chỉ gồm chữ, số, dấu chấm và gạch ngang'),
        port: z.number().int().min(1).max(65535),
        secure: z.boolean(),
        user: z.string().trim().min(1, 'Cần tên đăng nhập').max(255),
        folder: z.string().trim().max(255),
        password: z.string().max(500).optional(),
      })
      .strict(),
  ),
  /** Fetches and imports the messages not yet seen in the watched folder. */
  'inbox:check-mailbox': channel<ImportResult[]>()(noInput),
} satisfies Record<Channel, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

/** The object the preload exposes as `window.api`. */
export interface PreloadApi {
  invoke(channel: Channel, input: unknown): Promise<import('../errors').Result<unknown>>;
  on(event: import('./channels').EventName, listener: (payload: unknown) => void): () => void;
}

export interface ProgressEvent {
  task: string;
  done: number;
  total: number;
  label?: string;
}
