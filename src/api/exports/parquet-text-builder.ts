// The text and list columns of a Parquet row group written by columns (parquet-parts.ts): each
// value's bytes copied from the range's blob after its length, lists joined by `,` on their bytes
// as joinList joins them (through JSON.parse when they hold an escape), and the least and the
// greatest value compared in UTF-8 byte order, as hyparquet-writer orders them.

import { joinList } from './csv-values.ts';
import type { ChunkStatistics, ColumnBuilder, TextCursor } from './parquet-column-builder.ts';

const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * A growing byte buffer. Short values are copied byte by byte (hyparquet-writer's ByteWriter
 * takes a Uint8Array per value: a view made for each of them).
 */
class Bytes {
  length = 0;
  constructor(public data: Uint8Array) {}

  reserve(more: number): void {
    if (this.length + more <= this.data.length) return;
    const grown = new Uint8Array(Math.max(this.data.length * 2, this.length + more));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /** Writes `value` (4 bytes, little-endian) at `at`, a place already written. */
  setUint32(at: number, value: number): void {
    this.data[at] = value & 255;
    this.data[at + 1] = (value >>> 8) & 255;
    this.data[at + 2] = (value >>> 16) & 255;
    this.data[at + 3] = (value >>> 24) & 255;
  }

  /** Leaves room for 4 bytes, set later by setUint32; their place. */
  skip4(): number {
    this.reserve(4);
    this.length += 4;
    return this.length - 4;
  }

  copy(source: Uint8Array, from: number, to: number): void {
    this.reserve(to - from);
    if (to - from < 32) {
      for (let i = from; i < to; i++) this.data[this.length++] = source[i]!;
    } else {
      this.data.set(source.subarray(from, to), this.length);
      this.length += to - from;
    }
  }
}

/** Unsigned byte order of two byte ranges, as Parquet orders UTF-8 statistics. */
function compareBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array): number {
  const length = Math.min(aTo - aFrom, b.length);
  for (let i = 0; i < length; i++) {
    const difference = a[aFrom + i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return aTo - aFrom - b.length;
}

/** A whole number of bytes read from entry [start, end), or -1. */
function lengthOf(entries: string, start: number, end: number): number {
  let length = 0;
  for (let i = start; i < end; i++) {
    const digit = entries.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    length = length * 10 + digit;
  }
  return length;
}

/**
 * Texts and lists: each value's length (4 bytes, little-endian), then its bytes, written into
 * `buffer` (a previous range's, given back by `spare()`) while it is large enough.
 */
export function textBuilder(
  cursor: TextCursor,
  list: boolean,
  buffer: Uint8Array = new Uint8Array(1 << 14),
): ColumnBuilder {
  const out = new Bytes(buffer);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let min: Uint8Array | null = null;
  let max: Uint8Array | null = null;

  /** The list at [from, to) of the blob, joined by `,` as joinList joins it, into `out`. */
  const writeList = (bytes: Uint8Array, from: number, to: number) => {
    const simple =
      to - from >= 4 &&
      bytes[from] === 91 &&
      bytes[from + 1] === QUOTE &&
      bytes[to - 2] === QUOTE &&
      bytes[to - 1] === 93;
    if (simple) {
      const start = out.length;
      out.reserve(to - from);
      let i = from + 2;
      for (; i < to - 2; i++) {
        const byte = bytes[i]!;
        if (byte === BACKSLASH) break;
        if (byte !== QUOTE) {
          out.data[out.length++] = byte;
        } else if (bytes[i + 1] === COMMA && bytes[i + 2] === QUOTE) {
          out.data[out.length++] = COMMA;
          i += 2;
        } else {
          break;
        }
      }
      if (i === to - 2) return;
      out.length = start; // Escapes or another shape: JSON says what the values are.
    }
    const joined = joinList(decoder.decode(bytes.subarray(from, to)), ',');
    const encoded = encoder.encode(joined);
    out.copy(encoded, 0, encoded.length);
  };

  return {
    add(entries, start, end) {
      const length = lengthOf(entries, start, end);
      const { bytes, from } = cursor;
      const to = from + length;
      if (length < 0 || to > bytes.length) return false;
      cursor.from = to;
      // The length comes first but is known after: a list's joined text is shorter.
      const mark = out.skip4();
      if (list) writeList(bytes, from, to);
      else out.copy(bytes, from, to);
      out.setUint32(mark, out.length - mark - 4);
      const data = out.data;
      if (min === null || compareBytes(data, mark + 4, out.length, min) < 0) {
        min = data.slice(mark + 4, out.length);
      }
      if (max === null || compareBytes(data, mark + 4, out.length, max) > 0) {
        max = data.slice(mark + 4, out.length);
      }
      return true;
    },
    plain: () => out.data.subarray(0, out.length),
    spare: () => out.data,
    statistics(nulls) {
      const statistics: ChunkStatistics = { null_count: BigInt(nulls) };
      if (min !== null && max !== null) {
        statistics.min_value = decoder.decode(min);
        statistics.max_value = decoder.decode(max);
      }
      return statistics;
    },
  };
}
