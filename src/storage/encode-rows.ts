// Encoding rows as export bytes where they are read (RowEncoding): used by the SQLite reader
// threads and, on the main thread, by engines without them.

import type {
  ChunkEncoder,
  EncodedChunk,
  JoinedRowEncoder,
  RowEncoder,
  RowEncoderModule,
  RowEncoding,
} from '../core/row-encoding.ts';

const MIN_CAPACITY = 64 * 1024;

/**
 * A growable byte buffer that text is written into, kept by a thread for every export it
 * encodes: a buffer per range grew from 64 KiB to a few megabytes each time, leaving the
 * discarded ones to the garbage collector (about 15 MB per reader thread).
 */
export class TextBuffer {
  bytes: Buffer = Buffer.allocUnsafeSlow(MIN_CAPACITY);

  /** Room for `more` bytes after the first `used`, which are kept. */
  reserve(used: number, more: number): void {
    if (used + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, used + more));
    this.bytes.copy(grown, 0, 0, used);
    this.bytes = grown;
  }
}

/**
 * Writes rows' text straight into a reused buffer: no long string is built, whose flattening
 * and encoding would cost more than the rows' text. A chunk is copied out of it at its exact
 * length: posting a view to another thread would copy the whole buffer behind it.
 */
export class ChunkWriter implements ChunkEncoder {
  private offset = 0;
  private count = 0;
  private readonly separator: string;
  private readonly terminator: string;

  constructor(
    private readonly encoder: RowEncoder | JoinedRowEncoder,
    encoding: RowEncoding,
    private readonly buffer: TextBuffer = new TextBuffer(),
  ) {
    this.separator = encoding.separator;
    this.terminator = encoding.terminator;
  }

  get rows(): number {
    return this.count;
  }

  add(row: readonly unknown[]): void {
    if (!this.tryAdd(row)) throw new Error('a row the encoder cannot write');
  }

  /** Writes the row, or answers false when its encoder gives no text for it (joined rows). */
  tryAdd(row: readonly unknown[]): boolean {
    const encoded = this.encoder(row);
    if (encoded === null) return false;
    // One write per row: each write is a call into C++ costing more than joining short strings.
    const text = `${this.count > 0 ? this.separator : ''}${encoded}${this.terminator}`;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.buffer.reserve(this.offset, 3 * text.length);
    this.offset += this.buffer.bytes.write(text, this.offset);
    this.count++;
    return true;
  }

  /** Forgets the rows written since the last `take`. */
  discard(): void {
    this.offset = 0;
    this.count = 0;
  }

  /** The rows written so far, copied out; the writer starts afresh. */
  take(): EncodedChunk {
    const bytes = new Uint8Array(this.offset);
    bytes.set(this.buffer.bytes.subarray(0, this.offset));
    const chunk = { bytes, rows: this.count };
    this.offset = 0;
    this.count = 0;
    return chunk;
  }
}

/** Loads an encoding's module and builds its encoder; text is written into `buffer`. */
export async function loadChunkEncoder(
  encoding: RowEncoding,
  buffer?: TextBuffer,
): Promise<ChunkEncoder> {
  const loaded = (await import(encoding.module)) as RowEncoderModule;
  if (loaded.createChunkEncoder) return loaded.createChunkEncoder(encoding.options as never);
  if (!loaded.createRowEncoder) throw new Error(`${encoding.module} encodes no rows`);
  await loaded.prepare?.(encoding.options as never);
  return new ChunkWriter(loaded.createRowEncoder(encoding.options as never), encoding, buffer);
}

/** The writer of rows whose text columns are joined (RowEncoding.joined); text into `buffer`. */
export async function loadJoinedWriter(
  encoding: RowEncoding,
  buffer?: TextBuffer,
): Promise<ChunkWriter> {
  const loaded = (await import(encoding.module)) as RowEncoderModule;
  if (!loaded.createRowEncoder || !encoding.joined) {
    throw new Error(`${encoding.module} encodes no joined rows`);
  }
  await loaded.prepare?.(encoding.joined.options as never);
  return new ChunkWriter(
    loaded.createRowEncoder(encoding.joined.options as never),
    encoding,
    buffer,
  );
}

/** Encodes streamed batches on this thread: one chunk per non-empty batch. */
export async function* encodeBatches(
  batches: AsyncIterable<unknown[][]>,
  encoding: RowEncoding,
): AsyncIterable<EncodedChunk> {
  const encoder = await loadChunkEncoder(encoding);
  for await (const batch of batches) {
    for (const row of batch) encoder.add(row);
    if (encoder.rows > 0) yield encoder.take();
  }
}
