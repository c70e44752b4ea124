/**
 * A cell's value as text, whatever a spreadsheet library handed back: strings as they are, numbers and
 * booleans as JavaScript writes them, a date as its own text, nothing as ''. Any other object (a rich-text
 * run, a formula record) is shown as JSON rather than "[object Object]".
 */
export function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toString();
  return JSON.stringify(value) ?? '';
}
