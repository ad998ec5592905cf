import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import Database from 'better-sqlite3';

import { emptyMetas } from '../../src/core/dataset.ts';
import { openSqliteEngine } from '../../src/storage/sqlite/index.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

test('a backup taken while serving opens and holds the data', async () => {
  const temp = await openTempSqliteEngine({ readers: 2 });
  try {
    await temp.engine.metadata.saveDataset({ id: 'saved', metas: emptyMetas('Saved') });
    const writer = await temp.engine.beginVersion({
      datasetId: 'saved',
      fields: SAMPLE_FIELDS,
      source: null,
    });
    await writer.append(sampleRows(20_000));
    const version = await writer.commit();

    const target = join(temp.dir, 'backups', 'copy.sqlite');
    const queries = Array.from({ length: 20 }, () =>
      temp.engine.query({ sql: `SELECT count(*) FROM "${version.table}"`, params: [] }),
    );
    await temp.engine.backup(target);
    for (const rows of await Promise.all(queries)) assert.deepEqual(rows, [[20_000]]);

    const db = new Database(target, { readonly: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal(db.prepare(`SELECT count(*) FROM "${version.table}"`).pluck().get(), 20_000);
    db.close();

    const copy = await openSqliteEngine({ path: target, readers: 1 });
    try {
      const dataset = await copy.metadata.getDataset('saved');
      assert.equal(dataset?.current?.id, version.id);
      assert.deepEqual(
        await copy.query({
          sql: `SELECT count(*) FROM "${version.table}_fts" WHERE "${version.table}_fts" MATCH ?`,
          params: ['cafe'],
        }),
        [[20_000]],
      );
    } finally {
      await copy.close();
    }
  } finally {
    await temp.cleanup();
  }
});
