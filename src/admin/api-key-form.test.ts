import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkApiKey } from './api-key-form.ts';

test('an API key form needs a known scope and, if any, a real day after today', () => {
  const ok = { label: 'ETL', scope: 'write', expires: '2030-01-31' };
  assert.deepEqual(checkApiKey(ok, '2026-11-29'), {});
  assert.deepEqual(checkApiKey({ ...ok, expires: '' }, '2026-11-29'), {});
  assert.equal(checkApiKey({ ...ok, scope: 'admin' }, '2026-11-29').scope?.key, 'bo.error.choice');
  assert.equal(
    checkApiKey({ ...ok, expires: '2030-02-30' }, '2026-11-29').expires?.key,
    'bo.keys.error.date',
  );
  assert.equal(
    checkApiKey({ ...ok, expires: 'tomorrow' }, '2026-11-29').expires?.key,
    'bo.keys.error.date',
  );
  assert.equal(
    checkApiKey({ ...ok, expires: '2026-11-29' }, '2026-11-29').expires?.key,
    'bo.keys.error.past',
  );
  assert.equal(
    checkApiKey({ ...ok, label: 'x'.repeat(201) }, '2026-11-29').label?.key,
    'bo.error.tooLong',
  );
});
