// The columns of a Parquet row group written by columns (parquet-parts.ts) other than texts:
// INT64, DOUBLE, BOOLEAN and instants read from their entries with Number(), points written as
// WKB with their bounding box; and which builder each output column takes.

import type { SchemaElement } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';

import type { OutputColumn } from '../../odsql/index.ts';
import type { ChunkStatistics, ColumnBuilder, TextCursor } from './parquet-column-builder.ts';
import { textBuilder } from './parquet-text-builder.ts';

/** Date's range: beyond it `new Date(ms)` is invalid, which the row encoder cannot write. */
const MAX_INSTANT_MS = 8.64e15;

/** INT64 (integers, and instants in milliseconds), DOUBLE and BOOLEAN columns. */
function numberBuilder(element: SchemaElement, rows: number): ColumnBuilder {
  const page = new ByteWriter(8 * rows + 16);
  const instant = element.converted_type === 'TIMESTAMP_MILLIS';
  let min: number | undefined;
  let max: number | undefined;
  let bits = 0;
  let bitCount = 0;
  return {
    add(entries, start, end) {
      let value = Number(entries.slice(start, end));
      if (!Number.isFinite(value)) return false;
      if (element.type === 'BOOLEAN') {
        bits |= (value === 1 ? 1 : 0) << bitCount;
        if (++bitCount === 8) {
          page.appendUint8(bits);
          bits = 0;
          bitCount = 0;
        }
      } else if (element.type === 'DOUBLE') {
        page.appendFloat64(value);
      } else {
        value = Math.trunc(value);
        if (instant && Math.abs(value) > MAX_INSTANT_MS) return false;
        page.appendInt64(BigInt(value));
      }
      if (min === undefined || value < min) min = value;
      if (max === undefined || value > max) max = value;
      return true;
    },
    plain() {
      if (bitCount > 0) page.appendUint8(bits);
      bitCount = 0;
      return page.getBytes();
    },
    statistics(nulls) {
      const statistics: ChunkStatistics = { null_count: BigInt(nulls) };
      if (element.type === 'DOUBLE') statistics.nan_count = 0n;
      if (min === undefined || max === undefined) return statistics;
      if (element.type === 'BOOLEAN') {
        statistics.min_value = min === 1;
        statistics.max_value = max === 1;
      } else if (element.type === 'INT64') {
        statistics.min_value = BigInt(min);
        statistics.max_value = BigInt(max);
      } else {
        // Parquet's signed zeros: the least is -0, the greatest +0.
        statistics.min_value = min === 0 ? -0 : min;
        statistics.max_value = max === 0 ? 0 : max;
      }
      return statistics;
    },
  };
}

/** Points: each as WKB (little-endian, type 1, x = lon, y = lat), and their bounding box. */
function pointBuilder(rows: number): ColumnBuilder {
  const page = new ByteWriter(25 * rows + 16);
  let xmin = Infinity;
  let xmax = -Infinity;
  let ymin = Infinity;
  let ymax = -Infinity;
  let count = 0;
  return {
    add(entries, start, end) {
      const space = entries.indexOf(' ', start);
      if (space < 0 || space >= end) return false;
      const lat = Number(entries.slice(start, space));
      const lon = Number(entries.slice(space + 1, end));
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
      page.appendUint32(21);
      page.appendUint8(1);
      page.appendUint32(1);
      page.appendFloat64(lon);
      page.appendFloat64(lat);
      xmin = Math.min(xmin, lon);
      xmax = Math.max(xmax, lon);
      ymin = Math.min(ymin, lat);
      ymax = Math.max(ymax, lat);
      count++;
      return true;
    },
    plain: () => page.getBytes(),
    statistics: (nulls) => ({ null_count: BigInt(nulls) }),
    geospatial: () =>
      count === 0 ? undefined : { bbox: { xmin, ymin, xmax, ymax }, geospatial_types: [1] },
  };
}

/**
 * The builder of an output column's values, or null for a type not read by columns. A text
 * column writes into `spare` (a buffer an earlier range's builder gave back) while it fits.
 */
export function builderOf(
  column: OutputColumn,
  element: SchemaElement,
  cursor: TextCursor,
  rows: number,
  spare?: Uint8Array,
): ColumnBuilder | null {
  if (column.multivalued) return column.type === 'text' ? textBuilder(cursor, true, spare) : null;
  switch (column.type) {
    case 'text':
    case 'date':
      return textBuilder(cursor, false, spare);
    case 'int':
    case 'double':
    case 'boolean':
    case 'datetime':
      return numberBuilder(element, rows);
    case 'geo_point_2d':
      return pointBuilder(rows);
    default:
      return null;
  }
}
