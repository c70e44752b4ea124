import { settleChildRules, type Aggregation, type FormRowDraft, type ValueType } from '../../../shared/domain/forms';
import { foldText } from '../../../shared/text/fold';
import { readMarker } from './numbering';

export interface SourceRow {
  text: string;
  unit: string | null;
  /** Numbering from a separate STT column, if the table has one. */
  stt?: string;
}

/** A unit or remark written inside the text: "(đơn vị tính %)", "(ĐVT: người)", "(Có hoặc không)". */
function unitFromText(text: string): { unit: string; valueType: ValueType } | null {
  if (/\(có hoặc không\)|\(có\/không\)/i.test(text)) return { unit: 'Có/Không', valueType: 'yes-no' };
  const m = /\(\s*(?:đơn vị tính|đvt)\s*:?\s*([^)]+?)\s*\)/i.exec(text.normalize('NFC'));
  if (!m) return null;
  return { unit: m[1]!, valueType: m[1] === '%' ? 'percent' : valueTypeOfUnit(m[1]!) };
}

export function valueTypeOfUnit(unit: string | null): ValueType {
  if (!unit) return 'integer';
  const u = foldText(unit);
  if (u === '%' || u === 'ty le' || u === 'ty le %') return 'percent';
  if (u === 'co/khong' || u === 'co hoac khong') return 'yes-no';
  if (/dong$/.test(u) || u === 'usd' || u === 'ha' || u === 'km') return 'decimal';
  return 'integer';
}

export function aggregationOf(valueType: ValueType): Aggregation {
  switch (valueType) {
    case 'percent':
      return 'average';
    case 'yes-no':
      return 'count-yes';
    case 'text':
      return 'none';
    default:
      return 'sum';
  }
}

/**
 * Builds the form tree from a table's rows: parents from numbering and markers ("1." holds "1.1.",
 * which holds "-" rows, which hold "+" rows, which hold "*" rows), "Trong đó:" lines as labels of the
 * row above whose items stay children of that row, headings told from value rows by their unit and
 * their children. A value row missing its unit takes its parent's, and says so in its notes.
 */
export function buildFormTree(source: SourceRow[]): FormRowDraft[] {
  const markers = source.map((r) => readMarker(r.text, r.stt));
  const parentOf: (number | null)[] = [];
  const stack: { rank: number; index: number }[] = [];
  markers.forEach((m, i) => {
    if (m.isBreakdownLabel) {
      parentOf.push(i > 0 ? (stack.at(-1)?.index ?? null) : null);
      return; // a label is nobody's parent
    }
    while (stack.length > 0 && stack.at(-1)!.rank >= m.rank) stack.pop();
    parentOf.push(stack.at(-1)?.index ?? null);
    stack.push({ rank: m.rank, index: i });
  });
  const hasChildren = source.map((_, i) => parentOf.some((p, j) => p === i && !markers[j]!.isBreakdownLabel));

  const rows: Omit<FormRowDraft, 'childRule'>[] = [];
  source.forEach((r, i) => {
    const m = markers[i]!;
    const notes: string[] = [];
    const parent = parentOf[i] ?? null;
    const parentRow = parent === null ? null : rows[parent]!;
    const fromText = unitFromText(r.text);
    let unit = r.unit?.trim() || fromText?.unit || null;
    let valueRow: boolean;
    if (m.isBreakdownLabel) valueRow = false;
    else if (unit) valueRow = true;
    else if (hasChildren[i]) valueRow = false;
    else if (parentRow?.valueRow && parentRow.unit) {
      unit = parentRow.unit;
      valueRow = true;
      notes.push(`Không có đơn vị tính; lấy theo dòng trên (${unit}).`);
    } else {
      valueRow = m.rank >= 10; // a lone "-"/"+" item still asks for a figure; a lone numbered title does not
      if (valueRow) notes.push('Không có đơn vị tính; hãy kiểm tra.');
    }
    const valueType = fromText?.valueType && fromText.unit === unit ? fromText.valueType : valueTypeOfUnit(unit);
    rows.push({
      row: i + 1,
      numbering: m.numbering,
      text: m.text,
      unit: valueRow ? unit : null,
      parentRow: parent === null ? null : parent + 1,
      level: parentRow ? parentRow.level + 1 : 0,
      valueRow,
      valueType,
      aggregation: aggregationOf(valueType),
      notes,
    });
  });
  return settleChildRules(rows);
}
