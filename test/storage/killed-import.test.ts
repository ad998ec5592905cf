import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import { textIndexBuildPath } from '../../src/storage/sqlite/text-index-builder.ts';
import { SAMPLE_FIELDS, sampleRows } from '../helpers/sample-fields.ts';
import { openTempSqliteEngine } from '../helpers/temp-sqlite-engine.ts';

const CHILD = fileURLToPath(new URL('../helpers/import-until-killed.ts', import.meta.url));

/** Starts the child importer and resolves with its first line once it is loading. */
async function startImport(path: string, datasetId: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, datasetId], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`the importer ended early (${code})`)));
  });
  return { child, line };
}

test('a killed import leaves the previous version serving, and is cleaned up on reopen', async () => {
  const temp = await openTempSqliteEngine({ readers: 1 });
  try {
    await temp.engine.metadata.saveDataset({ id: 'killed', metas: emptyMetas('Killed') });
    const writer = await temp.engine.beginVersion({
      datasetId: 'killed',
      fields: SAMPLE_FIELDS,
      source: 'first.csv',
    });
    await writer.append(sampleRows(5));
    const first = await writer.commit();

    const { child, line } = await startImport(temp.path, 'killed');
    const [, versionId, table] = line.split(' ');
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    const buildFile = textIndexBuildPath(temp.path, table!);
    assert.ok(existsSync(buildFile), 'the full-text index was being built in its own file');

    const dataset = await temp.engine.metadata.getDataset('killed');
    assert.equal(dataset?.current?.id, first.id);
    assert.deepEqual(
      await temp.engine.query({ sql: `SELECT count(*) FROM "${first.table}"`, params: [] }),
      [[5]],
    );
    const loading = (await temp.engine.metadata.listVersions('killed'))[0];
    assert.equal(loading?.id, Number(versionId));
    assert.equal(loading?.status, 'loading');

    const engine = await temp.reopen();
    const [failed, current] = await engine.metadata.listVersions('killed');
    assert.equal(failed?.id, Number(versionId));
    assert.equal(failed?.status, 'failed');
    assert.match(failed?.error ?? '', /interrupted/);
    assert.equal(current?.status, 'ready');
    assert.equal((await engine.metadata.getDataset('killed'))?.current?.id, first.id);
    const tables = await engine.query({
      sql: `SELECT name FROM sqlite_schema WHERE name LIKE ?`,
      params: [`${table}%`],
    });
    assert.deepEqual(tables, [], 'the half-loaded table is dropped');
    assert.ok(!existsSync(buildFile), 'and the file of its full-text index removed');
    assert.deepEqual(
      await engine.query({ sql: `SELECT count(*) FROM "${first.table}"`, params: [] }),
      [[5]],
    );
  } finally {
    await temp.cleanup();
  }
});

test('reopening leaves alone a version that a live process is loading', async () => {
  const temp = await openTempSqliteEngine({ readers: 1 });
  try {
    await temp.engine.metadata.saveDataset({ id: 'live', metas: emptyMetas('Live') });
    const writer = await temp.engine.beginVersion({
      datasetId: 'live',
      fields: SAMPLE_FIELDS,
      source: null,
    });
    await writer.append(sampleRows(3));
    const engine = await temp.reopen();
    const [version] = await engine.metadata.listVersions('live');
    assert.equal(version?.status, 'loading', 'this process is alive: its load is kept');
  } finally {
    await temp.cleanup();
  }
});
