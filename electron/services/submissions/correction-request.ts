import { formatDate } from '../../../shared/text/format-vi';
import { addDays } from '../../../shared/clock';
import type { CorrectionRequest, SubmissionSheet } from '../../../shared/domain/submissions';
import type { ServiceContext } from '../context';
import { buildEmlDraft } from '../files/eml-draft';
import { safeFileStem } from '../files/safe-name';
import { saveAs } from '../files/save-as';
import { getSubmissionSheet } from './submission-sheet';
import { listEmails } from '../../../db/units/repo';

/** The request's wording: every error first, then the warnings to confirm, each with its row and figures. */
export function correctionRequestText(sheet: SubmissionSheet, today: string): string {
  const all = [...sheet.rows.flatMap((r) => r.problems), ...sheet.otherProblems];
  const errors = all.filter((p) => p.severity === 'error');
  const warnings = all.filter((p) => p.severity === 'warning');
  const lines = [
    `Kính gửi: ${sheet.unitName}.`,
    '',
    `Cơ quan thường trực phòng, chống mại dâm đã nhận báo cáo "${sheet.roundName}" (${sheet.periodLabel}) của quý đơn vị${sheet.receivedAt ? ` ngày ${formatDate(sheet.receivedAt)}` : ''}. Qua kiểm tra, số liệu còn những điểm sau:`,
  ];
  if (errors.length > 0) {
    lines.push('', 'Số liệu cần sửa:');
    errors.forEach((p, i) => lines.push(`${i + 1}. ${p.message}`));
  }
  if (warnings.length > 0) {
    lines.push('', 'Số liệu cần xác nhận lại:');
    warnings.forEach((p, i) => lines.push(`${i + 1}. ${p.message}`));
  }
  if (all.length === 0) lines.push('', '(Không có lỗi nào được phát hiện.)');
  lines.push(
    '',
    `Đề nghị quý đơn vị kiểm tra, chỉnh sửa và gửi lại báo cáo trước ngày ${formatDate(addDays(today, 3))}.`,
    '',
    'Trân trọng cảm ơn.',
  );
  return lines.join('\n');
}

export async function draftCorrectionRequest(
  ctx: ServiceContext,
  roundId: number,
  unitId: number,
): Promise<CorrectionRequest> {
  const sheet = await getSubmissionSheet(ctx, roundId, unitId);
  const emails = await listEmails(ctx.db, unitId);
  const problems = sheet.rows.reduce((n, r) => n + r.problems.length, sheet.otherProblems.length);
  return {
    unitName: sheet.unitName,
    to: emails,
    subject: `Đề nghị chỉnh sửa số liệu: ${sheet.roundName} – ${sheet.unitName}`,
    text: correctionRequestText(sheet, ctx.clock().toISOString().slice(0, 10)),
    problems,
  };
}

/** Asks where to save the request (the text as the user adjusted it, if given) as an .eml draft and writes it; null when the user cancels. */
export async function saveCorrectionDraft(
  ctx: ServiceContext,
  roundId: number,
  unitId: number,
  adjustedText?: string,
): Promise<string | null> {
  const request = await draftCorrectionRequest(ctx, roundId, unitId);
  const eml = await buildEmlDraft({
    to: request.to.map((address) => ({ name: request.unitName, address })),
    subject: request.subject,
    text: adjustedText ?? request.text,
  });
  return saveAs(
    ctx,
    {
      title: 'Lưu thư đề nghị chỉnh sửa',
      defaultName: `de-nghi-sua-${safeFileStem(request.unitName)}.eml`,
      filterName: 'Thư điện tử (.eml)',
      extension: 'eml',
    },
    eml,
  );
}
