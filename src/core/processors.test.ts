import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PortalError } from './errors.ts';
import { parseProcessors } from './processors.ts';

function refusal(value: unknown): PortalError {
  try {
    parseProcessors(value);
  } catch (error) {
    assert.ok(error instanceof PortalError);
    assert.equal(error.code, 'DG_ERR_PROCESSOR_INVALID');
    return error;
  }
  assert.fail('accepted');
}

test('accepts every processor type and keeps the configuration as plain JSON', () => {
  const configs = [
    { type: 'rename', field: 'a', to: 'b', label: 'B' },
    { type: 'retype', field: 'b', to: 'int' },
    { type: 'delete', field: 'c' },
    { type: 'set', field: 'd', value: 'x' },
    { type: 'set', field: 'e', expression: 'upper(d)', label: 'E' },
    { type: 'split', field: 'f', separator: '|' },
    { type: 'geo_point', latitude: 'lat', longitude: 'lon', to: 'pos' },
    { type: 'split_geo_point', field: 'pos' },
    { type: 'normalize_date', field: 'g', format: '%d/%m/%Y', timezone: 'Europe/Paris' },
    { type: 'skip', where: "d = 'x'" },
    { type: 'deduplicate', fields: ['a', 'b', 'a'] },
    { type: 'admin_divisions', field: 'cp', code: 'postal_code', communeName: 'ville' },
  ];
  const parsed = parseProcessors(configs);
  assert.equal(parsed.length, configs.length);
  assert.deepEqual(JSON.parse(JSON.stringify(parsed)), parsed);
  assert.deepEqual(parsed[10], { type: 'deduplicate', fields: ['a', 'b'] });
  assert.equal((parsed[8] as { to: string }).to, 'datetime');
});

test('names the processor, the option and the reason', () => {
  const error = refusal([
    { type: 'delete', field: 'ok' },
    { type: 'rename', field: 'a', to: 'B C' },
  ]);
  assert.deepEqual(error.params, {
    position: 2,
    processor: 'rename',
    option: 'to',
    detail: '"B C" is not a field name (a-z, 0-9 and _, not starting with _, at most 100)',
  });
  assert.match(error.message, /^Processor 2 \(rename\), option "to": /);
});

test('refuses malformed configurations', () => {
  assert.equal(refusal({}).params['option'], 'processors');
  assert.equal(refusal([null]).params['option'], 'type');
  assert.equal(refusal([{ type: 'explode' }]).params['option'], 'type');
  assert.equal(refusal([{ type: 'delete' }]).params['option'], 'field');
  assert.equal(refusal([{ type: 'rename', field: 'a', to: '_id' }]).params['option'], 'to');
  assert.equal(refusal([{ type: 'delete', field: 'a', extra: 1 }]).params['option'], 'extra');
  assert.equal(refusal([{ type: 'retype', field: 'a', to: 'float' }]).params['option'], 'to');
  assert.equal(refusal([{ type: 'set', field: 'a' }]).params['option'], 'expression');
  assert.equal(
    refusal([{ type: 'set', field: 'a', value: 1, expression: 'b' }]).params['option'],
    'expression',
  );
  assert.equal(refusal([{ type: 'set', field: 'a', value: [1] }]).params['option'], 'value');
  assert.equal(
    refusal([{ type: 'split', field: 'a', separator: '' }]).params['option'],
    'separator',
  );
  const zone = refusal([
    { type: 'normalize_date', field: 'a', format: '%Y', timezone: 'Mars/Base' },
  ]);
  assert.equal(zone.params['option'], 'timezone');
  assert.equal(refusal([{ type: 'skip', where: ' ' }]).params['option'], 'where');
  assert.equal(refusal([{ type: 'deduplicate', fields: [] }]).params['option'], 'fields');
  const outputs = refusal([
    { type: 'admin_divisions', field: 'a', code: 'insee', outputs: { town: 'x' } },
  ]);
  assert.equal(outputs.params['option'], 'outputs');
  assert.equal(
    refusal([{ type: 'admin_divisions', field: 'a', code: 'siren' }]).params['option'],
    'code',
  );
});
