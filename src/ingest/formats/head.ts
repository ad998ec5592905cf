// The first bytes of a file, for format detection and early checks.

import { open } from 'node:fs/promises';

import { fileError } from '../file-access.ts';

export async function fileHead(path: string, size = 4096): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw fileError(path, error);
  } finally {
    await handle?.close();
  }
}

/** The first character after a BOM and white space ('' for an empty or blank head). */
export async function firstCharacter(path: string): Promise<string> {
  const text = (await fileHead(path, 1024)).toString('utf8').replace(/^\uFEFF/, '');
  return text.trimStart().charAt(0);
}
