// An export's bytes written to the export cache as they are sent: the file is kept only when
// the whole answer went out (the client read it to the end); an export that fails or a client
// that leaves removes it.

import type { Readable } from 'node:stream';
import { Transform, finished, pipeline } from 'node:stream';

import type { FastifyReply } from 'fastify';

import type { ExportSink } from '../../records/index.ts';

export function keepWhileSending(
  reply: FastifyReply,
  source: Readable,
  sink: ExportSink,
): Readable {
  let complete = false;
  let failed = false;
  const warn = (error: unknown) =>
    reply.log.warn({ err: error }, 'an export file could not be kept');
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    warn(error);
    sink.abort().catch(warn);
  };
  // Each chunk goes on once written: the file is never behind by more than a chunk, and a slow
  // disk slows the answer instead of piling chunks up in memory.
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (failed) return callback(null, chunk);
      sink.write(chunk).then(
        () => callback(null, chunk),
        (error: unknown) => {
          fail(error);
          callback(null, chunk);
        },
      );
    },
    flush(callback) {
      complete = true;
      callback();
    },
  });
  pipeline(source, tee, () => undefined);
  finished(reply.raw, (error) => {
    if (failed) return;
    if (!error && complete) sink.commit().catch(warn);
    else sink.abort().catch(warn);
  });
  return tee;
}
