// A text export: rows encoded where they are read (RowEncoding), framed by a head and a tail.

import type { RowEncoding } from '../../core/row-encoding.ts';

export interface TextBody {
  head: string;
  encoding: RowEncoding;
  tail: string;
}

/** The file: head, the chunks with the separator between two of them, tail. */
export async function* framedText(
  text: TextBody,
  chunks: AsyncIterable<Uint8Array>,
): AsyncIterable<Buffer> {
  if (text.head !== '') yield Buffer.from(text.head, 'utf8');
  const separator = text.encoding.separator === '' ? null : Buffer.from(text.encoding.separator);
  let first = true;
  for await (const chunk of chunks) {
    if (!first && separator) yield separator;
    yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    first = false;
  }
  if (text.tail !== '') yield Buffer.from(text.tail, 'utf8');
}
