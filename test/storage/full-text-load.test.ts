// A load of more than FLUSH_ROWS records fills its full-text index in several steps as the records
// come (on a thread of its own, then copied in, the B-tree indexes built meanwhile): the index
// must be the one a rebuild would give.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { existsSync } from 'node:fs';

import Database from 'better-sqlite3';

import { emptyMetas } from '../../src/core/dataset.ts';
import { createIndexSqls } from '../../src/storage/sqlite/record-table.ts';
import { textIndexBuildPath } from '../../src/storage/sqlite/text-index-builder.ts';
import { FLUSH_ROWS } from '../../src/storage/sqlite/version-writer.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const COUNT = FLUSH_ROWS * 2 + 123;

test('a load in several full-text steps indexes every record once', async () => {
  const temp = await openTempSqliteEngine({ readers: 1 });
  try {
    await temp.engine.metadata.saveDataset({ id: 'big', metas: emptyMetas('Big') });
    const writer = await temp.engine.beginVersion({
      datasetId: 'big',
      fields: SAMPLE_FIELDS,
      source: null,
    });
    // Batches whose size is not a multiple of the rows per INSERT, to leave partial chunks.
    for (let from = 0; from < COUNT; from += 999) {
      await writer.append(sampleRows(Math.min(999, COUNT - from), from));
    }
    const version = await writer.commit();
    assert.equal(version.recordsCount, COUNT);
    // Built on its own thread, in its own file, then copied into the store.
    assert.ok(!existsSync(textIndexBuildPath(temp.path, version.table)), 'build file removed');

    const fts = `"${version.table}_fts"`;
    const count = async (match: string): Promise<unknown> =>
      (
        await temp.engine.query({
          sql: `SELECT count(*) FROM ${fts} WHERE ${fts} MATCH ?`,
          params: [match],
        })
      )[0]?.[0];
    assert.equal(await count('"lyon"'), Math.ceil(COUNT / 2));
    assert.equal(await count('{"city"} : ("nantes")'), Math.floor(COUNT / 2));
    assert.equal(await count('"cafe" "12345"'), 1, 'accents folded');
    assert.equal(await count(`"t${FLUSH_ROWS}"`), 1, 'the first record of a step');
    assert.equal(await count(`"t${COUNT - 1}"`), 1, 'the last record');
    assert.equal(await count('{"tags"} : ("a")'), COUNT);
    const ids = await temp.engine.query({
      sql: `SELECT count(*), count(DISTINCT "_rowid"), min("_rowid"), max("_rowid") FROM "${version.table}"`,
      params: [],
    });
    assert.deepEqual(ids, [[COUNT, COUNT, 1, COUNT]]);
    // The B-tree indexes, built while the full-text thread ended, are there too.
    const indexes = await temp.engine.query({
      sql: `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name`,
      params: [version.table],
    });
    const expected = createIndexSqls(version.table, SAMPLE_FIELDS).length;
    assert.ok(expected > 0);
    assert.equal(indexes.length, expected);

    const direct = new Database(temp.path);
    try {
      direct.exec(`INSERT INTO ${fts}(${fts}) VALUES ('integrity-check')`);
      // The same index rebuilt here in one go scores every match alike (bm25 reads the
      // documents' sizes and the averages the copy brought).
      direct.exec(
        `CREATE VIRTUAL TABLE "reference" USING fts5(name, city, tags, content="${version.table}", ` +
          `content_rowid="_rowid", tokenize="unicode61 remove_diacritics 2"); ` +
          `INSERT INTO "reference"("reference") VALUES ('rebuild')`,
      );
      for (const match of ['"lyon"', '"cafe" "1"*', '{"tags"} : ("t12"*)']) {
        const scores = (table: string) =>
          direct
            .prepare(
              `SELECT rowid, bm25(${table}) FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`,
            )
            .raw(true)
            .all(match);
        const built = scores(fts);
        assert.ok(built.length > 0, match);
        assert.deepEqual(built, scores('"reference"'), match);
      }
    } finally {
      direct.close();
    }
  } finally {
    await temp.cleanup();
  }
});

test('an aborted load stops building its full-text index and removes its file', async () => {
  const temp = await openTempSqliteEngine({ readers: 1 });
  try {
    await temp.engine.metadata.saveDataset({ id: 'dropped', metas: emptyMetas('Dropped') });
    const writer = await temp.engine.beginVersion({
      datasetId: 'dropped',
      fields: SAMPLE_FIELDS,
      source: null,
    });
    await writer.append(sampleRows(FLUSH_ROWS));
    const file = textIndexBuildPath(temp.path, writer.version.table);
    // The thread creates its file once started; more records meanwhile.
    for (let from = FLUSH_ROWS; !existsSync(file); from += 10) {
      await writer.append(sampleRows(10, from));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await writer.abort('stopped by the test');
    assert.ok(!existsSync(file));
    assert.equal(writer.version.status, 'failed');
    const tables = await temp.engine.query({
      sql: `SELECT name FROM sqlite_schema WHERE name LIKE ?`,
      params: [`${writer.version.table}%`],
    });
    assert.deepEqual(tables, []);
  } finally {
    await temp.cleanup();
  }
});
