import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeField as f } from '../core/field.ts';
import { isPortalError } from '../core/errors.ts';
import { OdsqlError } from './errors.ts';
import type { PlanInput } from './plan.ts';
import { planQuery } from './plan.ts';

const FIELDS = [
  f('name', 'text'),
  f('tags', 'text', { multivalued: [','] }),
  f('population', 'int'),
  f('score', 'double'),
  f('d', 'date'),
  f('ts', 'datetime'),
  f('geo', 'geo_point_2d'),
];

function fails(input: PlanInput, clause: string, start: number, detail: RegExp): void {
  assert.throws(
    () => planQuery(input, FIELDS),
    (e: unknown) => {
      assert.ok(e instanceof OdsqlError, String(e));
      assert.equal(e.clause, clause);
      assert.equal(e.start, start);
      assert.match(e.detail, detail);
      assert.ok(isPortalError(e));
      assert.equal(e.code, 'DG_ERR_ODSQL_SYNTAX');
      assert.equal(
        e.message,
        `ODSQL query is malformed: ${e.detail} Clause(s) containing the error(s): ${clause}.`,
      );
      return true;
    },
  );
}

describe('analyzer', () => {
  it('reports unknown fields with their clause and position', () => {
    fails(
      { where: ['population > 1 and town = 1'] },
      'where',
      19,
      /^Unknown field: town at position 19\.$/,
    );
    fails({ select: 'name, town' }, 'select', 6, /Unknown field: town/);
    fails({ orderBy: 'town desc' }, 'order_by', 0, /Unknown field: town/);
    fails({ groupBy: 'town' }, 'group_by', 0, /Unknown field: town/);
    fails({ refine: ['town:Paris'] }, 'refine', 0, /Unknown field: town/);
    fails({ exclude: ['`town`:Paris'] }, 'exclude', 0, /Unknown field: town/);
  });

  it('resolves other names of fields (aliases) to the same field', () => {
    const aliases = new Map([['default.population', 'population']]);
    const plan = planQuery(
      { select: 'default.population', where: ['default.population > 3'] },
      FIELDS,
      aliases,
    );
    assert.equal(plan.outputs.length, 1);
    assert.throws(() => planQuery({ select: 'default.population' }, FIELDS), OdsqlError);
  });

  it('checks functions: existence, clause, arity and argument types', () => {
    fails({ select: 'foo(name)' }, 'select', 0, /Unknown function: foo\(\)/);
    fails({ where: ['count(*) > 1'] }, 'where', 0, /count\(\) is not allowed in where/);
    fails({ select: 'year(d, ts)' }, 'select', 0, /Wrong number of arguments for year\(\)/);
    fails({ select: 'year(name)' }, 'select', 5, /year\(\) expects a date/);
    fails({ select: 'sum(name)' }, 'select', 4, /sum\(\) expects a number/);
    fails({ select: 'count(count(*))' }, 'select', 6, /Aggregates cannot be nested/);
    fails({ orderBy: 'percentile(score, 0)' }, 'order_by', 18, /percentile must be greater/);
    fails({ select: 'max(geo)' }, 'select', 4, /max\(\) expects a number/);
    fails({ where: ["within_distance(name, geom'POINT(1 2)', 1km)"] }, 'where', 16, /geo field/);
    fails({ where: ["within_distance(geo, geom'POINT(1 2)', 1)"] }, 'where', 39, /distance/);
  });

  it('checks operand types', () => {
    fails({ where: ["name + 1 = 'a'"] }, 'where', 0, /Expected a number/);
    fails({ where: ['population'] }, 'where', 0, /Expected a condition/);
    fails({ where: ['population > 1 and score'] }, 'where', 19, /Expected a condition/);
    fails({ where: ["geo = 'x'"] }, 'where', 0, /cannot be compared/);
    fails({ where: ["d > date'2019-13'"] }, 'where', 4, /Invalid date/);
    fails({ where: ["intersects(geo, geom'POLYGON((1 2, 3')"] }, 'where', 16, /Invalid geometry/);
  });

  it('requires non-aggregated select items to be grouped', () => {
    fails({ select: 'name, count(*)' }, 'select', 0, /name must be in group_by/);
    fails({ select: 'count(*)', groupBy: 'name', orderBy: 'score' }, 'order_by', 0, /aggregate/);
    fails(
      { select: 'name, count(*)', groupBy: 'name', orderBy: 'name, count(*) desc' },
      'order_by',
      6,
      /Aggregates must come first in order_by/,
    );
    assert.doesNotThrow(() =>
      planQuery({ select: 'name, count(*) as n', groupBy: 'name', orderBy: 'n desc' }, FIELDS),
    );
    assert.doesNotThrow(() =>
      planQuery({ select: 'y, count(*) + 1', groupBy: 'year(d) as y', orderBy: 'y' }, FIELDS),
    );
  });

  it('types outputs', () => {
    const plan = planQuery(
      {
        select:
          'count(*), avg(population), year(d), name as n, tags, count(*) / 2, sum(population)',
        groupBy: 'year(d), name, tags',
      },
      FIELDS,
    );
    assert.deepEqual(
      plan.outputs.map((o) => [o.key, o.type, o.multivalued]),
      [
        ['count(*)', 'int', false],
        ['avg(population)', 'double', false],
        ['year(d)', 'int', false],
        ['n', 'text', false],
        ['tags', 'text', true],
        ['count(*) / 2', 'double', false],
        ['sum(population)', 'int', false],
      ],
    );
    assert.equal(plan.aggregated, true);
  });

  it('resolves aliases in order_by before fields', () => {
    const plan = planQuery({ select: 'count(*) as population', orderBy: 'population' }, FIELDS);
    assert.equal(plan.aggregated, true);
    assert.equal(plan.orders.length, 1);
  });

  it('expands select patterns', () => {
    const plan = planQuery({ select: 'exclude(geo), exclude(t*)' }, FIELDS);
    assert.deepEqual(
      plan.outputs.map((o) => o.key),
      ['name', 'population', 'score', 'd'],
    );
    const only = planQuery({ select: 'include(s*), name' }, FIELDS);
    assert.deepEqual(
      only.outputs.map((o) => o.key),
      ['score', 'name'],
    );
  });
});
