// The header of a dBASE file (a shapefile's attributes): its record count and its fields'
// names, types and decimals, which give the ODS types (N without decimals → int).

import { open } from 'node:fs/promises';

import type { FieldType } from '../../core/field.ts';
import { unreadable } from '../unreadable.ts';

export interface DbfField {
  /** The name's raw bytes (decoded with the file's encoding by the caller). */
  nameBytes: Buffer;
  type: string;
  length: number;
  decimals: number;
}

export interface DbfHeader {
  records: number;
  headerLength: number;
  recordLength: number;
  fields: DbfField[];
}

export async function readDbfHeader(path: string): Promise<DbfHeader> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(32);
    await handle.read(head, 0, 32, 0);
    const headerLength = head.readUInt16LE(8);
    if (headerLength < 33) throw unreadable('the .dbf file has no valid header.');
    const body = Buffer.alloc(headerLength - 32);
    await handle.read(body, 0, body.length, 32);
    const fields: DbfField[] = [];
    for (let at = 0; at + 32 <= body.length && body[at] !== 0x0d; at += 32) {
      const raw = body.subarray(at, at + 11);
      const end = raw.indexOf(0);
      fields.push({
        nameBytes: Buffer.from(end === -1 ? raw : raw.subarray(0, end)),
        type: String.fromCharCode(body[at + 11] ?? 0x43),
        length: body[at + 16] ?? 0,
        decimals: body[at + 17] ?? 0,
      });
    }
    return {
      records: head.readUInt32LE(4),
      headerLength,
      recordLength: head.readUInt16LE(10),
      fields,
    };
  } finally {
    await handle.close();
  }
}

/** The ODS type a dBASE field declares; text (C) is left to inference. */
export function dbfFieldType(field: DbfField): FieldType | undefined {
  switch (field.type) {
    case 'N':
      return field.decimals === 0 ? 'int' : 'double';
    case 'F':
    case 'B':
      return 'double';
    case 'L':
      return 'boolean';
    case 'D':
      return 'date';
    default:
      return undefined;
  }
}
