// Turns typed records (cells in field order) into lines of COPY text: `_rowid`, `_id`, then every
// physical column of every field (a geo point as lat and lon, a geo shape as JSON and its bbox).

import type { CellValue, GeoPoint, Geometry, Row } from '../../core/cell.ts';
import type { Field } from '../../core/field.ts';
import { isMultivalued } from '../../core/field.ts';
import { COPY_NULL, copyJson, copyText, copyTextArray } from './copy-text.ts';
import { bboxOf } from './geometry-bbox.ts';
import { recordId } from './record-id.ts';

/** Encodes one cell as its tab-separated COPY columns. */
type CellEncoder = (cell: CellValue) => string;

export interface RowEncoder {
  /**
   * Encodes records as COPY lines, numbering them from the last number given. `ids`, when given,
   * are the records' ids (a portal moved from another store keeps its own); else they are computed.
   */
  encode(rows: readonly Row[], ids?: readonly string[]): string;
  /** How many records were encoded so far. */
  readonly count: number;
}

export function createRowEncoder(fields: Field[]): RowEncoder {
  const encoders = fields.map(cellEncoder);
  let count = 0;
  return {
    get count() {
      return count;
    },
    encode(rows, ids) {
      let out = '';
      let number = count;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        number++;
        if (row.length !== fields.length) {
          throw new Error(
            `record ${number} has ${row.length} cells where ${fields.length} fields are defined`,
          );
        }
        out += `${number}\t${ids?.[r] ?? recordId(row)}`;
        for (let i = 0; i < encoders.length; i++) {
          try {
            out += `\t${encoders[i]!(row[i] ?? null)}`;
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new Error(`record ${number}, field "${fields[i]!.name}": ${reason}`, {
              cause: error,
            });
          }
        }
        out += '\n';
      }
      count = number;
      return out;
    },
  };
}

function cellEncoder(field: Field): CellEncoder {
  switch (field.type) {
    case 'text':
      return isMultivalued(field) ? encodeList : encodeText;
    case 'int':
      return encodeInteger;
    case 'double':
      return encodeReal;
    case 'boolean':
      return encodeBoolean;
    case 'date':
      return encodeText;
    case 'datetime':
      return encodeDatetime;
    case 'geo_point_2d':
      return encodePoint;
    case 'geo_shape':
      return encodeShape;
    case 'file':
    case 'json_blob':
      return encodeJson;
  }
}

const encodeText: CellEncoder = (cell) => (cell === null ? COPY_NULL : copyText(String(cell)));

const encodeList: CellEncoder = (cell) => {
  if (cell === null) return COPY_NULL;
  const items = Array.isArray(cell) ? cell : [cell];
  return copyTextArray(items.map((item: unknown) => (item == null ? null : String(item))));
};

const encodeInteger: CellEncoder = (cell) => {
  if (cell === null) return COPY_NULL;
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (typeof cell === 'bigint') return cell.toString();
  const value = typeof cell === 'number' ? cell : Number(cell);
  if (!Number.isInteger(value)) throw new Error(`${String(cell)} is not an integer`);
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
};

const encodeReal: CellEncoder = (cell) => {
  if (cell === null) return COPY_NULL;
  const value = typeof cell === 'number' ? cell : Number(cell);
  if (Number.isNaN(value) && typeof cell !== 'number')
    throw new Error(`${String(cell)} is not a number`);
  return String(value);
};

const encodeBoolean: CellEncoder = (cell) => {
  if (cell === null) return COPY_NULL;
  return cell === true || cell === 1 || cell === 'true' ? 't' : 'f';
};

const encodeDatetime: CellEncoder = (cell) => {
  if (cell === null) return COPY_NULL;
  const millis = typeof cell === 'number' ? cell : Date.parse(String(cell));
  if (!Number.isFinite(millis)) throw new Error(`${String(cell)} is not a date and time`);
  return new Date(millis).toISOString();
};

const encodePoint: CellEncoder = (cell) => {
  if (cell === null) return `${COPY_NULL}\t${COPY_NULL}`;
  const point = cell as GeoPoint;
  return `${encodeReal(point.lat ?? null)}\t${encodeReal(point.lon ?? null)}`;
};

const encodeShape: CellEncoder = (cell) => {
  if (cell === null) return `${COPY_NULL}\t${COPY_NULL}\t${COPY_NULL}\t${COPY_NULL}\t${COPY_NULL}`;
  const geometry = (typeof cell === 'string' ? JSON.parse(cell) : cell) as Geometry;
  const box = bboxOf(geometry);
  const bbox = box === null ? [COPY_NULL, COPY_NULL, COPY_NULL, COPY_NULL] : box.map(String);
  return `${copyJson(geometry)}\t${bbox.join('\t')}`;
};

const encodeJson: CellEncoder = (cell) =>
  cell === undefined || cell === null ? COPY_NULL : copyJson(cell);
