// Character encodings: telling UTF-8 from Windows-1252, and decoding chunks of bytes.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

import type { TextEncoding } from './types.ts';
import { unreadable } from './unreadable.ts';

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
}

/** Where a UTF-8 sequence cut by the end of the bytes starts (bytes.length if none is). */
export function incompleteTailStart(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const size =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (size === 0 || i + size > bytes.length || !isUtf8(bytes.subarray(i, i + size))) return i;
    i += size;
  }
  return -1;
}

/**
 * The encoding of the first bytes of a file: a BOM or valid UTF-8 means UTF-8, anything else
 * Windows-1252. Throws when the bytes look binary or UTF-16/32.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  const [b0, b1, b2] = sample;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw unreadable('UTF-16 and UTF-32 files are not supported; save the file as UTF-8.');
  }
  if (sample.includes(0)) {
    throw unreadable('the file looks binary (it contains NUL bytes), not like CSV text.');
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bom: true };
  const checked = complete ? sample : sample.subarray(0, incompleteTailStart(sample));
  return { encoding: isUtf8(checked) ? 'utf-8' : 'windows-1252', bom: false };
}

/** Thrown by a UTF-8 decoder; `newlinesBefore` counts the LF bytes of the chunk before the error. */
export class InvalidUtf8Error extends Error {
  constructor(readonly newlinesBefore: number) {
    super('invalid UTF-8');
  }
}

export interface ChunkDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

function countByte(bytes: Uint8Array, value: number, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(value); i !== -1 && i < end; i = bytes.indexOf(value, i + 1)) count++;
  return count;
}

/**
 * A strict UTF-8 decoder (a sequence cut between chunks waits for the next one). Node's
 * TextDecoder validates and decodes in one pass, faster here than isUtf8 plus toString.
 */
function utf8Decoder(): ChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const located = (chunk: Buffer | undefined) => {
    if (!chunk) return new InvalidUtf8Error(0);
    let start = 0;
    while (start < 3 && start < chunk.length && ((chunk[start] as number) & 0xc0) === 0x80) start++;
    const at = firstInvalidUtf8(chunk.subarray(start));
    return new InvalidUtf8Error(countByte(chunk, 10, at === -1 ? 0 : start + at));
  };
  return {
    write(chunk) {
      try {
        return decoder.decode(chunk, { stream: true });
      } catch {
        throw located(chunk);
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        throw located(undefined);
      }
    },
  };
}

function windows1252Decoder(): ChunkDecoder {
  const decoder = iconv.getDecoder('windows-1252');
  return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? '' };
}

export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  return encoding === 'utf-8' ? utf8Decoder() : windows1252Decoder();
}
