// Writes a byte stream to a file with a size limit, never holding it in memory: past the limit
// (or on any failure) the partial file is removed. Uploads and remote sources both land this way.

import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { PortalError } from '../core/errors.ts';

export function tooLarge(maxBytes: number): PortalError {
  return new PortalError('DG_ERR_IMPORT_TOO_LARGE', { max_bytes: maxBytes });
}

/** Streams `source` to `path` (its folder created); returns the bytes written. */
export async function streamToFile(
  source: Readable | AsyncIterable<Uint8Array>,
  path: string,
  maxBytes: number,
): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(tooLarge(maxBytes));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(source, counter, createWriteStream(path));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return bytes;
}
