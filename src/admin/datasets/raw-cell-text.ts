// A value of a file's preview as it was read, before any formatting for the public site: the
// back office shows what the reader and the processors made of the file.

export function rawCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
