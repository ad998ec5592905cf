// The text an engine's encoded export gives, for the export tests that compare two ways of
// encoding the same rows; a dataset saved with one version of given rows, and a store of such
// datasets read by ranges; and the fields the tests of lines written in SQL use.

import type { Row } from '../../src/core/cell.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import type { Field } from '../../src/core/field.ts';
import { makeField as field } from '../../src/core/field.ts';
import type { RowEncoding } from '../../src/core/row-encoding.ts';
import type { TextBody } from '../../src/api/exports/text-body.ts';
import { framedText } from '../../src/api/exports/text-body.ts';
import type { EncodedQuery, StorageEngine } from '../../src/storage/engine.ts';
import type { TempSqliteEngine } from './temp-sqlite-engine.ts';
import { openTempSqliteEngine } from './temp-sqlite-engine.ts';

/** A field of each kind of stored value the lines written in SQL hold (core/stored-values.ts). */
export const LINE_FIELDS: Field[] = [
  field('a', 'text'),
  field('n', 'int'),
  field('x', 'double'),
  field('ok', 'boolean'),
  field('day', 'date'),
  field('seen', 'datetime'),
  field('tags', 'text', { multivalued: [';'] }),
  field('b', 'text'),
  field('where', 'geo_point_2d'),
];

/** The chunks' bytes, one after the other (no head, tail or separator between chunks). */
export async function encodedText(
  engine: StorageEngine,
  query: EncodedQuery,
  encoding: RowEncoding,
): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of engine.streamEncoded(query, encoding)) {
    chunks.push(Buffer.from(chunk.bytes));
  }
  return Buffer.concat(chunks).toString();
}

/** The whole file: head, chunks with their separators, tail. */
export async function fileText(
  engine: StorageEngine,
  query: EncodedQuery,
  body: TextBody,
  encoding: RowEncoding,
): Promise<string> {
  const pieces: Buffer[] = [];
  const framed = framedText({ ...body, encoding }, engine.streamEncoded(query, encoding));
  for await (const piece of framed) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces).toString();
}

/** Saves dataset `id` with one current version holding `rows`. */
export async function saveDatasetRows(
  engine: StorageEngine,
  id: string,
  fields: Field[],
  rows: Row[],
): Promise<void> {
  await engine.metadata.saveDataset({ id, metas: emptyMetas(id) });
  const writer = await engine.beginVersion({ datasetId: id, fields, source: null });
  await writer.append(rows);
  await writer.commit();
}

/**
 * A temporary SQLite store whose two reader threads export by ranges of `rangeRows` row ids,
 * holding one dataset of `fields` per entry of `datasets` (its id, its rows).
 */
export async function openRangedStore(
  rangeRows: number,
  fields: Field[],
  datasets: Record<string, Row[]>,
): Promise<TempSqliteEngine> {
  const temp = await openTempSqliteEngine({ readers: 2, exportRangeRows: rangeRows });
  for (const [id, rows] of Object.entries(datasets)) {
    await saveDatasetRows(temp.engine, id, fields, rows);
  }
  return temp;
}

/**
 * Dataset `wide`: `columns` fields, every third an int, the others texts; 40 rows, whose cell of
 * row 7 in field `f1` holds `odd` (a text one of the encodings must take care of).
 */
export async function saveWideDataset(
  engine: StorageEngine,
  columns: number,
  odd: string,
): Promise<void> {
  const wide = Array.from({ length: columns }, (_, i) =>
    field(`f${i}`, i % 3 === 0 ? 'int' : 'text'),
  );
  const rows = Array.from({ length: 40 }, (_, r) =>
    wide.map((f, i) => (f.type === 'int' ? r * i : i === 1 && r === 7 ? odd : `v${r}.${i}`)),
  );
  await saveDatasetRows(engine, 'wide', wide, rows as Row[]);
}
