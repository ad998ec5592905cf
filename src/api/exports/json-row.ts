// The JSON exports' row encoder (a RowEncoding module, run in the reader threads): one flat
// record, rendered as /records renders it. With `joined`, runs of its text columns come as
// their members' JSON text, written by SQLite (RowEncoding.joined).

import type { JoinedRuns } from '../../core/joined-runs.ts';
import { joinedPosition } from '../../core/joined-runs.ts';
import type { JoinedRowEncoder, RowEncoder } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { renderRecord, renderValue } from '../../records/render.ts';
import { instantFormatter } from '../../util/iso-time.ts';
import { plainTextRuns } from './text-runs.ts';

export interface JsonRowOptions {
  columns: OutputColumn[];
  timezone: string;
  /** Rows come with these runs joined as JSON members (jsonRuns). */
  joined?: JoinedRuns;
}

export const JSON_ROW_MODULE = import.meta.url;

/** A key that a JavaScript object puts before the others (an array index). */
function isIndexKey(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/** The JSON text of one column's value, or undefined where JSON.stringify leaves the key out. */
type ValueText = (row: readonly unknown[]) => string | undefined;

/** Lists' JSON texts kept by a list column's writer (forgotten all at once past this). */
const LIST_CACHE_LIMIT = 4096;

/** JSON.stringify of a number: its shortest text, or null when not finite. */
export function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

function valueText(column: OutputColumn, timezone: string): ValueText {
  const position = column.positions[0] ?? 0;
  const other: ValueText = (row) => JSON.stringify(renderValue(row, column, timezone));
  if (column.type === 'geo_point_2d') {
    const latAt = position;
    const lonAt = column.positions[1] ?? 1;
    // renderValue's {lon, lat}, written without the object.
    return (row) => {
      const lat = row[latAt];
      const lon = row[lonAt];
      if (lat == null || lon == null) return 'null';
      return `{"lon":${numberText(Number(lon))},"lat":${numberText(Number(lat))}}`;
    };
  }
  if (column.multivalued) {
    // Lists repeat (categories, tags): a stored text already rendered is looked up.
    const texts = new Map<string, string>();
    return (row) => {
      const raw = row[position];
      if (typeof raw !== 'string') return other(row);
      let text = texts.get(raw);
      if (text === undefined) {
        if (texts.size >= LIST_CACHE_LIMIT) texts.clear();
        text = other(row)!;
        texts.set(raw, text);
      }
      return text;
    };
  }
  if (column.type === 'text') {
    return (row) => {
      const raw = row[position];
      return raw == null ? 'null' : JSON.stringify(raw);
    };
  }
  if (column.type === 'int' || column.type === 'double') {
    return (row) => {
      const raw = row[position];
      return typeof raw === 'number' ? numberText(raw) : other(row);
    };
  }
  if (column.type === 'datetime') {
    // formatInstant's text (digits, '-', ':', '.', 'T', '+'): nothing to escape.
    const format = instantFormatter(timezone);
    return (row) => {
      const raw = row[position];
      return typeof raw === 'number' ? `"${format(raw)}"` : other(row);
    };
  }
  return other;
}

/** The key texts (`"key":`) of a record's members, or null when they cannot be written in turn. */
export function memberNames(columns: readonly OutputColumn[]): string[] | null {
  const keys = columns.map((c) => c.key);
  if (new Set(keys).size !== keys.length || keys.some(isIndexKey)) return null;
  return keys.map((key) => `${JSON.stringify(key)}:`);
}

/**
 * The runs of `columns` that SQLite may write as JSON members (RowEncoding.joined): each run's
 * value is its first member's value, then `,"key":value` for each other one. Null where records
 * are not written member by member, or where no run is worth joining.
 */
export function jsonRuns(columns: readonly OutputColumn[]): JoinedRuns | null {
  const names = memberNames(columns);
  const runs = names ? plainTextRuns(columns) : [];
  if (!names || runs.length === 0) return null;
  const indexOf = new Map(columns.map((c, i) => [c.positions[0]!, i]));
  const between = runs.map((run) => run.slice(1).map((p) => `,${names[indexOf.get(p)!]!}`));
  return { runs, separator: '', json: { between } };
}

/**
 * The members of a record's JSON text (`"key":value,…`, no braces), each written by itself in the
 * columns' order: the text JSON.stringify gives the whole record (about 2 µs per row less for
 * the 21 columns of the bench), without building the record. Null when keys repeat or when an
 * object would move some first (array indexes): those records take the object's way. With
 * `joined` (from jsonRuns on the same columns), a run's members are its joined text, and a row
 * whose run is not text (NULL: a blob in it) gives null.
 */
export function recordMembers(
  columns: readonly OutputColumn[],
  timezone: string,
  joined?: JoinedRuns,
): ((row: readonly unknown[]) => string | null) | null {
  const names = memberNames(columns);
  if (!names) return null;
  const starts = new Map((joined?.runs ?? []).map((run) => [run[0]!, run]));
  const keys: string[] = [];
  const values: ValueText[] = [];
  /** Whether each value is a run's (never left out: missing, the row is read unjoined). */
  const joinedValue: boolean[] = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const run = starts.get(column.positions[0]!);
    keys.push(names[i]!);
    if (run && joined) {
      const at = joinedPosition(joined.runs, run[0]!);
      values.push((row) => {
        const text = row[at];
        return typeof text === 'string' ? text : undefined;
      });
      joinedValue.push(true);
      // The run's other members are in its text.
      i += run.length - 1;
      continue;
    }
    const moved = joined
      ? { ...column, positions: column.positions.map((p) => joinedPosition(joined.runs, p)) }
      : column;
    values.push(valueText(moved, timezone));
    joinedValue.push(false);
  }
  const count = values.length;
  return (row) => {
    let json = '';
    for (let i = 0; i < count; i++) {
      const text = values[i]!(row);
      if (text === undefined) {
        if (joinedValue[i]) return null;
        continue;
      }
      json += json === '' ? keys[i]! + text : `,${keys[i]!}${text}`;
    }
    return json;
  };
}

export function createRowEncoder(options: JsonRowOptions): RowEncoder | JoinedRowEncoder {
  const { columns, timezone } = options;
  const members = recordMembers(columns, timezone, options.joined);
  if (!members) return (row) => JSON.stringify(renderRecord(row, columns, timezone));
  return (row) => {
    const text = members(row);
    return text === null ? null : `{${text}}`;
  };
}
