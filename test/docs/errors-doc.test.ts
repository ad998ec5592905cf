import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { ERRORS } from '../../src/core/errors.ts';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

test('docs/errors.md has one section per registry error, and no other', () => {
  const documented = [...doc.matchAll(/^## (DG_ERR_[A-Z_]+)$/gm)].map((m) => m[1]);
  assert.deepEqual([...documented].sort(), Object.keys(ERRORS).sort());
});

test('each section states the status and ODS error code of its registry entry', () => {
  for (const [code, spec] of Object.entries(ERRORS)) {
    const section = doc.split(`## ${code}\n`)[1]?.split('\n## ')[0] ?? '';
    assert.match(section, new RegExp(`^\\s*${spec.status}, \`${spec.odsCode}\``), code);
  }
});
