import { formatDate } from '../text/format-vi';
import type { RoundSummary } from './rounds';

/**
 * The letters of a round, one home for their wording: the request that goes with each unit's form
 * (as a draft or sent), the reminder to units that have not answered (one per unit when sent, or all
 * units at once to copy), and the receipt of a report. Each ends with the office's signature when there is one.
 */
export interface Letter {
  subject: string;
  text: string;
}

/** A letter's lines ending with the office's signature, when there is one. */
export function signed(lines: string[], signature: string | null | undefined): string {
  const s = signature?.trim();
  return [...lines, ...(s ? ['', '--', s] : [])].join('\n');
}

/** The request sent with a unit's own form. */
export function formsLetter(
  round: RoundSummary,
  unitName: string,
  options: { coverLetter?: string | null; signature?: string | null } = {},
): Letter {
  const cover = options.coverLetter?.trim();
  return {
    subject: `Đề nghị báo cáo: ${round.name} – ${unitName}`,
    text: signed(
      [
        `Kính gửi: ${unitName}.`,
        '',
        `${cover ? `Thực hiện ${cover}, c` : 'C'}ơ quan thường trực phòng, chống mại dâm gửi kèm biểu mẫu báo cáo "${round.name}" (${round.periodLabel}, số liệu tính đến ngày ${formatDate(round.cutoffDate)}).`,
        `Đề nghị quý đơn vị điền số liệu vào cột «Số lượng» của tệp đính kèm, giữ nguyên các dòng và cột của biểu, và gửi lại qua thư điện tử trước ngày ${formatDate(round.deadline)}.`,
        'Khi trả lời, xin dùng chức năng "Trả lời" (Reply) của thư này để báo cáo được ghi đúng đơn vị và đợt.',
        '',
        'Trân trọng cảm ơn.',
      ],
      options.signature,
    ),
  };
}

/** A reminder to the units that have not answered: before the deadline, or after it as overdue. */
export function reminderLetter(
  round: RoundSummary,
  unitNames: string[],
  today: string,
  signature?: string | null,
): Letter {
  const overdue = today > round.deadline;
  return {
    subject: `${overdue ? 'Nhắc gửi báo cáo (đã quá hạn)' : 'Nhắc gửi báo cáo'}: ${round.name}${unitNames.length === 1 ? ` – ${unitNames[0]}` : ''}`,
    text: signed(
      [
        `Kính gửi: ${unitNames.join('; ')}.`,
        '',
        `Thực hiện đợt báo cáo "${round.name}" (số liệu tính đến ngày ${formatDate(round.cutoffDate)}), hạn gửi báo cáo là ngày ${formatDate(round.deadline)}.`,
        overdue
          ? `Đến ngày ${formatDate(today)}, cơ quan thường trực chưa nhận được báo cáo của ${unitNames.length === 1 ? 'quý đơn vị' : 'các đơn vị nêu trên'}. Đề nghị khẩn trương hoàn thành và gửi báo cáo theo biểu mẫu đã gửi kèm.`
          : `Đề nghị ${unitNames.length === 1 ? 'quý đơn vị' : 'các đơn vị'} hoàn thành và gửi báo cáo theo biểu mẫu đã gửi kèm đúng thời hạn.`,
        '',
        'Trân trọng.',
      ],
      signature,
    ),
  };
}

/** The receipt of a unit's report: how many figures were read, and what to check, fix and send again. */
export function receiptLetter(
  round: RoundSummary,
  unitName: string,
  read: { values: number; errors: string[] },
  signature?: string | null,
): Letter {
  return {
    subject: `Đã nhận báo cáo: ${round.name} – ${unitName}`,
    text: signed(
      [
        `Kính gửi: ${unitName}.`,
        '',
        `Cơ quan thường trực phòng, chống mại dâm đã nhận báo cáo "${round.name}" (${round.periodLabel}) của quý đơn vị và đọc được ${read.values} số liệu.`,
        ...(read.errors.length > 0
          ? ['', 'Số liệu cần kiểm tra, sửa và gửi lại:', ...read.errors.map((e, i) => `${i + 1}. ${e}`)]
          : ['', 'Chưa phát hiện lỗi trong số liệu.']),
        '',
        'Trân trọng.',
      ],
      signature,
    ),
  };
}
