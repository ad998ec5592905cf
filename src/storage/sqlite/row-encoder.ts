// Turns typed records (cells in field order) into the bound values of the records table:
// the record id first, then each physical column of each field.

import type { CellValue, GeoPoint, Geometry, Row } from '../../core/cell.ts';
import { columnsOf } from '../../core/columns.ts';
import { isPlainNumber } from '../../core/plain-number.ts';
import { isPlainText } from '../../core/plain-text.ts';
import type { Field } from '../../core/field.ts';
import { isMultivalued } from '../../core/field.ts';
import { geometryBbox } from './geometry-bbox.ts';
import { RecordHasher } from './record-id.ts';

type SqlValue = string | number | bigint | null;

/** Writes the columns of one cell at `out[at…]`; returns how many it wrote. */
type CellEncoder = (cell: CellValue, out: SqlValue[], at: number) => number;

export interface RowEncoder {
  /** Bound values per record: the record id plus every physical column. */
  readonly width: number;
  /** Writes the `width` values of `row` at `out[at…]`. */
  encode(row: Row, out: SqlValue[], at: number): void;
  /**
   * The text, date, number and point fields whose values encoded so far are all plain
   * (core/plain-text.ts, core/plain-number.ts): exports may write them without looking at them.
   */
  plainColumns(): string[];
}

/** Whether a non-null cell, written at `out[at…at + written)`, is plain. */
type PlainTest = (cell: CellValue, out: SqlValue[], at: number, written: number) => boolean;

/** The test of a field's values; null for the fields whose values are always looked at. */
function plainTest(field: Field): PlainTest | null {
  switch (field.type) {
    case 'text':
    case 'date': {
      const list = isMultivalued(field);
      return (cell) =>
        list && Array.isArray(cell)
          ? cell.every((value) => isPlainText(String(value)))
          : isPlainText(typeof cell === 'string' ? cell : String(cell));
    }
    case 'int':
    case 'double':
    case 'geo_point_2d':
      return (_cell, out, at, written) => {
        for (let i = at; i < at + written; i++) {
          if (out[i] !== null && !isPlainNumber(out[i])) return false;
        }
        return true;
      };
    default:
      return null;
  }
}

/**
 * A field's encoder that also notes, until the first, a value that is not plain: one test per
 * value of a column found plain so far (about 15 ns for a short text, about 10 for most numbers:
 * core/plain-number.ts).
 */
function watched(
  field: Field,
  encoder: CellEncoder,
  test: PlainTest | null,
  notPlain: Set<string>,
): CellEncoder {
  if (test === null) return encoder;
  let plain = true;
  return (cell, out, at) => {
    const written = encoder(cell, out, at);
    if (plain && cell !== null && !test(cell, out, at, written)) {
      plain = false;
      notPlain.add(field.name);
    }
    return written;
  };
}

export function createRowEncoder(fields: Field[]): RowEncoder {
  const notPlain = new Set<string>();
  const tests = fields.map(plainTest);
  const encoders = fields.map((field, i) =>
    watched(field, cellEncoder(field), tests[i] ?? null, notPlain),
  );
  const width = 1 + fields.flatMap(columnsOf).length;
  const count = encoders.length;
  const hasher = new RecordHasher();
  return {
    width,
    plainColumns: () =>
      fields.filter((f, i) => tests[i] !== null && !notPlain.has(f.name)).map((f) => f.name),
    encode(row, out, at) {
      if (row.length !== count) {
        throw new Error(`a record has ${row.length} cells where ${count} fields are defined`);
      }
      let next = at + 1;
      for (let i = 0; i < count; i++) {
        next += encoders[i]!(row[i] ?? null, out, next);
      }
      out[at] = hasher.hash(out, at + 1, at + width);
    },
  };
}

function cellEncoder(field: Field): CellEncoder {
  switch (field.type) {
    case 'text':
      return isMultivalued(field) ? encodeList : encodeText;
    case 'int':
    case 'double':
    case 'datetime':
      return encodeNumber;
    case 'boolean':
      return encodeBoolean;
    case 'date':
      return encodeText;
    case 'geo_point_2d':
      return encodePoint;
    case 'geo_shape':
      return encodeShape;
    case 'file':
    case 'json_blob':
      return encodeJson;
  }
}

const encodeText: CellEncoder = (cell, out, at) => {
  out[at] = cell === null ? null : typeof cell === 'string' ? cell : String(cell);
  return 1;
};

const encodeList: CellEncoder = (cell, out, at) => {
  out[at] =
    cell === null ? null : JSON.stringify(Array.isArray(cell) ? cell.map(String) : [String(cell)]);
  return 1;
};

const encodeNumber: CellEncoder = (cell, out, at) => {
  if (cell === null || typeof cell === 'number' || typeof cell === 'bigint') out[at] = cell;
  else if (typeof cell === 'boolean') out[at] = cell ? 1 : 0;
  else out[at] = String(cell);
  return 1;
};

const encodeBoolean: CellEncoder = (cell, out, at) => {
  out[at] = cell === null ? null : cell === true || cell === 1 || cell === 'true' ? 1 : 0;
  return 1;
};

const encodePoint: CellEncoder = (cell, out, at) => {
  const point = cell as GeoPoint | null;
  out[at] = point === null ? null : point.lat;
  out[at + 1] = point === null ? null : point.lon;
  return 2;
};

const encodeShape: CellEncoder = (cell, out, at) => {
  const geometry = (typeof cell === 'string' ? JSON.parse(cell) : cell) as Geometry | null;
  const box = geometry === null ? null : geometryBbox(geometry);
  out[at] = geometry === null ? null : JSON.stringify(geometry);
  for (let i = 0; i < 4; i++) out[at + 1 + i] = box === null ? null : box[i]!;
  return 5;
};

const encodeJson: CellEncoder = (cell, out, at) => {
  out[at] = cell === null ? null : JSON.stringify(cell);
  return 1;
};
