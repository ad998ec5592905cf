// An export encoded where its rows are read (RowEncoding), and framed here: a text export is a
// head, the chunks with the separator between two of them, and a tail.

import type { EncodedChunk, RowEncoding } from '../../core/row-encoding.ts';

/** An encoded export: how rows are encoded, and how the encoded chunks make the file. */
export interface EncodedBody {
  encoding: RowEncoding;
  frame(chunks: AsyncIterable<EncodedChunk>): AsyncIterable<Buffer>;
}

export interface TextBody {
  head: string;
  encoding: RowEncoding;
  tail: string;
}

/** The file: head, the chunks with the separator between two of them, tail. */
export async function* framedText(
  text: TextBody,
  chunks: AsyncIterable<EncodedChunk>,
): AsyncIterable<Buffer> {
  if (text.head !== '') yield Buffer.from(text.head, 'utf8');
  const separator = text.encoding.separator === '' ? null : Buffer.from(text.encoding.separator);
  let first = true;
  for await (const { bytes } of chunks) {
    if (!first && separator) yield separator;
    yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    first = false;
  }
  if (text.tail !== '') yield Buffer.from(text.tail, 'utf8');
}

export function encodedText(text: TextBody): EncodedBody {
  return { encoding: text.encoding, frame: (chunks) => framedText(text, chunks) };
}
