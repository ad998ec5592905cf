// An export's bytes written to the export cache as they are sent. When the last byte has been
// rendered and written, the file is put in place before the answer ends (so the next identical
// request finds it); an export that fails or a client that leaves before removes it.

import type { Readable } from 'node:stream';
import { Transform, finished, pipeline } from 'node:stream';

import type { FastifyReply } from 'fastify';

import type { ExportSink } from '../../records/index.ts';

export function keepWhileSending(
  reply: FastifyReply,
  source: Readable,
  sink: ExportSink,
): Readable {
  let failed = false;
  const warn = (error: unknown) =>
    reply.log.warn({ err: error }, 'an export file could not be kept');
  // Each chunk goes on once written: the file is never behind by more than a chunk, and a slow
  // disk slows the answer instead of piling chunks up in memory.
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (failed) return callback(null, chunk);
      sink.write(chunk).then(
        () => callback(null, chunk),
        (error: unknown) => {
          failed = true;
          warn(error);
          sink.abort().catch(warn);
          callback(null, chunk);
        },
      );
    },
    flush(callback) {
      if (failed) return callback();
      sink.commit().then(
        () => callback(),
        (error: unknown) => {
          warn(error);
          callback();
        },
      );
    },
  });
  pipeline(source, tee, () => undefined);
  // A client gone or an export failed before the end: the sink is aborted (after a commit, an
  // abort does nothing).
  finished(reply.raw, () => {
    sink.abort().catch(warn);
  });
  return tee;
}
