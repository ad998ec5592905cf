// A RowEncoding module for storage tests: each raw row as a JSON array, after a prefix.

export const JSON_ROW_ENCODER = import.meta.url;

export function createRowEncoder(options: { prefix: string }): (row: readonly unknown[]) => string {
  return (row) => `${options.prefix}${JSON.stringify(row)}`;
}
