import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import Database from 'better-sqlite3';

import { PROJECT_ROOT, runCli, startCli } from '../helpers/run-cli.ts';
import { getJson, startTestPortal } from '../helpers/test-portal.ts';

const DEMO_CSV = join(PROJECT_ROOT, 'data/demo/export_alimconfiance.csv');

function loadingRows(storePath: string): number {
  const db = new Database(storePath, { readonly: true, fileMustExist: true });
  try {
    const version = db
      .prepare("SELECT table_name FROM dataset_versions WHERE status = 'loading'")
      .get() as { table_name: string } | undefined;
    if (!version) return 0;
    const row = db.prepare(`SELECT count(*) AS n FROM "${version.table_name}"`).get() as {
      n: number;
    };
    return row.n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

test('an import killed with SIGKILL leaves the previous version serving', async () => {
  const home = mkdtempSync(join(tmpdir(), 'datagora-killed-'));
  const env = { DATAGORA_HOME: home };
  try {
    const first = runCli(['import', DEMO_CSV, '--id', 'export_alimconfiance'], env);
    assert.equal(first.status, 0, first.stderr);

    const big = join(home, 'big.csv');
    const generated = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/gen-alimconfiance.ts', '--rows', '600000', '--out', big],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    assert.equal(generated.status, 0, generated.stderr);

    const importing = startCli(['import', big, '--id', 'export_alimconfiance'], env);
    const store = join(home, 'datagora.sqlite');
    const deadline = Date.now() + 60_000;
    while (loadingRows(store) === 0) {
      assert.equal(importing.exitCode, null, 'the import ended before it could be killed');
      assert.ok(Date.now() < deadline, 'the import never started loading rows');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    importing.kill('SIGKILL');
    await once(importing, 'exit');

    const portal = await startTestPortal({ home });
    try {
      const { status, body } = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=0',
      );
      assert.equal(status, 200);
      assert.equal(body['total_count'], 15463);
      const versions = await portal.engine.metadata.listVersions('export_alimconfiance');
      assert.deepEqual(
        versions.map((v) => v.status).sort(),
        ['failed', 'ready'],
        'the killed version is marked failed when the store reopens',
      );
    } finally {
      await portal.close();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
