import { AlignmentType, Document, Packer, Paragraph, Table, TableRow, TextRun, type ISectionOptions } from 'docx';
import type { AppendixTable } from '../../../shared/domain/appendix';
import type { OfficeProfile } from '../../../shared/domain/office';
import { formatThreshold, taskStatusLabels, type PlanDetail, type TargetSummary } from '../../../shared/domain/plans';
import {
  formatResult,
  targetStatusLabels,
  worstStatus,
  type TargetEvaluation,
  type TargetStatus,
} from '../../../shared/domain/targets';
import { formatDate, formatDateWords } from '../../../shared/text/format-vi';
import {
  A4,
  FONT_SIZE,
  MARGINS,
  appendixSection,
  documentHeader,
  documentStyles,
  gridTable,
  filedLine,
  pageNumberHeaders,
  pageProperties,
  para,
  signerParagraphs,
  tableCell,
  twoColumns,
} from './write-appendix-docx';

/**
 * A draft report on a plan's results, in the outline of a final-review report (the Lào Cai seed's
 * "Đề cương báo cáo tổng kết"): the results against each target with the figures and statuses
 * filled in from the evaluation, the tasks with their status, and bracketed prompts where only the
 * office can write; the round's appendix follows as its own section. The office edits it in Word.
 */
export interface ReviewReportInput {
  plan: PlanDetail;
  /** The plan's evaluations, every year and scope. */
  evaluations: TargetEvaluation[];
  office: OfficeProfile;
  /** ISO date for the place-and-date line; dots when not given. */
  date?: string;
  appendix?: AppendixTable;
}

const FONT = 'Times New Roman';
const prompt = (text: string) =>
  new Paragraph({
    spacing: { after: 120 },
    indent: { firstLine: 567 },
    children: [new TextRun({ text: `[${text}]`, italics: true, font: FONT, size: FONT_SIZE.body, color: '555555' })],
  });
const body = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120 },
    indent: { firstLine: 567 },
    children: [new TextRun({ text, font: FONT, size: FONT_SIZE.body })],
  });
const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 120, after: 120 },
    indent: { firstLine: 567 },
    children: [new TextRun({ text, bold: true, font: FONT, size: FONT_SIZE.body })],
  });

/** One cell per year: the province's figure, or "x/y đạt" for a target evaluated unit by unit. */
function yearCell(entries: TargetEvaluation[]): string {
  if (entries.length === 0) return '';
  if (entries.length === 1 && entries[0]!.scope === 'province') return formatResult(entries[0]!) ?? '—';
  return `${entries.filter((e) => e.status === 'met').length}/${entries.length} đạt`;
}

/** The newest year's status; for a target evaluated unit by unit, the worst of its units. */
const verdict = (entries: TargetEvaluation[]) => worstStatus(entries.map((e) => e.status));
const signs = { '>=': '≥', '<=': '≤', '=': '=' } as const;

function resultsTable(plan: PlanDetail, evaluations: TargetEvaluation[], contentWidth: number): Table {
  const years = [...new Set(evaluations.map((e) => e.period))].sort();
  const stt = 700;
  const level = 1100;
  const judged = 1300;
  // The target's text keeps at least 2,400 twips (about 4 cm); the years share the rest.
  const yearWidth = years.length
    ? Math.max(700, Math.min(1100, Math.floor((contentWidth - stt - level - judged - 2400) / years.length)))
    : 0;
  const text = contentWidth - stt - level - judged - yearWidth * years.length;
  const widths = [stt, text, level, ...years.map(() => yearWidth), judged];
  const size = years.length > 4 ? FONT_SIZE.tableWide : FONT_SIZE.table;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['STT', 'Chỉ tiêu', 'Mức phấn đấu', ...years.map((y) => `Năm ${y}`), 'Đánh giá'].map((h) =>
      tableCell(h, { bold: true, align: AlignmentType.CENTER, shade: true, size }),
    ),
  });
  const rows = plan.targets.map((t) => {
    const mine = evaluations.filter((e) => e.targetId === t.id);
    const last = years.filter((y) => mine.some((e) => e.period === y)).at(-1);
    const status = verdict(mine.filter((e) => e.period === last));
    return new TableRow({
      cantSplit: true,
      children: [
        tableCell(t.code, { align: AlignmentType.CENTER, size }),
        tableCell(t.text, { size }),
        tableCell(formatThreshold(t, signs, mine.find((e) => e.measure !== null)?.measure ?? null), {
          align: AlignmentType.CENTER,
          size,
        }),
        ...years.map((y) =>
          tableCell(yearCell(mine.filter((e) => e.period === y)), { align: AlignmentType.RIGHT, size }),
        ),
        tableCell(status ? targetStatusLabels[status] : 'Chưa đánh giá', {
          align: AlignmentType.CENTER,
          bold: status === 'not-met',
          size,
        }),
      ],
    });
  });
  return gridTable(widths, [header, ...rows]);
}

/** "Nơi nhận" on the left, the signing authority on the right, as at the end of an administrative report. */
function reportSignature(office: OfficeProfile, contentWidth: number): Table {
  const left = (t: string, o: { bold?: boolean; italics?: boolean } = {}) =>
    para(t, { ...o, size: o.bold ? 24 : FONT_SIZE.recipients, align: AlignmentType.LEFT });
  return twoColumns(
    contentWidth,
    Math.round(contentWidth / 2),
    [left('Nơi nhận:', { bold: true, italics: true }), left('- Như trên;'), left(filedLine(office))],
    signerParagraphs(office, 'THỦ TRƯỞNG CƠ QUAN'),
    { keepTogether: true },
  );
}

export function reviewReportTitle(plan: PlanDetail): string {
  const what = plan.title.replace(/^Kế hoạch\s+/i, '');
  return plan.type === 'final-review'
    ? what.replace(/^./, (c) => c.toLocaleUpperCase('vi'))
    : `Kết quả thực hiện ${plan.docNumber ? `Kế hoạch số ${plan.docNumber}` : 'Kế hoạch'} ${what}`;
}

export async function writeReviewReportDocx(input: ReviewReportInput): Promise<Buffer> {
  const { plan, evaluations, office } = input;
  const contentWidth = A4.width - MARGINS.left - MARGINS.right;
  const dateLine = `${office.place || '…'}, ${input.date ? formatDateWords(input.date) : 'ngày … tháng … năm …'}`;
  const numberLine = `Số:      /BC-${office.symbol || '…'}`;
  const targets = plan.targets;
  const latest = (t: TargetSummary) => {
    const mine = evaluations.filter((e) => e.targetId === t.id);
    const last = [...new Set(mine.map((e) => e.period))].sort().at(-1);
    return mine.filter((e) => e.period === last);
  };
  const counts = new Map<TargetStatus | null, number>();
  for (const t of targets) {
    const v = verdict(latest(t));
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const count = (s: TargetStatus) => counts.get(s) ?? 0;
  const summary =
    targets.length === 0
      ? 'Kế hoạch chưa có chỉ tiêu định lượng nào.'
      : `Trong ${targets.length} chỉ tiêu của Kế hoạch: ${count('met')} chỉ tiêu đạt, ${count('not-met')} chỉ tiêu chưa đạt, ${count('at-risk')} chỉ tiêu có nguy cơ không đạt, ${count('no-data') + (counts.get(null) ?? 0)} chỉ tiêu chưa đủ số liệu để đánh giá (số liệu tổng hợp từ báo cáo của các đơn vị).`;

  const perTarget = targets.flatMap((t) => {
    const entries = latest(t);
    const province = entries.find((e) => e.scope === 'province');
    const line = province
      ? `Chỉ tiêu ${t.code} (năm ${province.period}): ${province.explanation}`
      : entries.length
        ? `Chỉ tiêu ${t.code} (năm ${entries[0]!.period}, đánh giá từng đơn vị): ${entries.filter((e) => e.status === 'met').length}/${entries.length} đơn vị đạt${
            entries.filter((e) => e.status !== 'met').length
              ? `; chưa đạt hoặc chưa đủ số liệu: ${entries
                  .filter((e) => e.status !== 'met')
                  .map((e) => e.scopeName)
                  .join(', ')}`
              : ''
          }.`
        : `Chỉ tiêu ${t.code}: chưa có kết quả để đánh giá.`;
    return [body(`- ${line}`)];
  });

  const tasks = plan.tasks.map((t) => {
    const note = t.notes.at(-1);
    const content = t.content.length > 300 ? `${t.content.slice(0, 300)}…` : t.content;
    return body(
      `- ${t.leadUnitName ?? 'Các đơn vị được giao'}: ${content} Tình trạng: ${taskStatusLabels[t.status === 'overdue' ? 'in-progress' : t.status].toLowerCase()}${t.overdue ? ` (quá hạn ${formatDate(t.deadline)})` : ''}${note ? `; ${note.text}` : ''}.`,
    );
  });

  const report: ISectionOptions = {
    properties: pageProperties(false),
    headers: pageNumberHeaders(),
    children: [
      documentHeader(office, contentWidth, dateLine, numberLine),
      para('', { after: 200 }),
      para('BÁO CÁO', { bold: true, size: FONT_SIZE.label }),
      para(reviewReportTitle(plan), { bold: true }),
      para('________', { after: 240 }),
      body(
        `Thực hiện ${plan.title}${plan.docNumber ? ` (số ${plan.docNumber}${plan.docDate ? ` ngày ${formatDate(plan.docDate)}` : ''})` : ''} của ${plan.issuer}, ${office.officeNameInText || 'cơ quan thường trực'} báo cáo kết quả thực hiện như sau:`,
      ),
      heading('I. KẾT QUẢ THỰC HIỆN'),
      heading('1. Công tác tổ chức, chỉ đạo, điều hành'),
      prompt(
        'Văn bản chỉ đạo, hướng dẫn đã ban hành; kế hoạch liên ngành; công tác kiểm tra, đánh giá việc triển khai',
      ),
      heading('2. Kết quả thực hiện các mục tiêu, chỉ tiêu'),
      body(summary),
      resultsTable(plan, evaluations, contentWidth),
      para('', { after: 120 }),
      ...perTarget,
      heading('3. Kết quả thực hiện các nhiệm vụ được giao'),
      ...(tasks.length ? tasks : [prompt('Kết quả thực hiện từng nhiệm vụ')]),
      heading('4. Kinh phí'),
      prompt('Kinh phí từ ngân sách trung ương, ngân sách địa phương và nguồn khác'),
      heading('II. ĐÁNH GIÁ CHUNG'),
      heading('1. Về hiệu quả'),
      prompt('Mức độ đạt được các mục tiêu, chỉ tiêu; những chuyển biến về nhận thức và hành động'),
      heading('2. Tồn tại, khó khăn và nguyên nhân'),
      prompt('Về tổ chức chỉ đạo, điều hành; về thực hiện nội dung, giải pháp; nguyên nhân khách quan, chủ quan'),
      heading('3. Bài học kinh nghiệm'),
      prompt('Mô hình, cách làm hiệu quả; cơ chế phối hợp liên ngành; nguồn lực'),
      heading('III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
      prompt('Mục tiêu, nhiệm vụ, giải pháp trọng tâm'),
      heading('IV. KIẾN NGHỊ, ĐỀ XUẤT'),
      prompt('Kiến nghị với cơ quan cấp trên'),
      para('', { after: 240 }),
      reportSignature(office, contentWidth),
    ],
  };
  const sections = [report, ...(input.appendix ? [appendixSection(input.appendix, office)] : [])];
  const doc = new Document({
    creator: office.officeName || 'Thường trực PCMD',
    title: `Báo cáo ${reviewReportTitle(plan)}`,
    styles: documentStyles(),
    sections,
  });
  return Packer.toBuffer(doc);
}
