import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeField as f } from '../../core/field.ts';
import { compileCountQuery, compileRecordsQuery } from '../index.ts';

const SCHEMA = { table: 't', fields: [f('name', 'text'), f('ts', 'datetime'), f('n', 'int')] };

describe('volatile queries (rows that differ from one run to the next)', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`flags now() and an unseeded random() (${dialect})`, () => {
      const clock = { where: ['ts > now(days=-7)'] };
      const selected = { select: 'now() as t' };
      assert.equal(compileRecordsQuery(selected, SCHEMA, dialect).volatile, true);
      assert.equal(compileRecordsQuery(clock, SCHEMA, dialect).volatile, true);
      assert.equal(compileCountQuery(clock, SCHEMA, dialect).volatile, true);
      const shuffled = { orderBy: 'random()' };
      assert.equal(compileRecordsQuery(shuffled, SCHEMA, dialect).volatile, true);
    });

    it(`leaves stable queries unflagged (${dialect})`, () => {
      const stable = [
        { where: ["name = 'a'", "ts >= date'2024-01-01'"], orderBy: 'random(42)' },
        { select: 'count(*) as c', groupBy: 'year(ts)' },
        {},
      ];
      for (const input of stable) {
        assert.equal(compileRecordsQuery(input, SCHEMA, dialect).volatile, undefined);
        assert.equal(compileCountQuery(input, SCHEMA, dialect).volatile, undefined);
      }
    });
  }
});
