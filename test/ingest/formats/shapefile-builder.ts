// Small shapefiles built byte by byte for the import tests: points in a .shp, a dBASE III
// table encoded as asked, zipped with yazl (with a .prj and a .cpg when given).

import yazl from 'yazl';
import iconv from 'iconv-lite';

export interface DbfColumn {
  name: string;
  type: 'C' | 'N' | 'L' | 'D';
  length: number;
  decimals?: number;
}

export function pointsShp(points: [number, number][]): Buffer {
  const shp = Buffer.alloc(100 + points.length * 28);
  shp.writeInt32BE(9994, 0);
  shp.writeInt32BE(shp.length / 2, 24);
  shp.writeInt32LE(1000, 28);
  shp.writeInt32LE(1, 32);
  points.forEach(([x, y], i) => {
    const at = 100 + i * 28;
    shp.writeInt32BE(i + 1, at);
    shp.writeInt32BE(10, at + 4);
    shp.writeInt32LE(1, at + 8);
    shp.writeDoubleLE(x, at + 12);
    shp.writeDoubleLE(y, at + 20);
  });
  return shp;
}

/** A dBASE table; `deleted` marks records with `*`. */
export function dbf(
  columns: DbfColumn[],
  rows: string[][],
  encoding: string,
  deleted: number[] = [],
): Buffer {
  const headerLength = 32 + columns.length * 32 + 1;
  const recordLength = 1 + columns.reduce((sum, c) => sum + c.length, 0);
  const head = Buffer.alloc(headerLength);
  head.writeUInt8(3, 0);
  head.writeUInt32LE(rows.length, 4);
  head.writeUInt16LE(headerLength, 8);
  head.writeUInt16LE(recordLength, 10);
  columns.forEach((column, i) => {
    const at = 32 + i * 32;
    head.write(column.name, at, 'latin1');
    head.write(column.type, at + 11, 'latin1');
    head.writeUInt8(column.length, at + 16);
    head.writeUInt8(column.decimals ?? 0, at + 17);
  });
  head.writeUInt8(0x0d, headerLength - 1);
  const records = rows.map((row, r) => {
    const record = Buffer.alloc(recordLength, 0x20);
    if (deleted.includes(r)) record.write('*', 0, 'latin1');
    let at = 1;
    columns.forEach((column, i) => {
      const bytes = iconv.encode(row[i] ?? '', encoding).subarray(0, column.length);
      bytes.copy(record, column.type === 'N' ? at + column.length - bytes.length : at);
      at += column.length;
    });
    return record;
  });
  return Buffer.concat([head, ...records, Buffer.from([0x1a])]);
}

export async function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) {
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
