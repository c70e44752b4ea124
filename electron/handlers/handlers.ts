import crypto from 'node:crypto';
import path from 'node:path';
import type { Channel, EventName } from '../../shared/api/channels';
import type { OutputOf, ParsedInputOf, ProgressEvent } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { listFormSummaries } from '../../db/forms/repo';
import type { ServiceContext } from '../services/context';
import { getStatus } from '../services/app/get-status';
import { createDemo } from '../services/demo/create-demo';
import { listUnitTree } from '../services/units/list-units';
import { listUnitEvents, recordEnd, recordMerge, recordSplit } from '../services/units/unit-changes';
import { chooseAndImportOfficeDatabase } from '../services/office/import-office';
import {
  applyOfficialList,
  chooseOfficialList,
  openedList,
  previewOfficialList,
} from '../services/units/official-list';
import { chooseAndImportUnits } from '../services/units/import-units';
import { listPlans, updateTask } from '../services/plans/list-plans';
import { draftPlanFromText } from '../services/plans/draft-plan';
import { addTarget, createPlan, deleteTarget, updateTarget } from '../services/plans/save-plan';
import { evaluateTargets } from '../services/targets/evaluate-targets';
import { getDashboard, getIndicatorSeries, listLinkableIndicators } from '../services/targets/dashboard';
import { listRegisters, saveRegister } from '../services/targets/registers';
import { saveChartPng } from '../services/files/save-chart-png';
import { viewMessage, saveOriginalCopy } from '../services/files/message-view';
import { openOriginal } from '../services/files/open-original';
import { saveReviewReport } from '../services/export/review-report';
import { inspectBackup, restoreBackup } from '../services/backup/restore';
import { draftFormFromBytes, MAX_FORM_FILE_BYTES } from '../services/forms/import-form';
import { createFormFromEdited, getFormDetail, saveFormRows } from '../services/forms/edit-form';
import { readFileWithinLimit } from '../services/files/limits';
import { createRound } from '../services/rounds/create-round';
import { listSubmissions } from '../services/rounds/completeness';
import { listRoundSummaries } from '../../db/rounds/repo';
import { exportRoundTemplates } from '../services/templates/export-templates';
import { importDropped, importPaths, listInboxMessages, reviewMessage } from '../services/import/inbox';
import { checkMailbox, getMailbox, saveMailbox } from '../services/import/mailbox';
import { getReplyTable } from '../services/import/reply-table';
import { getRoundMatrix } from '../services/rounds/round-matrix';
import { compareRounds, linkIndicator } from '../services/rounds/compare-rounds';
import { freezeRound, listSnapshots } from '../services/rounds/snapshots';
import { getSubmissionSheet } from '../services/submissions/submission-sheet';
import { saveComment, saveValues } from '../services/submissions/save-values';
import { changeSubmissionStatus } from '../services/submissions/workflow';
import { draftCorrectionRequest, saveCorrectionDraft } from '../services/submissions/correction-request';
import { getValueProvenance } from '../services/submissions/provenance';
import { listHistory } from '../../db/submissions/history-repo';
import { exportHistory } from '../services/submissions/export-history';
import { getChangeFactor, setChangeFactor } from '../services/submissions/check-settings';
import { recheckAll } from '../services/submissions/check-submission';
import { saveRoundExport } from '../services/export/export-round';
import { appendixFromRound } from '../services/export/appendix-from-round';
import { isLandscape } from '../../shared/domain/appendix';
import { saveWindowPdf } from '../services/export/save-window-pdf';
import { saveGridWorkbook } from '../services/export/save-grid-workbook';
import { saveAs } from '../services/files/save-as';
import { chooseMirror, getBackupStatus, takeBackup, type BackupStatus } from '../services/backup/backups';
import type { BackupEntry, BackupStatusView } from '../../shared/domain/backups';

/** Backups as the renderer sees them: names and times, never where else on disk they are. */
function toView(s: BackupStatus): BackupStatusView {
  const strip = ({ name, takenAt, kind, size }: BackupEntry): BackupEntry => ({ name, takenAt, kind, size });
  return {
    folder: s.folder,
    mirror: s.mirror,
    last: s.last && strip(s.last),
    ageDays: s.ageDays,
    warning: s.warning,
    backups: s.backups.map(strip),
  };
}
import {
  getOfficeTemplateInfo,
  installOfficeTemplate,
  removeOfficeTemplate,
  starterTemplate,
} from '../services/export/office-template';
import { getOfficeProfile, saveOfficeProfile } from '../services/settings/office-profile';
import { createValidationRule, deleteValidationRule, getFormRules } from '../services/submissions/validation-rules';

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

export type Emit = (event: EventName, payload: unknown) => void;

/** Files the user chose for a form, kept until the draft is saved so the original can be stored. */
const MAX_PENDING_DRAFTS = 5;

/** One handler per channel of the contract, each a thin call into a service. */
export function createHandlers(ctx: ServiceContext, emit: Emit = () => undefined): Handlers {
  const drafts = new Map<string, { fileName: string; bytes: Uint8Array }>();
  const progress = (p: ProgressEvent) => emit('progress', p);

  return {
    'app:get-status': () => getStatus(ctx),
    'demo:create-demo': () => createDemo(ctx, { history: true }),
    'units:list-units': (input) => listUnitTree(ctx, input.asOf),
    'units:import-file': () => chooseAndImportUnits(ctx),
    'units:list-events': () => listUnitEvents(ctx),
    'units:record-merge': (input) => recordMerge(ctx, input),
    'units:record-split': (input) => recordSplit(ctx, input),
    'units:record-end': (input) => recordEnd(ctx, input),
    'units:open-official-list': (choices) => chooseOfficialList(ctx, choices),
    'units:preview-official-list': (input) => previewOfficialList(ctx, openedList(input.token), input.choices),
    'units:apply-official-list': (input) => applyOfficialList(ctx, openedList(input.token), input.choices),
    'office:import-database': () => chooseAndImportOfficeDatabase(ctx),
    'plans:list-plans': () => listPlans(ctx),
    'plans:draft-from-text': (input) => draftPlanFromText(ctx, input.text),
    'plans:create-plan': async (input) => ({ id: await createPlan(ctx, input) }),
    'plans:add-target': async (input) => ({ id: await addTarget(ctx, input.planId, input.target) }),
    'plans:update-target': async (input) => {
      await updateTarget(ctx, input.targetId, input.target);
      return null;
    },
    'plans:delete-target': async (input) => {
      await deleteTarget(ctx, input.targetId);
      return null;
    },
    'plans:update-task': async (input) => {
      await updateTask(ctx, input);
      return null;
    },
    'plans:export-report': (input) => saveReviewReport(ctx, input),
    'targets:evaluate': (input) => evaluateTargets(ctx, input),
    'targets:list-indicators': () => listLinkableIndicators(ctx),
    'targets:indicator-series': ({ indicatorId, ...choice }) => getIndicatorSeries(ctx, indicatorId, choice),
    'targets:get-dashboard': () => getDashboard(ctx),
    'targets:list-registers': () => listRegisters(ctx),
    'targets:save-register': (input) => saveRegister(ctx, input),
    'app:save-png': (input) => saveChartPng(ctx, input),
    'app:open-log-folder': async () => {
      await ctx.platform.openLogFolder();
      return null;
    },
    'app:copy-text': async (input) => {
      await ctx.platform.copyText(input.text);
      return null;
    },
    'forms:list-forms': () => listFormSummaries(ctx.db),
    'forms:get-form': (input) => getFormDetail(ctx, input.formId),
    'forms:draft-from-file': async () => {
      const filePath = await ctx.platform.chooseFile({
        title: 'Chọn phụ lục (biểu mẫu) để nhập',
        filters: [{ name: 'Phụ lục Word hoặc Excel', extensions: ['docx', 'xlsx', 'xls'] }],
      });
      if (filePath === null) return null;
      const fileName = path.basename(filePath);
      const bytes = readFileWithinLimit(filePath, MAX_FORM_FILE_BYTES);
      const draft = await draftFormFromBytes(fileName, bytes);
      const draftId = crypto.randomUUID();
      drafts.set(draftId, { fileName, bytes });
      while (drafts.size > MAX_PENDING_DRAFTS) drafts.delete(drafts.keys().next().value!);
      return { ...draft, draftId };
    },
    'forms:create-form': async (input) => {
      const original = input.draftId ? drafts.get(input.draftId) : undefined;
      if (input.draftId && !original)
        throw new AppError('not-found', 'Bản xem trước đã hết hạn; hãy chọn lại tệp phụ lục.');
      const detail = await createFormFromEdited(ctx, {
        name: input.name,
        rows: input.rows,
        ...(original ? { original } : {}),
      });
      if (input.draftId) drafts.delete(input.draftId);
      return detail;
    },
    'forms:save-rows': (input) => saveFormRows(ctx, input.formId, input.rows),
    'rounds:list-rounds': () => listRoundSummaries(ctx.db),
    'rounds:create-round': (input) => createRound(ctx, input),
    'rounds:list-submissions': async (input) => ({
      asOf: ctx.clock().toISOString().slice(0, 10),
      entries: await listSubmissions(ctx, input.roundId),
    }),
    'rounds:export-templates': async (input) => {
      const folder = await ctx.platform.chooseFolder({ title: 'Chọn thư mục để lưu biểu mẫu gửi đơn vị' });
      if (folder === null) return null;
      return exportRoundTemplates(ctx, input.roundId, folder, (done, total) =>
        progress({ task: 'export-templates', done, total, label: `Đang xuất biểu mẫu ${done}/${total}` }),
      );
    },
    'rounds:get-matrix': ({ roundId, ...choice }) => getRoundMatrix(ctx, roundId, choice),
    'rounds:compare': (input) => compareRounds(ctx, input),
    'rounds:freeze': (input) => freezeRound(ctx, input),
    'rounds:list-snapshots': (input) => listSnapshots(ctx, input.roundId),
    'rounds:export': (input) => saveRoundExport(ctx, input),
    'rounds:get-appendix': async (input) => {
      const { table, office } = await appendixFromRound(ctx, input.roundId, { byUnit: input.byUnit ?? false });
      return { table, office, landscape: isLandscape(table) };
    },
    'app:print': async () => {
      await ctx.platform.printWindow();
      return null;
    },
    'app:save-pdf': (input) => saveWindowPdf(ctx, input.name),
    'app:export-grid': (input) => saveGridWorkbook(ctx, input),
    'backup:get-status': async () => toView(await getBackupStatus(ctx)),
    'backup:take-now': async () => {
      const { mirrorProblem } = await takeBackup(ctx, 'thu-cong');
      return { status: toView(await getBackupStatus(ctx)), mirrorProblem };
    },
    'backup:choose-mirror': async () => {
      const status = await chooseMirror(ctx);
      return status && toView(status);
    },
    'settings:get-office': () => getOfficeProfile(ctx.db),
    'settings:get-template': () => getOfficeTemplateInfo(ctx),
    'settings:choose-template': async () => {
      const filePath = await ctx.platform.chooseFile({
        title: 'Chọn mẫu Word của cơ quan',
        filters: [{ name: 'Word (.docx)', extensions: ['docx'] }],
      });
      if (filePath === null) return null;
      return installOfficeTemplate(ctx, path.basename(filePath), readFileWithinLimit(filePath, MAX_FORM_FILE_BYTES));
    },
    'settings:save-starter-template': async () =>
      saveAs(
        ctx,
        { title: 'Lưu mẫu Word gợi ý', defaultName: 'mau-phu-luc.docx', filterName: 'Word (.docx)', extension: 'docx' },
        await starterTemplate(),
      ),
    'settings:remove-template': async () => {
      await removeOfficeTemplate(ctx);
      return null;
    },
    'backup:inspect': async (input) => inspectBackup(ctx, input.name),
    'backup:restore': (input) => restoreBackup(ctx, input.name),
    'backup:check': async (input) => ctx.checkDatabase(input.full),
    'settings:save-office': (input) => saveOfficeProfile(ctx.db, input),
    'submissions:get-sheet': (input) => getSubmissionSheet(ctx, input.roundId, input.unitId),
    'submissions:save-values': (input) => saveValues(ctx, input),
    'submissions:save-comment': (input) => saveComment(ctx, input),
    'submissions:change-status': (input) => changeSubmissionStatus(ctx, input),
    'submissions:draft-correction': (input) => draftCorrectionRequest(ctx, input.roundId, input.unitId),
    'submissions:save-correction': (input) => saveCorrectionDraft(ctx, input.roundId, input.unitId, input.text),
    'submissions:get-provenance': (input) => getValueProvenance(ctx, input),
    'files:open-original': (input) => openOriginal(ctx, input.fileId),
    'files:view-message': (input) => viewMessage(ctx, input.fileId),
    'files:save-copy': (input) => saveOriginalCopy(ctx, input.fileId),
    'submissions:list-history': (input) => listHistory(ctx.db, { ...input, limit: 5000 }),
    'submissions:export-history': (input) => exportHistory(ctx, input),
    'submissions:get-check-settings': async () => ({ changeFactor: await getChangeFactor(ctx.db) }),
    'submissions:save-check-settings': async (input) => {
      await setChangeFactor(ctx.db, input.changeFactor);
      await recheckAll(ctx.db);
      return { changeFactor: await getChangeFactor(ctx.db) };
    },
    'forms:list-rules': (input) => getFormRules(ctx, input.formId),
    'forms:create-rule': (input) => createValidationRule(ctx, input),
    'forms:delete-rule': async (input) => {
      await deleteValidationRule(ctx, input.ruleId);
      return null;
    },
    'forms:link-indicator': async (input) => {
      await linkIndicator(ctx, input);
      return null;
    },
    'inbox:list-messages': () => listInboxMessages(ctx),
    'inbox:import-files': async (input) => {
      const replyFilter = [
        {
          name: 'Thư và báo cáo (.eml, Excel, Word, PDF)',
          extensions: ['eml', 'msg', 'mbox', 'zip', 'xlsx', 'xls', 'docx', 'doc', 'pdf', 'jpg', 'png'],
        },
      ];
      const paths =
        input.kind === 'folder'
          ? await ctx.platform
              .chooseFolder({ title: 'Chọn thư mục chứa thư, báo cáo của đơn vị' })
              .then((p) => (p === null ? null : [p]))
          : await ctx.platform.chooseFiles({ title: 'Chọn thư, báo cáo của đơn vị', filters: replyFilter });
      if (paths === null) return null;
      return importPaths(ctx, paths, (done, total, label) => progress({ task: 'import', done, total, label }));
    },
    'inbox:import-dropped': (input) =>
      importDropped(
        ctx,
        input.files.map((f) => ({ fileName: f.name, bytes: Buffer.from(f.data, 'base64') })),
        (done, total, label) => progress({ task: 'import', done, total, label }),
      ),
    'inbox:review-message': (input) => reviewMessage(ctx, input),
    'inbox:get-reply-table': (input) => getReplyTable(ctx, input.messageId, input.roundId),
    'inbox:get-mailbox': () => getMailbox(ctx),
    'inbox:save-mailbox': (input) => saveMailbox(ctx, input),
    'inbox:check-mailbox': () =>
      checkMailbox(ctx, (done, total, label) => progress({ task: 'import', done, total, label })),
  };
}
