// Spreadsheet cells as plain values (shared by XLSX and XLS): rich text and hyperlinks as
// their text, formulas as their result, errors as empty; then the header and the rows.

import { textOf } from './value-kind.ts';

/** A cell's value: string, number, boolean, Date or null. */
export function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell['richText'])) {
    return (cell['richText'] as { text?: unknown }[]).map((run) => String(run.text ?? '')).join('');
  }
  if ('result' in cell) return cellValue(cell['result']);
  if ('formula' in cell || 'sharedFormula' in cell || 'error' in cell) return null;
  if (typeof cell['text'] === 'string') return cell['text'];
  return null;
}

/** Trimmed labels of a header row, without the empty columns at its end. */
export function headerLabels(cells: readonly unknown[]): string[] {
  const labels = cells.map((cell) => {
    const value = cellValue(cell);
    return value === null ? '' : textOf(value).trim();
  });
  while (labels.length > 0 && labels[labels.length - 1] === '') labels.pop();
  return labels;
}

/** Whether every cell of a row is empty. */
export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every((cell) => {
    const value = cellValue(cell);
    return value === null || value === '';
  });
}
