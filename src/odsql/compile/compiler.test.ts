import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeField as f } from '../../core/field.ts';
import type { DialectName, RecordsQueryInput } from '../index.ts';
import { compileCountQuery, compileRecordLookup, compileRecordsQuery } from '../index.ts';

const SCHEMA = {
  table: 't',
  fields: [
    f('name', 'text'),
    f('tags', 'text', { multivalued: [','] }),
    f('n', 'int'),
    f('x', 'double'),
    f('ok', 'boolean'),
    f('d', 'date'),
    f('ts', 'datetime'),
    f('geo', 'geo_point_2d'),
    f('shape', 'geo_shape'),
  ],
};

function sql(input: RecordsQueryInput, dialect: DialectName = 'sqlite'): [string, unknown[]] {
  const q = compileRecordsQuery(input, SCHEMA, dialect);
  return [q.sql, q.params];
}

describe('compiler (SQLite)', () => {
  it('selects every field, a geo point as two columns', () => {
    const q = compileRecordsQuery({}, SCHEMA, 'sqlite');
    assert.equal(
      q.sql,
      'SELECT "name", "tags", "n", "x", "ok", "d", "ts", "geo$lat", "geo$lon", "shape" FROM "t" ORDER BY "_rowid"',
    );
    assert.deepEqual(q.columns.find((c) => c.key === 'geo')?.positions, [7, 8]);
    assert.deepEqual(q.columns.find((c) => c.key === 'shape')?.positions, [9]);
    assert.equal(q.aggregated, false);
  });

  it('binds every value and quotes every identifier', () => {
    assert.deepEqual(
      sql({
        select: 'name as "x"',
        where: ["name = 'O\\'Brien' or n >= -2.5"],
        limit: 10,
        offset: 5,
      }),
      [
        'SELECT "name" FROM "t" WHERE ("name" = ? OR "n" >= ?) ORDER BY "_rowid" LIMIT ? OFFSET ?',
        ["O'Brien", -2.5, 10, 5],
      ],
    );
  });

  it('negates with two-valued logic and keeps nulls out of comparisons', () => {
    assert.deepEqual(sql({ select: 'n', where: ['not (n = 1 and ok)'] }), [
      'SELECT "n" FROM "t" WHERE (("n" = ? AND "ok")) IS NOT TRUE ORDER BY "_rowid"',
      [1],
    ]);
    assert.deepEqual(sql({ select: 'n', where: ['ok', 'n is not null'] }), [
      'SELECT "n" FROM "t" WHERE "ok" IS TRUE AND "n" IS NOT NULL ORDER BY "_rowid"',
      [],
    ]);
  });

  it('compiles multivalued equality and IN as membership', () => {
    assert.deepEqual(sql({ select: 'n', where: ["tags = 'a'", "'b' in tags"] }), [
      'SELECT "n" FROM "t" WHERE EXISTS (SELECT 1 FROM json_each("tags") WHERE value = ?) AND ' +
        'EXISTS (SELECT 1 FROM json_each("tags") WHERE value = ?) ORDER BY "_rowid"',
      ['a', 'b'],
    ]);
  });

  it('compiles ranges and lists', () => {
    assert.deepEqual(sql({ select: 'n', where: ['n in ]1..5]', 'n in (1, 2)'] }), [
      'SELECT "n" FROM "t" WHERE ("n" > ? AND "n" <= ?) AND "n" IN (?, ?) ORDER BY "_rowid"',
      [1, 5, 1, 2],
    ]);
  });

  it('reads date literals in the time zone', () => {
    assert.deepEqual(sql({ select: 'n', where: ["ts >= date'2019-03'", "d < date'2019-03'"] }), [
      'SELECT "n" FROM "t" WHERE "ts" >= ? AND "d" < ? ORDER BY "_rowid"',
      [Date.UTC(2019, 2, 1), '2019-03-01'],
    ]);
    const [, params] = sql({
      select: 'n',
      where: ["ts >= date'2019-03'"],
      timezone: 'Europe/Paris',
    });
    assert.deepEqual(params, [Date.UTC(2019, 2, 1) - 3600000]);
    const t = Date.UTC(2019, 2, 1, 10);
    assert.deepEqual(sql({ select: 'n', where: ["ts = date'2019-03-01T12:00:00+02:00'"] }), [
      'SELECT "n" FROM "t" WHERE ("ts" >= ? AND "ts" < ?) ORDER BY "_rowid"',
      [t, t + 1000],
    ]);
    assert.deepEqual(sql({ select: 'n', where: ["ts = date'2019-03-01T10:00:00.000Z'"] }), [
      'SELECT "n" FROM "t" WHERE "ts" = ? ORDER BY "_rowid"',
      [t],
    ]);
  });

  it('rounds partial dates like Elasticsearch', () => {
    const y2019 = Date.UTC(2019, 0, 1);
    const y2020 = Date.UTC(2020, 0, 1);
    assert.deepEqual(
      sql({ select: 'n', where: ["ts > date'2019' and ts <= date'2019' and date'2019' < ts"] }),
      [
        'SELECT "n" FROM "t" WHERE (("ts" >= ? AND "ts" < ?) AND "ts" >= ?) ORDER BY "_rowid"',
        [y2020, y2020, y2020],
      ],
    );
    assert.deepEqual(
      sql({ select: 'n', where: ["d = date'2019'", "d in [date'2017'..date'2018']"] }),
      [
        'SELECT "n" FROM "t" WHERE ("d" >= ? AND "d" < ?) AND ("d" >= ? AND "d" < ?) ORDER BY "_rowid"',
        ['2019-01-01', '2020-01-01', '2017-01-01', '2019-01-01'],
      ],
    );
    assert.deepEqual(sql({ select: 'n', where: ["ts != date'2019'"] }), [
      'SELECT "n" FROM "t" WHERE ("ts" < ? OR "ts" >= ?) ORDER BY "_rowid"',
      [y2019, y2020],
    ]);
  });

  it('compiles refine date paths to half-open periods', () => {
    assert.deepEqual(sql({ select: 'n', refine: ['d:2019/12', 'ts:2019/12/31'] }), [
      'SELECT "n" FROM "t" WHERE ("d" >= ? AND "d" < ?) AND ("ts" >= ? AND "ts" < ?) ORDER BY "_rowid"',
      ['2019-12-01', '2020-01-01', Date.UTC(2019, 11, 31), Date.UTC(2020, 0, 1)],
    ]);
    assert.deepEqual(sql({ select: 'n', exclude: ['name:"a:b"', 'ok:true'] }), [
      'SELECT "n" FROM "t" WHERE ("name" = ?) IS NOT TRUE AND ("ok" = ?) IS NOT TRUE ORDER BY "_rowid"',
      ['a:b', 1],
    ]);
  });

  it('builds injection-proof FTS5 queries', () => {
    assert.deepEqual(sql({ select: 'n', where: ['"tree OR NEAR(x)" and name like \'a"b\''] }), [
      'SELECT "n" FROM "t" WHERE ("_rowid" IN (SELECT rowid FROM "t_fts" WHERE "t_fts" MATCH ?) AND ' +
        '"_rowid" IN (SELECT rowid FROM "t_fts" WHERE "t_fts" MATCH ?)) ORDER BY "_rowid"',
      ['"tree" "OR" "NEAR" "x"', '{name} : ("a" "b")'],
    ]);
    const [, params] = sql({ select: 'n', where: ["search(name, 'boul pa')", "suggest('ca')"] });
    assert.deepEqual(params, ['{name} : ("bou"* "pa"*)', '"ca"*']);
  });

  it('groups, aggregates and orders with nulls last', () => {
    const q = compileRecordsQuery(
      { select: 'year(d) as y, count(*) as c', groupBy: 'year(d) as y', orderBy: 'c desc, y' },
      SCHEMA,
      'sqlite',
    );
    const year = `CAST(strftime('%Y', "d") AS INTEGER)`;
    assert.equal(
      q.sql,
      `SELECT ${year}, count(*) FROM "t" GROUP BY ${year} ORDER BY count(*) DESC NULLS LAST, ${year} ASC NULLS LAST`,
    );
    assert.deepEqual(
      q.columns.map((c) => [c.key, c.type, c.positions]),
      [
        ['y', 'int', [0]],
        ['c', 'int', [1]],
      ],
    );
    assert.equal(q.aggregated, true);
  });

  it('uses the time-zone functions outside UTC', () => {
    assert.deepEqual(sql({ select: 'hour(ts)', timezone: 'Asia/Tokyo' }), [
      `SELECT dg_datepart("ts", ?, 'hour') FROM "t" ORDER BY "_rowid"`,
      ['Asia/Tokyo'],
    ]);
    assert.deepEqual(sql({ select: 'hour(ts)' }), [
      `SELECT CAST(strftime('%H', "ts" / 1000.0, 'unixepoch') AS INTEGER) FROM "t" ORDER BY "_rowid"`,
      [],
    ]);
  });

  it('divides as reals and keeps division by zero null', () => {
    assert.deepEqual(sql({ select: 'n / 2' }), [
      'SELECT (CAST("n" AS REAL) / ?) FROM "t" ORDER BY "_rowid"',
      [2],
    ]);
  });

  it('compiles the count query and the record lookup', () => {
    assert.deepEqual(
      compileCountQuery({ where: ['n > 1', ''], refine: ['name:a'] }, SCHEMA, 'sqlite'),
      {
        sql: 'SELECT count(*) FROM "t" WHERE "n" > ? AND "name" = ?',
        params: [1, 'a'],
      },
    );
    const q = compileRecordLookup('abc', { select: 'name' }, SCHEMA, 'sqlite');
    assert.equal(q.sql, 'SELECT "name" FROM "t" WHERE "_id" = ? LIMIT ?');
    assert.deepEqual(q.params, ['abc', 1]);
  });
});

describe('compiler (PostgreSQL)', () => {
  it('numbers placeholders, casts literals and binds booleans', () => {
    assert.deepEqual(
      sql({ select: 'n', where: ["name = 'a' and ok = true"], limit: 10 }, 'postgres'),
      [
        'SELECT "n" FROM "t" WHERE ("name" = $1::text AND "ok" = $2::boolean) ORDER BY "_rowid" LIMIT $3::bigint',
        ['a', true, 10],
      ],
    );
  });

  it('reuses one placeholder for equal values so GROUP BY matches the select list', () => {
    const q = compileRecordsQuery(
      { select: 'year(ts) as y, count(*)', groupBy: 'year(ts) as y', timezone: 'Europe/Paris' },
      SCHEMA,
      'postgres',
    );
    const year = 'EXTRACT(YEAR FROM ("ts" AT TIME ZONE $1))::int';
    assert.equal(q.sql, `SELECT ${year}, count(*) FROM "t" GROUP BY ${year}`);
    assert.deepEqual(q.params, ['Europe/Paris']);
  });

  it('never shares a placeholder between two SQL types', () => {
    const iso = '2019-01-01T00:00:00.000Z';
    const [text, params] = sql(
      { select: 'n', where: [`name = '${iso}' and ts < date'2019' and x > 10.0`], limit: 10 },
      'postgres',
    );
    assert.equal(
      text,
      'SELECT "n" FROM "t" WHERE (("name" = $1::text AND "ts" < $2::timestamptz) AND ' +
        '"x" > $3::double precision) ORDER BY "_rowid" LIMIT $4::bigint',
    );
    assert.deepEqual(params, [iso, iso, 10, 10]);
  });

  it('uses arrays for multivalued fields and tsquery for full text', () => {
    assert.deepEqual(sql({ select: 'n', where: ["tags = 'a'", '"big tree"'] }, 'postgres'), [
      `SELECT "n" FROM "t" WHERE $1::text = ANY("tags") AND "_fts" @@ ` +
        `(to_tsquery('simple', $2) || to_tsquery('french', $3)) ORDER BY "_rowid"`,
      ['a', "'big':D & 'tree':D", "'big':B & 'tree':B"],
    ]);
  });

  it('binds datetimes as ISO instants and divides safely', () => {
    assert.deepEqual(sql({ select: 'x / n', where: ["ts < date'2020'"] }, 'postgres'), [
      'SELECT ("x"::double precision / NULLIF("n", 0)) FROM "t" WHERE "ts" < $1::timestamptz ORDER BY "_rowid"',
      ['2020-01-01T00:00:00.000Z'],
    ]);
  });
});
