// Streams an export as the HTTP answer: the first rows are read before the headers go out (so a
// failing query still gets an ODS error body), then the file streams with back-pressure,
// gzip-compressed when asked (`compressed=true`).

import { Readable, pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

import type { FastifyReply } from 'fastify';

import type { RecordsExport } from '../../records/index.ts';

export interface ExportFile {
  body: (data: RecordsExport) => AsyncIterable<string | Uint8Array>;
  contentType: string;
  extension: string;
  compressed: boolean;
}

/** The same rows, with the first batch already read: query errors surface here, not mid-file. */
async function withFirstBatchRead(data: RecordsExport): Promise<RecordsExport> {
  const iterator = data.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* rows(): AsyncIterable<unknown[][]> {
    try {
      if (first.done) return;
      yield first.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { ...data, rows: rows() };
}

/** Buffers, not strings: downstream readers (compression) slice buffers cheaply, strings not. */
async function* asBuffers(chunks: AsyncIterable<string | Uint8Array>): AsyncIterable<Buffer> {
  for await (const chunk of chunks) {
    yield typeof chunk === 'string'
      ? Buffer.from(chunk, 'utf8')
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

export async function sendExport(
  reply: FastifyReply,
  exported: RecordsExport,
  file: ExportFile,
): Promise<FastifyReply> {
  const data = await withFirstBatchRead(exported);
  const name = `${data.datasetId}.${file.extension}${file.compressed ? '.gz' : ''}`;
  const stream = Readable.from(asBuffers(file.body(data)), { objectMode: false });
  void reply
    .header('content-type', file.compressed ? 'application/gzip' : file.contentType)
    .header('content-disposition', `attachment; filename="${name}"`);
  if (!file.compressed) return reply.send(stream);
  const gzip = createGzip();
  pipeline(stream, gzip, (error) => {
    if (error) reply.log.warn({ err: error }, 'export stopped');
  });
  return reply.send(gzip);
}
