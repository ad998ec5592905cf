import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { makeField as f } from '../../core/field.ts';
import type { DialectName, RecordsQueryInput } from '../index.ts';
import { OdsqlError, compileRecordsQuery } from '../index.ts';

const FIELDS = [f('name', 'text'), f('n', 'int')];

function compile(input: RecordsQueryInput, dialect: DialectName, language?: string) {
  return compileRecordsQuery(input, { table: 't', fields: FIELDS, language }, dialect);
}

describe('full-text languages and relevance()', () => {
  it('stems PostgreSQL queries in the dataset language, words kept apart by weight', () => {
    const fr = compile({ select: 'n', where: ['"films nouv*"'] }, 'postgres');
    assert.match(fr.sql, /to_tsquery\('simple', \$1\) \|\| to_tsquery\('french', \$2\)/);
    assert.deepEqual(fr.params, ["'films':D & 'nouv':*D", "'films':B & 'nouv':*B"]);
    const en = compile({ select: 'n', where: ['"films"'] }, 'postgres', 'en-GB');
    assert.match(en.sql, /to_tsquery\('english', \$2\)/);
    assert.deepEqual(en.params, ["'films':D", "'films':C"]);
    // A field list builds its document with the same language.
    const restricted = compile({ select: 'n', where: ['name like "x"'] }, 'postgres', 'en');
    assert.match(restricted.sql, /setweight\(to_tsvector\('english', /);
  });

  it('scores the full-text predicates of where, not those under NOT', () => {
    const q = compile(
      { select: 'relevance() as r', where: ['"a" and not "b"', 'search(name, "c")'] },
      'sqlite',
    );
    assert.equal(
      q.sql,
      'SELECT (coalesce((SELECT -bm25("t_fts") FROM "t_fts" WHERE "t_fts" MATCH ? AND rowid = ' +
        '"t"."_rowid"), 0) + coalesce((SELECT -bm25("t_fts") FROM "t_fts" WHERE "t_fts" MATCH ? ' +
        'AND rowid = "t"."_rowid"), 0)) FROM "t" WHERE ' +
        '("_rowid" IN (SELECT rowid FROM "t_fts" WHERE "t_fts" MATCH ?) AND ' +
        '("_rowid" IN (SELECT rowid FROM "t_fts" WHERE "t_fts" MATCH ?)) IS NOT TRUE) AND ' +
        '"_rowid" IN (SELECT rowid FROM "t_fts" WHERE "t_fts" MATCH ?) ORDER BY "_rowid"',
    );
    assert.deepEqual(q.params, ['"a"', '{name} : ("c"*)', '"a"', '"b"', '{name} : ("c"*)']);
    const pg = compile({ select: 'n', where: ['"a"'], orderBy: 'relevance()' }, 'postgres');
    assert.match(pg.sql, /ORDER BY ts_rank\('\{1, 0\.5, 0\.5, 0\}'::real\[\], "_fts", .*\) DESC/);
  });

  it('sorts descending by default, as written otherwise', () => {
    const order = (orderBy: string) =>
      compile({ select: 'n', where: ['"a"'], orderBy }, 'sqlite').sql.replace(/.* ORDER BY /, '');
    assert.match(order('relevance()'), /\) DESC NULLS LAST, "_rowid"$/);
    assert.match(order('relevance() asc'), /\) ASC NULLS LAST, "_rowid"$/);
    assert.match(order('+relevance()'), /\) ASC NULLS LAST, "_rowid"$/);
    assert.match(order('-relevance()'), /\) DESC NULLS LAST, "_rowid"$/);
    assert.match(order('n, relevance()'), /^"n" ASC NULLS LAST, .*\) DESC NULLS LAST/);
  });

  it('is a constant without full text, and only in select and order_by', () => {
    const q = compile(
      { select: 'relevance()', where: ['n > 1'], orderBy: 'relevance()' },
      'sqlite',
    );
    assert.equal(
      q.sql,
      'SELECT CAST(0 AS DOUBLE PRECISION) FROM "t" WHERE "n" > ? ' +
        'ORDER BY CAST(0 AS DOUBLE PRECISION) DESC NULLS LAST, "_rowid"',
    );
    for (const input of [
      { where: ['relevance() > 1'] },
      { groupBy: 'relevance()' },
      { select: 'relevance(1)' },
      { select: 'relevance(), count(*)' },
    ]) {
      assert.throws(() => compile(input, 'sqlite'), OdsqlError, JSON.stringify(input));
    }
    const max = compile({ select: 'max(relevance()) as m', where: ['"a"'] }, 'postgres');
    assert.match(max.sql, /^SELECT max\(ts_rank\(/);
  });
});
