// A loaded version's indexes are built on a thread of their own (index-builder.ts): the serving
// thread keeps reading meanwhile, the background writes named to `deferWrites` wait for the end
// of the build (the builder holds the write lock), others run at once, and a statement that
// fails rejects the build with its reason. Two loads at once both end well (the first one large
// enough for its indexes to be built on the thread).

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import Database from 'better-sqlite3';

import { emptyMetas } from '../../src/core/dataset.ts';
import { IndexBuilds, deferWrites } from '../../src/storage/sqlite/index-builder.ts';
import { INDEX_THREAD_MIN_ROWS } from '../../src/storage/sqlite/version-writer.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const ROWS = 50_000;

function fileWithRows(): { dir: string; path: string; db: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'datagora-index-'));
  const path = join(dir, 'store.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, word TEXT, n INTEGER)');
  const insert = db.prepare('INSERT INTO t (word, n) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`w${(i * 7919) % ROWS}`, i % 97);
  })();
  return { dir, path, db };
}

test('the build runs beside the caller; deferred writes wait for its end', async () => {
  const { dir, path, db } = fileWithRows();
  try {
    const builds = new IndexBuilds();
    const seen: string[] = [];
    const store = deferWrites(
      {
        background: async () => void seen.push(`background, busy ${builds.busy}`),
        other: async () => void seen.push(`other, busy ${builds.busy}`),
      },
      ['background'],
      builds,
    );
    await store.background();
    const built = builds.build(path, [
      'CREATE INDEX t_word ON t (word)',
      'CREATE INDEX t_n ON t (n, word)',
    ]);
    assert.equal(builds.busy, true);
    const deferred = store.background();
    await store.other();
    // The caller's connection reads while the builder writes.
    assert.deepEqual(db.prepare('SELECT count(*) AS c FROM t').get(), { c: ROWS });
    await Promise.all([built, deferred]);
    assert.equal(builds.busy, false);
    assert.deepEqual(seen, [
      'background, busy false',
      'other, busy true',
      'background, busy false',
    ]);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name")
      .pluck()
      .all();
    assert.deepEqual(indexes, ['t_n', 't_word']);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a statement that fails rejects the build with its reason', async () => {
  const { dir, path, db } = fileWithRows();
  try {
    const builds = new IndexBuilds();
    await assert.rejects(
      builds.build(path, ['CREATE INDEX t_x ON t (no_such_column)']),
      /the indexes could not be built: .*no_such_column/,
    );
    assert.equal(builds.busy, false);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two loads at once: one builds its indexes while the other writes', async () => {
  const temp = await openTempSqliteEngine({ readers: 1 });
  try {
    for (const id of ['one', 'two']) {
      await temp.engine.metadata.saveDataset({ id, metas: emptyMetas(id) });
    }
    const one = await temp.engine.beginVersion({
      datasetId: 'one',
      fields: SAMPLE_FIELDS,
      source: null,
    });
    const two = await temp.engine.beginVersion({
      datasetId: 'two',
      fields: SAMPLE_FIELDS,
      source: null,
    });
    await one.append(sampleRows(INDEX_THREAD_MIN_ROWS));
    const committing = one.commit();
    for (let from = 0; from < 20_000; from += 1000) await two.append(sampleRows(1000, from));
    const [first, second] = await Promise.all([committing, two.commit()]);
    assert.deepEqual([first.recordsCount, second.recordsCount], [INDEX_THREAD_MIN_ROWS, 20_000]);
    assert.equal(first.status, 'ready');
    assert.equal(second.status, 'ready');
  } finally {
    await temp.cleanup();
  }
});
