// An in-memory SQLite table laid out like a dataset version (src/core/columns.ts), with its FTS5
// index and the ODSQL SQLite functions registered, for running compiled queries for real.

import Database from 'better-sqlite3';
import { columnsOf, ftsTableName } from '../../src/core/columns.ts';
import type { Field } from '../../src/core/field.ts';
import { SQLITE_FUNCTIONS } from '../../src/odsql/compile/sqlite-functions.ts';

const f = (name: string, type: Field['type'], annotations: Field['annotations'] = {}): Field => ({
  name,
  label: name,
  type,
  description: null,
  annotations,
});

export const FIELDS: Field[] = [
  f('name', 'text', { sortable: [] }),
  f('city', 'text', { hierarchical: ['/'] }),
  f('tags', 'text', { multivalued: [','] }),
  f('population', 'int'),
  f('score', 'double'),
  f('open', 'boolean'),
  f('day', 'date'),
  f('at', 'datetime'),
  f('geo', 'geo_point_2d'),
];

export const TABLE = 'ds_test';

type Raw = [
  string | null,
  string | null,
  string[] | null,
  number | null,
  number | null,
  boolean | null,
  string | null,
  string | null,
  [number, number] | null,
];

const ROWS: Raw[] = [
  [
    'Star Trek',
    'France/Paris',
    ['Restaurant', 'Traiteur'],
    100,
    1.5,
    true,
    '2019-03-22',
    '2019-03-22T10:00:00Z',
    [48.85, 2.35],
  ],
  [
    'Boulangerie Éclair',
    'France/Lyon',
    ['Boulangerie'],
    50,
    2.5,
    false,
    '2019-12-31',
    '2019-12-31T23:30:00Z',
    [45.76, 4.83],
  ],
  [
    'Star Wars',
    'France/Paris',
    ['Restaurant'],
    null,
    3.5,
    true,
    '2020-01-01',
    '2020-01-01T00:30:00Z',
    [48.86, 2.34],
  ],
  ['Café', null, null, 10, null, null, null, null, null],
];

export function openFixture(): Database.Database {
  const db = new Database(':memory:');
  for (const fn of SQLITE_FUNCTIONS) {
    db.function(
      fn.name,
      { deterministic: fn.deterministic, varargs: fn.varargs ?? false },
      fn.fn as (...a: unknown[]) => unknown,
    );
  }
  const cols = FIELDS.flatMap(columnsOf).map((c) => `"${c.name}"`);
  db.exec(`CREATE TABLE "${TABLE}" ("_rowid" INTEGER PRIMARY KEY, "_id" TEXT, ${cols.join(', ')})`);
  const texts = FIELDS.filter((x) => x.type === 'text').map((x) => `"${x.name}"`);
  const fts = ftsTableName(TABLE);
  db.exec(
    `CREATE VIRTUAL TABLE "${fts}" USING fts5(${texts.join(', ')}, content="${TABLE}", content_rowid="_rowid", tokenize="unicode61 remove_diacritics 2")`,
  );
  const insert = db.prepare(
    `INSERT INTO "${TABLE}" VALUES (?, ?, ${cols.map(() => '?').join(', ')})`,
  );
  ROWS.forEach((r, i) => {
    insert.run(
      i + 1,
      `id${i + 1}`,
      r[0],
      r[1],
      r[2] === null ? null : JSON.stringify(r[2]),
      r[3],
      r[4],
      r[5] === null ? null : r[5] ? 1 : 0,
      r[6],
      r[7] === null ? null : Date.parse(r[7]),
      r[8]?.[0] ?? null,
      r[8]?.[1] ?? null,
    );
  });
  db.exec(`INSERT INTO "${fts}"("${fts}") VALUES ('rebuild')`);
  return db;
}
