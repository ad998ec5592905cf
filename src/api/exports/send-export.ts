// Streams an export as the HTTP answer: the first rows are read before the headers go out (so a
// failing query still gets an ODS error body), then the file streams with back-pressure,
// gzip-compressed when asked (`compressed=true`).

import { Readable, pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

import type { FastifyReply } from 'fastify';

import type { ExportSink, RecordsExport } from '../../records/index.ts';
import { keepWhileSending } from './keep-export.ts';
import type { EncodedBody, TextBody } from './text-body.ts';
import { encodedText } from './text-body.ts';

/**
 * How a format writes its file: text, or other bytes (`encoded`), from rows encoded where they
 * are read; or the whole file from raw rows (`body`).
 */
export type ExportWriter =
  | { text: (data: RecordsExport) => TextBody; encoded?: never; body?: never }
  | { encoded: (data: RecordsExport) => EncodedBody; text?: never; body?: never }
  | {
      body: (data: RecordsExport) => AsyncIterable<string | Uint8Array>;
      text?: never;
      encoded?: never;
    };

export type ExportFile = ExportWriter & {
  contentType: string;
  extension: string;
  compressed: boolean;
};

/**
 * The same batches, the first already read (query errors surface here, not mid-file), and a
 * `close()` that releases the query whether or not the batches are ever iterated.
 */
async function withFirstRead<T>(
  batches: AsyncIterable<T>,
): Promise<{ batches: AsyncIterable<T>; close: () => Promise<void> }> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  const close = async () => {
    await iterator.return?.();
  };
  async function* rest(): AsyncIterable<T> {
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
  return { batches: rest(), close };
}

/**
 * The same rows, with a `start()` that reads the first batch (query errors surface there, not
 * mid-file) and a `close()` that releases the query if the file is never written.
 */
function withFirstBatch(data: RecordsExport) {
  const iterator = data.rows[Symbol.asyncIterator]();
  let first: IteratorResult<unknown[][]> | undefined;
  async function* rows(): AsyncIterable<unknown[][]> {
    try {
      const head = first ?? (await iterator.next());
      if (head.done) return;
      yield head.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return {
    data: { ...data, rows: rows() },
    start: async () => {
      first = await iterator.next();
    },
    close: async () => {
      await iterator.return?.();
    },
  };
}

/** Buffers, not strings: downstream readers (compression) slice buffers cheaply, strings not. */
async function* asBuffers(chunks: AsyncIterable<string | Uint8Array>): AsyncIterable<Buffer> {
  for await (const chunk of chunks) {
    yield typeof chunk === 'string'
      ? Buffer.from(chunk, 'utf8')
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** The headers of an export's answer, live or kept (kept-export.ts). */
export function exportHeaders(reply: FastifyReply, datasetId: string, file: ExportFile): void {
  const name = `${datasetId}.${file.extension}${file.compressed ? '.gz' : ''}`;
  void reply
    .header('content-type', file.compressed ? 'application/gzip' : file.contentType)
    .header('content-disposition', `attachment; filename="${name}"`);
}

/** Sends the export; with a `sink`, its bytes are also written there (the export cache). */
export async function sendExport(
  reply: FastifyReply,
  exported: RecordsExport,
  file: ExportFile,
  sink: ExportSink | null = null,
): Promise<FastifyReply> {
  let body: AsyncIterable<Buffer>;
  let closeSource: () => Promise<void>;
  if (file.body) {
    const { data, start, close } = withFirstBatch(exported);
    closeSource = close;
    try {
      // Writers check their options against the columns here, before any row is read.
      body = asBuffers(file.body(data));
    } catch (error) {
      await close();
      throw error;
    }
    await start();
  } else {
    const encoded = file.text ? encodedText(file.text(exported)) : file.encoded(exported);
    const read = await withFirstRead(exported.encoded(encoded.encoding));
    closeSource = read.close;
    body = encoded.frame(read.batches);
  }
  const stream = Readable.from(body, { objectMode: false });
  // A client gone before the file starts gets the stream destroyed before its generators ever
  // run, so their `finally` would never release the query (a reader thread, a connection):
  // release it when the stream closes, whatever the reason.
  stream.once('close', () => {
    closeSource().catch((error: unknown) =>
      reply.log.warn({ err: error }, 'an abandoned export could not be released'),
    );
  });
  exportHeaders(reply, exported.datasetId, file);
  let sent: Readable = stream;
  if (file.compressed) {
    const gzip = createGzip();
    pipeline(stream, gzip, (error) => {
      if (error) reply.log.warn({ err: error }, 'export stopped');
    });
    sent = gzip;
  }
  return reply.send(sink === null ? sent : keepWhileSending(reply, sent, sink));
}
