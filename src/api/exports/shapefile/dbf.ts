// The attribute table of a shapefile (dBASE III .dbf, text in UTF-8 as the .cpg says).
// Widths are fixed per column but only known once every value was seen, so cells are first
// kept as text (see layer-writer.ts) while the widths grow, then encoded.

import type { OutputColumn } from '../../../odsql/index.ts';
import { renderValue } from '../../../records/index.ts';
import { csvCellFormatter } from '../csv-values.ts';
import type { Reprojection } from '../epsg.ts';

type DbfType = 'C' | 'N' | 'L' | 'D';

/** dBASE caps character fields at 254 bytes; longer text is cut on a character boundary. */
export const MAX_TEXT_BYTES = 254;
const MAX_DECIMALS = 15;

interface DbfColumn {
  name: string;
  type: DbfType;
  cell(row: readonly unknown[]): string | null;
  width: number;
  intWidth: number;
  decimals: number;
}

/** Names of at most 10 ASCII bytes, made unique as GDAL does (`long_name_` → `long_nam_1`). */
export function dbfNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name.slice(0, 10);
    for (let n = 1; used.has(candidate); n++) {
      const suffix = `_${n}`;
      candidate = `${name.slice(0, 10 - suffix.length)}${suffix}`;
    }
    used.add(candidate);
    return candidate;
  });
}

/** The longest prefix of `text` that fits in `max` UTF-8 bytes without splitting a character. */
export function utf8Prefix(text: string, max: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** A number as plain decimal text (no exponent), as dBASE numeric fields hold them. */
export function plainNumber(value: number, integer: boolean): string {
  if (integer) return String(Math.trunc(value));
  const text = String(value);
  if (!text.includes('e')) return text;
  const fixed = Math.abs(value) < 1 ? value.toFixed(MAX_DECIMALS + 5) : value.toFixed(0);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function dbfType(column: OutputColumn): DbfType {
  if (column.multivalued) return 'C';
  if (column.type === 'int' || column.type === 'double') return 'N';
  if (column.type === 'boolean') return 'L';
  if (column.type === 'date') return 'D';
  return 'C';
}

export class DbfSchema {
  readonly columns: DbfColumn[];

  constructor(columns: readonly OutputColumn[], timezone: string, reprojection?: Reprojection) {
    const names = dbfNames(columns.map((c) => c.key));
    this.columns = columns.map((column, i) => {
      const type = dbfType(column);
      const text = csvCellFormatter(column, timezone, ',', reprojection);
      const cell = (row: readonly unknown[]): string | null => {
        const value = renderValue(row, column, timezone);
        if (value === null || value === undefined) return null;
        if (type === 'N') return plainNumber(Number(value), column.type === 'int');
        if (type === 'L') return value ? 'T' : 'F';
        if (type === 'D') return String(value).replace(/-/g, '').slice(0, 8);
        return utf8Prefix(text(row), MAX_TEXT_BYTES).toString('utf8');
      };
      return { name: names[i]!, type, cell, width: 1, intWidth: 1, decimals: 0 };
    });
  }

  /** The row's cells as text, widening the columns to fit them. */
  cells(row: readonly unknown[]): (string | null)[] {
    return this.columns.map((column) => {
      const value = column.cell(row);
      if (value === null) return null;
      if (column.type === 'N') {
        const [whole = '', fraction = ''] = value.split('.');
        column.intWidth = Math.max(column.intWidth, whole.length);
        column.decimals = Math.min(MAX_DECIMALS, Math.max(column.decimals, fraction.length));
        column.width = column.intWidth + (column.decimals > 0 ? column.decimals + 1 : 0);
      } else if (column.type === 'C') {
        column.width = Math.max(column.width, Buffer.byteLength(value, 'utf8'));
      } else {
        column.width = column.type === 'D' ? 8 : 1;
      }
      return value;
    });
  }

  get recordLength(): number {
    return 1 + this.columns.reduce((sum, c) => sum + c.width, 0);
  }

  header(recordCount: number, today = new Date()): Buffer {
    const length = 32 + 32 * this.columns.length + 1;
    const header = Buffer.alloc(length);
    header.writeUInt8(0x03, 0);
    header.writeUInt8(today.getUTCFullYear() - 1900, 1);
    header.writeUInt8(today.getUTCMonth() + 1, 2);
    header.writeUInt8(today.getUTCDate(), 3);
    header.writeUInt32LE(recordCount, 4);
    header.writeUInt16LE(length, 8);
    header.writeUInt16LE(this.recordLength, 10);
    this.columns.forEach((column, i) => {
      const at = 32 + 32 * i;
      header.write(column.name, at, 10, 'ascii');
      header.write(column.type, at + 11, 1, 'ascii');
      header.writeUInt8(column.width, at + 16);
      header.writeUInt8(column.type === 'N' ? column.decimals : 0, at + 17);
    });
    header.writeUInt8(0x0d, length - 1);
    return header;
  }

  /** One fixed-width record: the deletion flag (a space), then each cell padded to its width. */
  record(cells: readonly (string | null)[]): Buffer {
    const record = Buffer.alloc(this.recordLength, 0x20);
    let at = 1;
    this.columns.forEach((column, i) => {
      const value = cells[i] ?? null;
      if (value === null) {
        if (column.type === 'L') record.write('?', at, 'ascii');
      } else if (column.type === 'N') {
        const [whole = '', fraction = ''] = value.split('.');
        const kept = fraction.slice(0, column.decimals).padEnd(column.decimals, '0');
        const decimals = column.decimals > 0 ? `.${kept}` : '';
        record.write(`${whole}${decimals}`.padStart(column.width), at, 'ascii');
      } else {
        utf8Prefix(value, column.width).copy(record, at);
      }
      at += column.width;
    });
    return record;
  }
}
