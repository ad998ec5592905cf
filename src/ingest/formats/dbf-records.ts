// The records of a dBASE file, streamed record by record (fixed widths), decoded with the
// file's encoding by iconv-lite. Deleted records (flag `*`) are skipped.

import { createReadStream } from 'node:fs';

import iconv from 'iconv-lite';

import type { DbfField, DbfHeader } from './dbf-header.ts';

function readNumber(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /^\*+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

function readLogical(text: string): boolean | null {
  const flag = text.trim().toUpperCase();
  if (flag === 'T' || flag === 'Y') return true;
  if (flag === 'F' || flag === 'N') return false;
  return null;
}

/** `YYYYMMDD` as `YYYY-MM-DD`; anything else as it is (the date converter reports it). */
function readDbfDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || /^0+$/.test(trimmed)) return null;
  return /^\d{8}$/.test(trimmed)
    ? `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6, 8)}`
    : trimmed;
}

export function dbfValue(field: DbfField, text: string): unknown {
  switch (field.type) {
    case 'N':
    case 'F':
    case 'B':
      return readNumber(text);
    case 'L':
      return readLogical(text);
    case 'D':
      return readDbfDate(text);
    default: {
      const trimmed = text.trim();
      return trimmed === '' ? null : trimmed;
    }
  }
}

/** Each live record as an object by field name (`names`, decoded), in file order. */
export async function* dbfRecords(
  path: string,
  header: DbfHeader,
  names: readonly string[],
  encoding: string,
): AsyncGenerator<Record<string, unknown> | null> {
  const { recordLength, fields } = header;
  const stream = createReadStream(path, { start: header.headerLength, highWaterMark: 256 * 1024 });
  let carry: Buffer = Buffer.alloc(0);
  let left = header.records;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let at = 0;
      for (; left > 0 && at + recordLength <= bytes.length; at += recordLength, left--) {
        if (bytes[at] === 0x2a) {
          yield null;
          continue;
        }
        const record: Record<string, unknown> = {};
        let offset = at + 1;
        fields.forEach((field, i) => {
          const text = iconv.decode(bytes.subarray(offset, offset + field.length), encoding);
          record[names[i] as string] = dbfValue(field, text);
          offset += field.length;
        });
        yield record;
      }
      carry = bytes.subarray(at);
      if (left === 0) return;
    }
  } finally {
    stream.destroy();
  }
}
