// Encoding rows as export text where they are read (RowEncoding), into UTF-8 chunks: used by
// the SQLite reader threads and, on the main thread, by engines without them.

import type { RowEncoder, RowEncoderModule, RowEncoding } from '../core/row-encoding.ts';

/** Loads an encoding's module and builds its encoder. */
export async function loadRowEncoder(encoding: RowEncoding): Promise<RowEncoder> {
  const loaded = (await import(encoding.module)) as RowEncoderModule;
  return loaded.createRowEncoder(encoding.options as never);
}

const MIN_CAPACITY = 64 * 1024;

/**
 * Writes rows' text straight into one reused buffer: no long string is built, whose flattening
 * and encoding would cost more than the rows' text. Chunks are copied out of it (posting one to
 * another thread copies it): buffers allocated in a reader thread and freed on the main thread
 * made the process's memory grow with the export's size (malloc arenas), copies keep it flat.
 */
export class ChunkWriter {
  private buffer: Buffer;
  private offset = 0;
  private count = 0;
  private readonly separator: string;
  private readonly terminator: string;

  constructor(
    private readonly encoder: RowEncoder,
    encoding: RowEncoding,
  ) {
    this.separator = encoding.separator;
    this.terminator = encoding.terminator;
    this.buffer = Buffer.allocUnsafeSlow(MIN_CAPACITY);
  }

  get rows(): number {
    return this.count;
  }

  add(row: readonly unknown[]): void {
    // One write per row: each write is a call into C++ costing more than joining short strings.
    const text = `${this.count > 0 ? this.separator : ''}${this.encoder(row)}${this.terminator}`;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(3 * text.length);
    this.offset += this.buffer.write(text, this.offset);
    this.count++;
  }

  /** The bytes written so far, valid until the next `add`; the writer starts afresh. */
  take(): Uint8Array {
    const chunk = this.buffer.subarray(0, this.offset);
    this.offset = 0;
    this.count = 0;
    return chunk;
  }

  private reserve(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }
}

/** Encodes streamed batches on this thread: one chunk per non-empty batch. */
export async function* encodeBatches(
  batches: AsyncIterable<unknown[][]>,
  encoding: RowEncoding,
): AsyncIterable<Uint8Array> {
  const writer = new ChunkWriter(await loadRowEncoder(encoding), encoding);
  for await (const batch of batches) {
    for (const row of batch) writer.add(row);
    if (writer.rows > 0) yield writer.take().slice();
  }
}
