/** Report forms: an ordered tree of headings and indicator rows. */
export const valueTypes = ['integer', 'decimal', 'percent', 'yes-no', 'text'] as const;
export type ValueType = (typeof valueTypes)[number];

export const valueTypeLabels: Record<ValueType, string> = {
  integer: 'Số nguyên',
  decimal: 'Số thập phân',
  percent: 'Tỷ lệ %',
  'yes-no': 'Có/Không',
  text: 'Chữ',
};

export const aggregations = ['sum', 'last', 'average', 'count-yes', 'none'] as const;
export type Aggregation = (typeof aggregations)[number];

export const aggregationLabels: Record<Aggregation, string> = {
  sum: 'Cộng',
  last: 'Giá trị cuối',
  average: 'Trung bình',
  'count-yes': 'Đếm "Có"',
  none: 'Không tổng hợp',
};

/** One row of a form as detected from a file or as stored, before or after saving. */
export interface FormRowDraft {
  /** 1-based position in the form. */
  row: number;
  numbering: string | null;
  text: string;
  unit: string | null;
  /** The parent's position, or null at the top. */
  parentRow: number | null;
  level: number;
  valueRow: boolean;
  valueType: ValueType;
  aggregation: Aggregation;
  /** Why the row was read the way it was, when that was a guess the user should check. */
  notes: string[];
}

export interface FormDraft {
  fileName: string;
  /** Which table of the file the rows came from, in words ("Bảng 2", "trang tính Biểu 1"). */
  tableName: string;
  columns: { content: string; unit: string | null; value: string | null; numbering: string | null };
  rows: FormRowDraft[];
}

export interface FormSummary {
  id: number;
  name: string;
  latestVersion: number;
  latestVersionId: number;
  rows: number;
  valueRows: number;
  createdAt: string;
}
