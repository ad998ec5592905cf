// Backups with pg_dump, and closing an engine while a load is under way.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

import { emptyMetas } from '../../../src/core/dataset.ts';
import { PortalError } from '../../../src/core/errors.ts';
import type { Field } from '../../../src/core/field.ts';
import { openPostgresEngine } from '../../../src/storage/postgres/index.ts';
import { POSTGRES_URL, pgTest, testSchema } from './postgres-fixture.ts';

const schema = testSchema();
const FIELDS: Field[] = [
  { name: 'n', label: 'N', type: 'int', description: null, annotations: {} },
];
const directory = mkdtempSync(join(tmpdir(), 'dg-pg-backup-'));
after(() => rmSync(directory, { recursive: true, force: true }));

function hasPgDump(): boolean {
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

pgTest('backup writes a pg_dump archive of the schema', async (t) => {
  if (!hasPgDump()) {
    t.skip('pg_dump is not on the PATH');
    return;
  }
  const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
  try {
    await engine.metadata.saveDataset({ id: 'saved', metas: emptyMetas('Saved') });
    const writer = await engine.beginVersion({ datasetId: 'saved', fields: FIELDS, source: null });
    await writer.append([[1]]);
    const version = await writer.commit();
    const path = join(directory, 'portal.dump');
    await engine.backup(path);
    assert.ok(statSync(path).size > 0);
    const listing = execFileSync('pg_restore', ['--list', path], { encoding: 'utf8' });
    assert.match(listing, new RegExp(`TABLE DATA ${schema} datasets`));
    assert.match(listing, new RegExp(`TABLE DATA ${schema} ${version.table}`));
  } finally {
    await engine.close();
  }
});

pgTest('backup without pg_dump on the PATH says so', async () => {
  const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
  const path = process.env['PATH'];
  process.env['PATH'] = join(directory, 'empty');
  try {
    await assert.rejects(engine.backup(join(directory, 'never.dump')), (error: unknown) => {
      assert.ok(error instanceof PortalError);
      assert.equal(error.code, 'DG_ERR_STORAGE_UNAVAILABLE');
      assert.match(error.message, /needs pg_dump, which is not on the PATH/);
      return true;
    });
  } finally {
    process.env['PATH'] = path;
    await engine.close();
  }
});

pgTest('closing the engine aborts the loads under way', async () => {
  const engine = await openPostgresEngine({ url: POSTGRES_URL, schema });
  await engine.metadata.saveDataset({ id: 'closing', metas: emptyMetas('Closing') });
  const writer = await engine.beginVersion({ datasetId: 'closing', fields: FIELDS, source: null });
  await writer.append([[1]]);
  await engine.close();
  const other = await openPostgresEngine({ url: POSTGRES_URL, schema });
  try {
    const [version] = await other.metadata.listVersions('closing');
    assert.equal(version!.status, 'failed');
    assert.equal(version!.error, 'the storage engine closed');
    assert.equal((await other.metadata.getDataset('closing'))!.current, null);
  } finally {
    await other.close();
  }
});
