import assert from 'node:assert/strict';
import { test } from 'node:test';

import Database from 'better-sqlite3';

import { isPlainNumber } from '../../core/plain-number.ts';
import { concatSql, numberText } from './line-values-sql.ts';
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

test('a plain number is written unchecked as the checked path and String() write it', () => {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (r REAL, i INTEGER)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    const values = [48.858901, -2.131386, 0.0001, 1e15 - 1, 0.000123456789012345, 7.5, 100, 0];
    values.push(0.000023, -0.000006, 1e-5, 1e-6, 0.0000123456789012345, 0.00000999999999999999);
    // Values of several scales, plain or not: the plain ones must all agree.
    for (let i = 1; i < 2000; i++)
      values.push(i / 7, i * 1.1, i / 1e4, i / 1e8, (i * 12345.678) / 3);
    const plain = values.filter((value) => isPlainNumber(value));
    assert.ok(plain.length > 2000, `${plain.length} plain values`);
    for (const value of plain) insert.run(value, Number.isInteger(value) ? value : null);
    insert.run(null, null);
    const texts = (column: string, unchecked: boolean) =>
      db
        .prepare(`SELECT ${numberText(column, "'∅'", unchecked)} FROM t ORDER BY rowid`)
        .pluck()
        .all();
    const expected = [...plain.map(String), '∅'];
    assert.deepEqual(texts('r', true), expected);
    assert.deepEqual(texts('r', false), expected);
    const integers = [...plain.map((v) => (Number.isInteger(v) ? String(v) : '∅')), '∅'];
    assert.deepEqual(texts('i', true), integers);
  } finally {
    db.close();
  }
});
