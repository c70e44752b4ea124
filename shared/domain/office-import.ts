/**
 * What bringing another office's database into this one did (the office of a province that merged
 * into this one): what was added, what was found already here, and what needs the user's eye.
 */
export interface OfficeImportCounts {
  /** Units added (the other province's own units), and units found already here by their official code. */
  unitsAdded: number;
  unitsMatched: number;
  unitEvents: number;
  forms: number;
  rounds: number;
  submissions: number;
  values: number;
  valueChanges: number;
  messages: number;
  files: number;
  plans: number;
  registerValues: number;
}

export interface OfficeImportResult {
  /** The other database as the app names it: its province's name ("Tỉnh Kon Tum"), else its file's. */
  label: string;
  fileName: string;
  /** First time this database is brought in (by its identity, not its file name). */
  firstTime: boolean;
  /** The very same file as last time: nothing was read further. */
  sameFileAsBefore: boolean;
  /** The backup taken before anything changed ("Trước khi gộp dữ liệu"), when one was needed. */
  backup: string | null;
  counts: OfficeImportCounts;
  /** A department whose code is taken here gets the other province's code in front ("62-SYT"). */
  renamedUnits: { code: string; newCode: string; name: string }[];
  /** The other office's indicators joined to this office's by name, unit of measure and type (so targets and comparisons add them up), and those left for the user to join. */
  linkedIndicators: number;
  unlinkedIndicators: string[];
  /** Figures both databases hold differently (this office's are kept), in Vietnamese. */
  conflicts: string[];
  /** What the user should do next, in Vietnamese. */
  notes: string[];
}

export function emptyCounts(): OfficeImportCounts {
  return {
    unitsAdded: 0,
    unitsMatched: 0,
    unitEvents: 0,
    forms: 0,
    rounds: 0,
    submissions: 0,
    values: 0,
    valueChanges: 0,
    messages: 0,
    files: 0,
    plans: 0,
    registerValues: 0,
  };
}

export function nothingAdded(c: OfficeImportCounts): boolean {
  return Object.entries(c).every(([k, v]) => k === 'unitsMatched' || v === 0);
}

/** The result in a few Vietnamese lines, for the command line and the screen alike. */
export function describeOfficeImport(r: OfficeImportResult): string[] {
  const c = r.counts;
  const lines: string[] = [];
  if (r.sameFileAsBefore || nothingAdded(c)) {
    lines.push(`${r.label} (${r.fileName}): không có gì mới; dữ liệu không thay đổi.`);
  } else {
    lines.push(`Đã nhập dữ liệu của ${r.label} (${r.fileName})${r.firstTime ? '' : ', phần mới từ lần nhập trước'}:`);
    const parts: [number, string][] = [
      [c.unitsAdded, 'đơn vị mới'],
      [c.unitsMatched, 'đơn vị đã có (theo mã hành chính)'],
      [c.unitEvents, 'thay đổi đơn vị'],
      [c.forms, 'biểu mẫu'],
      [c.rounds, 'đợt báo cáo'],
      [c.submissions, 'báo cáo của đơn vị'],
      [c.values, 'số liệu'],
      [c.valueChanges, 'lần sửa số liệu'],
      [c.messages, 'thư'],
      [c.files, 'tệp gốc'],
      [c.plans, 'kế hoạch'],
      [c.registerValues, 'số liệu sổ theo dõi'],
    ];
    lines.push(
      `  ${parts
        .filter(([n]) => n > 0)
        .map(([n, what]) => `${n.toLocaleString('vi-VN')} ${what}`)
        .join(', ')}.`,
    );
  }
  for (const u of r.renamedUnits)
    lines.push(`  Mã "${u.code}" (${u.name}) đã có ở đây: đơn vị của ${r.label} mang mã "${u.newCode}".`);
  if (r.linkedIndicators > 0)
    lines.push(
      `  ${r.linkedIndicators} chỉ tiêu được nối với chỉ tiêu cùng tên, cùng đơn vị tính ở đây (số liệu cộng chung khi đánh giá, so sánh).`,
    );
  if (r.unlinkedIndicators.length > 0)
    lines.push(
      `  ${r.unlinkedIndicators.length} chỉ tiêu chưa nối được (hãy nối ở màn hình So sánh các kỳ): ${r.unlinkedIndicators.slice(0, 5).join('; ')}${r.unlinkedIndicators.length > 5 ? '; …' : ''}`,
    );
  for (const c2 of r.conflicts) lines.push(`  Khác nhau: ${c2}`);
  for (const n of r.notes) lines.push(`  ${n}`);
  if (r.backup) lines.push(`  Bản sao lưu trước khi nhập: ${r.backup}`);
  return lines;
}
