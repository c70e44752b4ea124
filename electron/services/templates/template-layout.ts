/**
 * The layout of the workbook the office sends each unit, shared by the writer and the reader so
 * both agree on where identification and figures live.
 */
export const TEMPLATE_SHEET = 'Báo cáo';
/** Very hidden: a unit cannot unhide it from Excel's menu, and it survives their edits. */
export const IDENTITY_SHEET = '_pcmd';
export const IDENTITY_MARK = 'pcmd-template-v1';
export const KEY_HEADER = 'Mã dòng';
export const VALUE_HEADER = 'Số lượng';
export const NOTE_HEADER = 'Ghi chú';
export const HEADER_ROW = 6;

/** Columns: A row key (hidden), B STT, C Nội dung, D Đơn vị tính, E Số lượng, F Ghi chú. */
export const COL = { key: 1, numbering: 2, text: 3, unit: 4, value: 5, note: 6 } as const;

export interface TemplateIdentity {
  mark: string;
  roundId: number;
  formVersionId: number;
  unitCode: string;
  unitName: string;
  periodCode: string;
  generatedAt: string;
  /** The office's signature of round, form version and unit (identity-signature.ts); absent in templates made before signing. */
  signature?: string;
}

export const identityKeys: (keyof TemplateIdentity)[] = [
  'mark',
  'roundId',
  'formVersionId',
  'unitCode',
  'unitName',
  'periodCode',
  'generatedAt',
  'signature',
];
