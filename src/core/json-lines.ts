// The members of a JSON export's record, described so that an engine can write whole records in
// SQL (RowEncoding.jsonLines), as core/csv-lines.ts describes CSV lines: only what SQL writes
// exactly as the row encoder does is described, and an engine answers "cannot" for a range
// holding a value outside that (it is then encoded row by row).

import type { StoredValue } from './stored-values.ts';

/**
 * One member's value, as the JSON export writes it: a text as a JSON string, a list as stored,
 * a number as JSON.stringify writes it, a boolean (0 or 1, the texts `1` and `t`), an instant as
 * a string, a point as `{"lon":…,"lat":…}`; null for NULL.
 */
export type JsonLineValue = StoredValue;

export interface JsonLines {
  /** In the record's order; `name` is the member's name as JSON text, with its colon (`"a":`). */
  members: { name: string; value: JsonLineValue }[];
  /**
   * Each line is a GeoJSON Feature instead of a record: its geometry the point of these two
   * stored numbers (`{"type":"Point","coordinates":[lon,lat]}`, or null), its properties the
   * members; `column` names the point's field.
   */
  feature?: { lat: number; lon: number; column: string };
}
