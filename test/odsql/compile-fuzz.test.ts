import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';

import { makeField as f } from '../../src/core/field.ts';
import { OdsqlError } from '../../src/odsql/errors.ts';
import type { DialectName, RecordsQueryInput } from '../../src/odsql/index.ts';
import { compileCountQuery, compileRecordsQuery } from '../../src/odsql/index.ts';
import { soupOf } from './soup.ts';

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

const soup = soupOf(['name', 'tags', 'n', 'x', 'ok', 'd', 'ts', 'geo', 'shape', '`n`'], 12);
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
