// The text encoding of a shapefile's .dbf: what its .cpg says, otherwise UTF-8 when its
// first megabyte of records is valid UTF-8 with non-ASCII bytes, otherwise Windows-1252
// (the dBASE tradition).

import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';

import { incompleteTailStart } from '../encoding.ts';
import { unreadable } from '../unreadable.ts';

const CODE_PAGES: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  '65001': 'utf-8',
  '1252': 'windows-1252',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  'ansi 1252': 'windows-1252',
  'iso-8859-1': 'iso-8859-1',
  iso88591: 'iso-8859-1',
  '88591': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'iso-8859-15': 'iso-8859-15',
  '885915': 'iso-8859-15',
};

export function encodingFromCpg(cpg: string): string {
  const label = cpg.trim().toLowerCase();
  const known = CODE_PAGES[label];
  if (known) return known;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw unreadable(`the .cpg file names an unknown encoding ("${cpg.trim()}").`);
  }
}

const SNIFF_BYTES = 1024 * 1024;

export async function sniffDbfEncoding(path: string, headerLength: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const bytes = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(bytes, 0, SNIFF_BYTES, headerLength);
    const sample = bytes.subarray(0, bytesRead);
    const checked = sample.subarray(0, incompleteTailStart(sample));
    const ascii = checked.every((byte) => byte < 0x80);
    return !ascii && isUtf8(checked) ? 'utf-8' : 'windows-1252';
  } finally {
    await handle.close();
  }
}
