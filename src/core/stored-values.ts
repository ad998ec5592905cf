// The values of a line an engine may write in SQL (core/csv-lines.ts, core/json-lines.ts), by how
// each is stored: each format says how it writes them. Positions are result columns of the
// export's query; `column` names the field (the load notes the fields whose values are all plain:
// core/plain-text.ts, core/plain-number.ts).

export type StoredValue =
  /** Stored text (a text or a date field's). */
  | { kind: 'text'; position: number; column: string }
  /** A stored list: JSON.stringify's text of an array of strings. */
  | { kind: 'list'; position: number; column: string }
  /** An integer or a double. */
  | { kind: 'number'; position: number; column: string }
  /** 0 or 1. */
  | { kind: 'boolean'; position: number }
  /** Milliseconds since 1970, written in `zone` as formatInstant writes them. */
  | { kind: 'instant'; position: number; zone: string }
  /** A point from its two stored numbers. */
  | { kind: 'point'; lat: number; lon: number; column: string };
