// docs/odsql.md lists every function of the ODSQL catalogue.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { FUNCTIONS } from '../../src/odsql/index.ts';

it('docs/odsql.md documents every ODSQL function', () => {
  const doc = readFileSync(new URL('../../docs/odsql.md', import.meta.url), 'utf8');
  const rows = new Set([...doc.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]));
  const missing = FUNCTIONS.filter((f) => !rows.has(f.name)).map((f) => f.name);
  assert.deepEqual(missing, []);
});
