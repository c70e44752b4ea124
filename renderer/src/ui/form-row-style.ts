import type { CellStyle } from 'ag-grid-community';
import { isItalicRow } from '../../../shared/domain/appendix';
import type { FormRowView } from '../../../shared/domain/forms';

type FormRowLike = Pick<FormRowView, 'level' | 'numbering' | 'text' | 'valueRow'>;

/**
 * A form row's text as forms print it: indented by level, headings bold, "Trong đó:" labels and
 * their "+"/"*" items italic. Every grid that shows a form's rows uses this.
 */
export function formRowTextStyle(row: FormRowLike | undefined): CellStyle {
  return {
    paddingLeft: `${12 + (row?.level ?? 0) * 22}px`,
    lineHeight: '1.4',
    paddingTop: '6px',
    paddingBottom: '6px',
    fontWeight: !row?.valueRow && row?.numbering ? 600 : 400,
    fontStyle: row && isItalicRow(row) ? 'italic' : 'normal',
  };
}
