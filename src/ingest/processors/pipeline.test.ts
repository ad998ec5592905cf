import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { PortalError } from '../../core/errors.ts';
import type { Field } from '../../core/field.ts';
import { makeField as field } from '../../core/field.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import { parseProcessors } from '../../core/processors.ts';
import { IssueLog } from '../issue-log.ts';
import { compile } from './pipeline.ts';

const INPUT: Field[] = [
  field('name', 'text'),
  field('code', 'text'),
  field('lat', 'double'),
  field('lon', 'text'),
  field('when', 'text'),
  field('tags', 'text'),
];

function run(configs: unknown, rows: unknown[][], fields: Field[] = INPUT) {
  const pipeline = compile(parseProcessors(configs), fields, { timeZone: 'Europe/Paris' });
  const issues = new IssueLog();
  const out = rows.map((row, i) => pipeline.apply([...row], i + 2, issues));
  return { pipeline, out, ...issues.result() };
}

function refusal(configs: unknown, fields: Field[] = INPUT): Record<string, unknown> {
  try {
    compile(parseProcessors(configs), fields);
  } catch (error) {
    assert.ok(error instanceof PortalError && error.code === 'DG_ERR_PROCESSOR_INVALID');
    return error.params;
  }
  return assert.fail('compiled');
}

const ROW = ['Le Relais', '47290', 44.48, '0,6', '22/03/2019 10:30', 'a| b |a'];

test('no processor: the records and fields pass through', () => {
  const { pipeline, out } = run([], [ROW]);
  assert.deepEqual(pipeline.fields, INPUT);
  assert.deepEqual(out, [ROW]);
});

test('rename, delete and retype shape the fields; values follow', () => {
  const { pipeline, out, issues } = run(
    [
      { type: 'rename', field: 'name', to: 'title', label: 'Title' },
      { type: 'delete', field: 'when' },
      { type: 'retype', field: 'code', to: 'int' },
      { type: 'retype', field: 'lat', to: 'text' },
    ],
    [ROW, ['x', '0123', null, null, null, null]],
  );
  assert.deepEqual(
    pipeline.fields.map((f) => [f.name, f.label, f.type]),
    [
      ['title', 'Title', 'text'],
      ['code', 'code', 'int'],
      ['lat', 'lat', 'text'],
      ['lon', 'lon', 'text'],
      ['tags', 'tags', 'text'],
    ],
  );
  assert.deepEqual(out[0], ['Le Relais', 47290, '44.48', '0,6', 'a| b |a']);
  assert.deepEqual(out[1], ['x', null, null, null, null]);
  assert.deepEqual(issues, [{ line: 3, field: 'code', reason: '"0123" is not an integer' }]);
});

test('set: constants, expressions, and a type to convert to', () => {
  const { pipeline, out, issues } = run(
    [
      { type: 'set', field: 'source', value: 'DGAL', label: 'Source' },
      { type: 'set', field: 'upper_name', expression: 'upper(name)' },
      { type: 'set', field: 'double_lat', expression: 'lat * 2' },
      { type: 'set', field: 'code_number', expression: 'code', fieldType: 'int' },
      { type: 'set', field: 'name', expression: "ifnull(name, 'unknown')" },
      { type: 'set', field: 'flag', value: 'true', fieldType: 'boolean' },
    ],
    [ROW, ['', 'AB', null, null, null, null].map((v) => (v === '' ? null : v))],
  );
  const added = pipeline.fields.slice(INPUT.length);
  assert.deepEqual(
    added.map((f) => [f.name, f.label, f.type]),
    [
      ['source', 'Source', 'text'],
      ['upper_name', 'upper_name', 'text'],
      ['double_lat', 'double_lat', 'double'],
      ['code_number', 'code_number', 'int'],
      ['flag', 'flag', 'boolean'],
    ],
  );
  assert.deepEqual(out[0]?.slice(INPUT.length), ['DGAL', 'LE RELAIS', 88.96, 47290, true]);
  assert.equal(out[1]?.[0], 'unknown');
  assert.deepEqual(out[1]?.slice(INPUT.length), ['DGAL', null, null, null, true]);
  assert.deepEqual(issues, [{ line: 3, field: 'code_number', reason: '"AB" is not an integer' }]);
});

test('split makes a multivalued field of trimmed, non-empty items', () => {
  const { pipeline, out } = run([{ type: 'split', field: 'tags', separator: '|' }], [ROW]);
  assert.deepEqual(pipeline.fields[5]?.annotations, { multivalued: ['|'] });
  assert.deepEqual(out[0]?.[5], ['a', 'b', 'a']);
});

test('geo points from latitude and longitude, and back', () => {
  const { pipeline, out, issues } = run(
    [
      { type: 'geo_point', latitude: 'lat', longitude: 'lon', to: 'position' },
      { type: 'split_geo_point', field: 'position', latitude: 'y' },
    ],
    [ROW, ['x', null, 95, '1', null, null], ['x', null, null, null, null, null]],
  );
  assert.deepEqual(
    pipeline.fields.slice(INPUT.length).map((f) => [f.name, f.type]),
    [
      ['position', 'geo_point_2d'],
      ['y', 'double'],
      ['position_lon', 'double'],
    ],
  );
  assert.deepEqual(out[0]?.slice(INPUT.length), [{ lat: 44.48, lon: 0.6 }, 44.48, 0.6]);
  assert.deepEqual(out[1]?.slice(INPUT.length), [null, null, null]);
  assert.deepEqual(out[2]?.slice(INPUT.length), [null, null, null]);
  assert.deepEqual(issues, [
    { line: 3, field: 'position', reason: 'latitude "95" is not within -90…90' },
  ]);
});

test('normalize_date reads a format in a time zone', () => {
  const { pipeline, out, issues } = run(
    [{ type: 'normalize_date', field: 'when', format: '%d/%m/%Y %H:%M' }],
    [ROW, ['x', null, null, null, '31/02/2019 10:00', null]],
  );
  assert.equal(pipeline.fields[4]?.type, 'datetime');
  assert.equal(out[0]?.[4], Date.UTC(2019, 2, 22, 9, 30));
  assert.equal(out[1]?.[4], null);
  assert.equal(issues[0]?.reason, '"31/02/2019 10:00" does not match the format "%d/%m/%Y %H:%M"');
  const dates = run(
    [{ type: 'normalize_date', field: 'when', format: 'dd/MM/yyyy HH:mm', to: 'date' }],
    [ROW],
  );
  assert.equal(dates.pipeline.fields[4]?.type, 'date');
  assert.equal(dates.out[0]?.[4], '2019-03-22');
});

test('skip drops the records an ODSQL condition matches; deduplicate keeps the first', () => {
  const rows = [
    ['a', '1', 1, null, null, null],
    ['b', '2', 2, null, null, null],
    ['a', '1', 3, null, null, null],
    ['c', '3', null, null, null, null],
    ['b', '2', 5, null, null, null],
  ];
  const { pipeline, out } = run(
    [
      { type: 'skip', where: 'lat is null or name = "c"' },
      { type: 'deduplicate', fields: ['name', 'code'] },
    ],
    rows,
  );
  assert.deepEqual(
    out.map((r) => r?.[2] ?? null),
    [1, 2, null, null, null],
  );
  assert.equal(pipeline.skipped, 3);
});

test('processors see the fields of the steps before them', () => {
  const { out } = run(
    [
      { type: 'rename', field: 'name', to: 'label' },
      { type: 'set', field: 'n', expression: 'length(label)' },
      { type: 'skip', where: 'n < 3' },
    ],
    [ROW, ['ab', null, null, null, null, null]],
  );
  assert.equal(out[0]?.[INPUT.length], 9);
  assert.equal(out[1], null);
});

test('errors name the processor, the option and the field', () => {
  assert.deepEqual(refusal([{ type: 'delete', field: 'nope' }]), {
    position: 1,
    processor: 'delete',
    option: 'field',
    detail: 'no field "nope" at this step',
  });
  const renamed = [{ type: 'rename', field: 'name', to: 'title' }];
  assert.equal(refusal([...renamed, { type: 'delete', field: 'name' }])['position'], 2);
  assert.equal(refusal([{ type: 'rename', field: 'name', to: 'code' }])['option'], 'to');
  const odsql = refusal([{ type: 'skip', where: 'count(*) > 1' }]);
  assert.equal(odsql['option'], 'where');
  assert.match(String(odsql['detail']), /count\(\) is not allowed in where/);
  assert.match(
    String(refusal([{ type: 'set', field: 'x', expression: 'nope + 1' }])['detail']),
    /Unknown field: nope/,
  );
  assert.equal(refusal([{ type: 'split', field: 'lat', separator: ',' }])['option'], 'field');
  assert.equal(
    refusal([{ type: 'geo_point', latitude: 'lat', longitude: 'lon', to: 'name' }])['option'],
    'to',
  );
  assert.equal(
    refusal([{ type: 'normalize_date', field: 'when', format: '%d/%m' }])['option'],
    'format',
  );
  assert.equal(
    refusal([{ type: 'normalize_date', field: 'lat', format: '%Y' }])['option'],
    'field',
  );
  assert.equal(
    refusal([{ type: 'set', field: 'x', value: 'abc', fieldType: 'int' }])['option'],
    'value',
  );
});

test('a pipeline returns rows of exactly its fields (property)', () => {
  const configs: ProcessorConfig[][] = [
    [{ type: 'delete', field: 'code' }],
    [
      { type: 'set', field: 'k', value: 1 },
      { type: 'delete', field: 'name' },
    ],
    [{ type: 'geo_point', latitude: 'lat', longitude: 'lon' }],
    [
      { type: 'split', field: 'tags', separator: '|' },
      { type: 'rename', field: 'tags', to: 't' },
    ],
  ];
  const cell = fc.option(fc.string({ maxLength: 8 }), { nil: null });
  const row = fc.tuple(
    cell,
    cell,
    fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: null }),
    cell,
    cell,
    cell,
  );
  fc.assert(
    fc.property(fc.constantFrom(...configs), row, (config, cells) => {
      const pipeline = compile(config, INPUT);
      const out = pipeline.apply([...cells], 2, new IssueLog());
      assert.equal(out?.length, pipeline.fields.length);
    }),
  );
});
