import assert from 'node:assert/strict';
import { test } from 'node:test';

import Database from 'better-sqlite3';

import { keepStatements } from './statement-cache.ts';

function connection(limit?: number): Database.Database {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x')");
  keepStatements(db, limit);
  return db;
}

test('the same text gives the statement compiled before', () => {
  const db = connection();
  const first = db.prepare('SELECT a, b FROM t');
  assert.equal(db.prepare('SELECT a, b FROM t'), first);
  assert.notEqual(db.prepare('SELECT b FROM t'), first);
  db.close();
});

test('a statement comes back in its default mode, whatever its last caller turned on', () => {
  const db = connection();
  assert.equal(db.prepare('SELECT a, b FROM t').pluck().get(), 1);
  assert.deepEqual(db.prepare('SELECT a, b FROM t').get(), { a: 1, b: 'x' });
  assert.deepEqual(db.prepare('SELECT a, b FROM t').raw().get(), [1, 'x']);
  assert.deepEqual(db.prepare('SELECT a, b FROM t').get(), { a: 1, b: 'x' });
  assert.deepEqual(db.prepare('SELECT a, b FROM t').expand().get(), { t: { a: 1, b: 'x' } });
  assert.deepEqual(db.prepare('SELECT a, b FROM t').get(), { a: 1, b: 'x' });
  // Statements that return no data have no mode, and are kept too.
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  assert.equal(db.prepare('INSERT INTO t VALUES (?, ?)'), insert);
  insert.run(2, 'y');
  db.close();
});

test('past the bound, the least recently used statement is compiled again', () => {
  const db = connection(2);
  const a = db.prepare('SELECT a FROM t');
  const b = db.prepare('SELECT b FROM t');
  assert.equal(db.prepare('SELECT a FROM t'), a, 'a used again: b is now the oldest');
  db.prepare('SELECT a, b FROM t');
  assert.equal(db.prepare('SELECT a FROM t'), a);
  assert.notEqual(db.prepare('SELECT b FROM t'), b);
  db.close();
});

test('a statement over a table dropped and made again still runs', () => {
  const db = connection();
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM t').get(), { n: 1 });
  db.exec('DROP TABLE t; CREATE TABLE t (a INTEGER, b TEXT)');
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM t').get(), { n: 0 });
  db.close();
});
