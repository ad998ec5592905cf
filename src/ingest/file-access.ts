// Opening the file to import: its size, its first bytes, and file-system errors as import errors.

import { open, stat } from 'node:fs/promises';

import { unreadable } from './unreadable.ts';

/** A file-system error as DG_ERR_IMPORT_UNREADABLE. */
export function fileError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return unreadable(`no file at ${path}.`, error);
  if (code === 'EISDIR') return unreadable(`${path} is a directory, not a file.`, error);
  if (code === 'EACCES') return unreadable(`${path} cannot be read (permission denied).`, error);
  return unreadable(`${path} cannot be read (${code ?? String(error)}).`, error);
}

export async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return info.size;
  } catch (error) {
    throw fileError(path, error);
  }
}

export interface FileHead {
  bytes: Buffer;
  /** True when `bytes` is the whole file. */
  complete: boolean;
}

const HEAD_CHUNK = 64 * 1024;
const HEAD_LIMIT = 64 * 1024 * 1024;

/**
 * The first bytes of the file, up to and including its `lines`-th line break (or the whole
 * file if it is shorter), within 64 MiB.
 */
export async function readHead(path: string, lines: number): Promise<FileHead> {
  let handle;
  try {
    handle = await open(path, 'r');
    const chunks: Buffer[] = [];
    let size = 0;
    let breaks = 0;
    for (;;) {
      const chunk = Buffer.alloc(HEAD_CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, HEAD_CHUNK, size);
      if (bytesRead === 0) return { bytes: Buffer.concat(chunks), complete: true };
      const piece = chunk.subarray(0, bytesRead);
      for (let i = piece.indexOf(10); i !== -1; i = piece.indexOf(10, i + 1)) {
        if (++breaks === lines) {
          chunks.push(piece.subarray(0, i + 1));
          return { bytes: Buffer.concat(chunks), complete: false };
        }
      }
      chunks.push(piece);
      size += bytesRead;
      if (size >= HEAD_LIMIT) return { bytes: Buffer.concat(chunks), complete: false };
    }
  } catch (error) {
    throw fileError(path, error);
  } finally {
    await handle?.close();
  }
}
