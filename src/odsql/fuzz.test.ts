import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { makeField as f } from '../core/field.ts';
import { OdsqlError } from './errors.ts';
import type { DialectName, RecordsQueryInput } from './index.ts';
import { compileCountQuery, compileRecordsQuery } from './index.ts';

const SCHEMA = {
  table: 't',
  fields: [
    f('name', 'text', { hierarchical: ['/'] }),
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

const PIECES = [
  'name',
  'tags',
  'n',
  'x',
  'ok',
  'd',
  'ts',
  'geo',
  'shape',
  '`n`',
  'and',
  'or',
  'not',
  'in',
  'is',
  'null',
  'like',
  'as',
  'desc',
  'true',
  '=',
  '!=',
  '<',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '(',
  ')',
  ',',
  '[',
  ']',
  '..',
  ':',
  '1',
  '2.5',
  '10km',
  "'a'",
  '"b c"',
  "date'2019'",
  "date'2019-03-22T10:00Z'",
  "geom'POINT(1 2)'",
  "geom'POLYGON((0 0, 1 0, 1 1, 0 0))'",
  'count(',
  'sum(',
  'year(',
  'now(',
  'days=-1',
  'search(',
  'distance(',
  'within_distance(',
  'in_bbox(',
  'range(',
  'random(',
  'date_format(',
  "'yyyy'",
  'ifnull(',
  'percentile(',
  'distinct',
  'intersects(',
  'median(',
];

const soup = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 12 })
  .map((parts) => parts.join(' '));
const text = fc.oneof(
  soup,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

function onlyOdsqlErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof OdsqlError, `unexpected ${String(error)}`);
  }
}

describe('fuzz', () => {
  for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
    it(`throws nothing but OdsqlError on ${dialect}`, () => {
      fc.assert(
        fc.property(text, text, text, text, text, (select, where, groupBy, orderBy, refine) => {
          const input: RecordsQueryInput = {
            select,
            where: [where],
            groupBy,
            orderBy,
            refine: [refine],
            exclude: [`d:${refine}`],
            timezone: 'Europe/Paris',
          };
          onlyOdsqlErrors(() => compileRecordsQuery(input, SCHEMA, dialect));
          onlyOdsqlErrors(() => compileRecordsQuery({ where: [where] }, SCHEMA, dialect));
          onlyOdsqlErrors(() => compileRecordsQuery({ select: where }, SCHEMA, dialect));
          onlyOdsqlErrors(() => compileCountQuery({ where: [select] }, SCHEMA, dialect));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('keeps placeholders and parameters in step', () => {
    fc.assert(
      fc.property(soup, soup, (where, select) => {
        for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
          let q;
          try {
            q = compileRecordsQuery({ select, where: [where], limit: 5 }, SCHEMA, dialect);
          } catch {
            continue;
          }
          const marks = dialect === 'sqlite' ? (q.sql.match(/\?/g) ?? []).length : 0;
          if (dialect === 'sqlite') assert.equal(marks, q.params.length, q.sql);
          else {
            const used = new Set(q.sql.match(/\$\d+/g) ?? []);
            assert.equal(used.size, q.params.length, q.sql);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
