// The members of a JSON export's record, described so that an engine can write whole records in
// SQL (RowEncoding.jsonLines), as core/csv-lines.ts describes CSV lines: only what SQL writes
// exactly as the row encoder does is described, and an engine answers "cannot" for a range
// holding a value outside that (it is then encoded row by row).

/** One member's value, by how it is stored and written. */
export type JsonLineValue =
  /** Stored text (or a date's): a JSON string, or null. */
  | { kind: 'text'; position: number; column: string }
  /** A stored list (JSON.stringify's text of an array of strings): written as stored, or null. */
  | { kind: 'list'; position: number }
  /** An integer or a double, written as JSON.stringify writes it, or null. */
  | { kind: 'number'; position: number }
  /** 0 or 1 (or the texts `1`, `t`): true or false, or null. */
  | { kind: 'boolean'; position: number }
  /** Milliseconds since 1970, as a JSON string of formatInstant's text in `zone`, or null. */
  | { kind: 'instant'; position: number; zone: string }
  /** `{"lon":…,"lat":…}` from the two stored numbers, or null. */
  | { kind: 'point'; lat: number; lon: number };

export interface JsonLines {
  /** In the record's order; `name` is the member's name as JSON text, with its colon (`"a":`). */
  members: { name: string; value: JsonLineValue }[];
  /**
   * Each line is a GeoJSON Feature instead of a record: its geometry the point of these two
   * stored numbers (`{"type":"Point","coordinates":[lon,lat]}`, or null), its properties the
   * members.
   */
  feature?: { lat: number; lon: number };
}
