// docs/odsql.md lists every function of the ODSQL catalogue and every SQLite helper function.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { FUNCTIONS, SQLITE_FUNCTIONS } from '../../src/odsql/index.ts';

it('docs/odsql.md documents every ODSQL function', () => {
  const doc = readFileSync(new URL('../../docs/odsql.md', import.meta.url), 'utf8');
  const rows = new Set([...doc.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]));
  const missing = FUNCTIONS.filter((f) => !rows.has(f.name)).map((f) => f.name);
  assert.deepEqual(missing, []);
});

it('docs/odsql.md documents every SQLite helper function', () => {
  const doc = readFileSync(new URL('../../docs/odsql.md', import.meta.url), 'utf8');
  const missing = SQLITE_FUNCTIONS.filter((f) => !doc.includes(`\`${f.name}(`)).map((f) => f.name);
  assert.deepEqual(missing, []);
});
