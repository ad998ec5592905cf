// A batch of typed rows in a compact form that crosses threads cheaply: the texts of the batch
// joined into a few strings (with the length of each text), numbers in a Float64Array, one kind
// byte per cell. Posting it copies a few strings and three typed arrays, where a structured clone
// of the rows would serialise each cell and object one by one.

import type { CellValue, GeoPoint, Row } from '../core/cell.ts';
import type { Field } from '../core/field.ts';
import { isMultivalued } from '../core/field.ts';

export interface PackedRows {
  count: number;
  width: number;
  /** One byte per cell, row after row: what the cell holds (see the constants below). */
  kinds: Uint8Array;
  /**
   * Every string of the batch, one after the other, in pieces of about TEXT_PIECE characters
   * (a string is never split between two pieces).
   */
  text: string[];
  /** The length of each string in `text`, and of each list before its items. */
  lengths: Uint32Array;
  numbers: Float64Array;
}

const NULL = 0;
const STRING = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
/** A geo point: two numbers, lat then lon. */
const POINT = 5;
/** A list of texts: its length among `lengths`, then its items as strings. */
const LIST = 6;
/** Any other value, as JSON text. */
const JSON_VALUE = 7;

/**
 * Joined texts are cut at about this many characters: V8 keeps strings over 128 KiB among its
 * large objects, freed only by full collections, so one string per 1,000-row batch (about 250 KB)
 * piled up between them in both threads: on 200,000 rows, peak 310–313 MB in pieces against
 * 319–340 MB in one string.
 */
const TEXT_PIECE = 16 * 1024;

/** How each field's cells are packed: points and lists by their field type, the rest by value. */
type FieldPacking = 'point' | 'list' | 'value';

export function fieldPackings(fields: Field[]): FieldPacking[] {
  return fields.map((field) =>
    field.type === 'geo_point_2d'
      ? 'point'
      : field.type === 'text' && isMultivalued(field)
        ? 'list'
        : 'value',
  );
}

/** Grows a typed array to hold at least `needed` items. */
function grown<T extends Uint32Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(
    Math.max(needed, array.length * 2),
  );
  bigger.set(array);
  return bigger;
}

/** Packs rows of `packings.length` cells each. */
export function packRows(rows: Row[], packings: FieldPacking[]): PackedRows {
  const width = packings.length;
  const kinds = new Uint8Array(rows.length * width);
  const pieces: string[] = [];
  let texts: string[] = [];
  let pieceLength = 0;
  let lengths = new Uint32Array(rows.length * width);
  let numbers = new Float64Array(rows.length * 4);
  let lengthCount = 0;
  let numberCount = 0;
  const addText = (text: string) => {
    texts.push(text);
    pieceLength += text.length;
    if (pieceLength >= TEXT_PIECE) {
      pieces.push(texts.join(''));
      texts = [];
      pieceLength = 0;
    }
    lengths = grown(lengths, lengthCount + 1);
    lengths[lengthCount++] = text.length;
  };
  const addNumber = (value: number) => {
    numbers = grown(numbers, numberCount + 1);
    numbers[numberCount++] = value;
  };
  let at = 0;
  for (const row of rows) {
    for (let j = 0; j < width; j++, at++) {
      const cell = row[j] ?? null;
      const packing = packings[j];
      if (cell === null) {
        kinds[at] = NULL;
      } else if (typeof cell === 'string') {
        kinds[at] = STRING;
        addText(cell);
      } else if (typeof cell === 'number') {
        kinds[at] = NUMBER;
        addNumber(cell);
      } else if (typeof cell === 'boolean') {
        kinds[at] = cell ? TRUE : FALSE;
      } else if (packing === 'point') {
        kinds[at] = POINT;
        addNumber((cell as GeoPoint).lat);
        addNumber((cell as GeoPoint).lon);
      } else if (packing === 'list' && Array.isArray(cell)) {
        kinds[at] = LIST;
        lengths = grown(lengths, lengthCount + 1);
        lengths[lengthCount++] = cell.length;
        for (const item of cell) addText(String(item));
      } else {
        kinds[at] = JSON_VALUE;
        addText(JSON.stringify(cell));
      }
    }
  }
  return {
    count: rows.length,
    width,
    kinds,
    text: texts.length > 0 ? [...pieces, texts.join('')] : pieces,
    lengths: lengths.slice(0, lengthCount),
    numbers: numbers.slice(0, numberCount),
  };
}

/** The rows of a packed batch, equal to those packed. */
export function unpackRows(packed: PackedRows): Row[] {
  const { count, width, kinds, text, lengths, numbers } = packed;
  const rows = new Array<Row>(count);
  let at = 0;
  let piece = 0;
  let textAt = 0;
  let lengthAt = 0;
  let numberAt = 0;
  const nextText = () => {
    const length = lengths[lengthAt++]!;
    // A text longer than what is left of the piece starts the next one (an empty text reads
    // the same from either).
    if (textAt + length > text[piece]!.length) {
      piece++;
      textAt = 0;
    }
    const value = text[piece]!.slice(textAt, textAt + length);
    textAt += length;
    return value;
  };
  for (let i = 0; i < count; i++) {
    const row = new Array<CellValue>(width);
    for (let j = 0; j < width; j++, at++) {
      switch (kinds[at]) {
        case STRING:
          row[j] = nextText();
          break;
        case NUMBER:
          row[j] = numbers[numberAt++]!;
          break;
        case TRUE:
          row[j] = true;
          break;
        case FALSE:
          row[j] = false;
          break;
        case POINT:
          row[j] = { lat: numbers[numberAt]!, lon: numbers[numberAt + 1]! };
          numberAt += 2;
          break;
        case LIST: {
          const items = new Array<string>(lengths[lengthAt++]!);
          for (let k = 0; k < items.length; k++) items[k] = nextText();
          row[j] = items;
          break;
        }
        case JSON_VALUE:
          row[j] = JSON.parse(nextText()) as unknown;
          break;
        default:
          row[j] = null;
      }
    }
    rows[i] = row;
  }
  return rows;
}
