import assert from 'node:assert/strict';
import { test } from 'node:test';

import Database from 'better-sqlite3';

import { concatSql } from './line-values-sql.ts';
import { quoteText } from './quote.ts';

test('concatSql nests its calls past the arguments one call takes', () => {
  const db = new Database(':memory:');
  try {
    const parts = Array.from({ length: 2500 }, (_, i) => quoteText(`v${i}`));
    const expected = parts.map((_, i) => `v${i}`);
    const joined = db
      .prepare(`SELECT ${concatSql(parts)}`)
      .pluck()
      .get();
    assert.equal(joined, expected.join(''));
    const separated = db
      .prepare(`SELECT ${concatSql(parts, quoteText(';'))}`)
      .pluck()
      .get();
    assert.equal(separated, expected.join(';'));
    assert.equal(
      db
        .prepare(`SELECT ${concatSql([quoteText("l'été")], "'|'")}`)
        .pluck()
        .get(),
      "l'été",
    );
  } finally {
    db.close();
  }
});
