// What the .xls worker posts to the main thread, and the check of every cell it sends.

export type XlsMessage =
  | { kind: 'rows'; rows: { position: number; cells: unknown[] }[] }
  | { kind: 'end'; sheet: string }
  | { kind: 'error'; message: string };

/** A cell as the main thread accepts it: a plain value, anything else becomes null. */
export function plainCell(value: unknown): unknown {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return null;
}
