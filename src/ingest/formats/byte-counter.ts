// A file read as a stream whose consumed bytes are counted, for progress by bytes.

import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline, Transform } from 'node:stream';

import { fileError, fileSize } from '../file-access.ts';

export interface CountedFile {
  stream: Readable;
  progress(): { bytesRead: number; totalBytes: number };
}

export async function countedFile(path: string, highWaterMark = 256 * 1024): Promise<CountedFile> {
  const totalBytes = await fileSize(path);
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  // pipeline destroys the counter with the file's error, so readers see it.
  pipeline(createReadStream(path, { highWaterMark }), counter, (error) => {
    if (error && 'syscall' in error) counter.destroy(fileError(path, error));
  });
  return { stream: counter, progress: () => ({ bytesRead, totalBytes }) };
}
