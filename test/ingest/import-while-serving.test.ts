// A large import runs in the background while the API keeps answering: ~200,000 generated
// Alim'confiance rows load through a job, and queries on another dataset are answered, each
// one while the job is still running, until it ends.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal } from '../helpers/test-portal.ts';

const ROWS = 200_000;
const GENERATOR = fileURLToPath(new URL('../../scripts/gen-alimconfiance.ts', import.meta.url));

let portal: TestPortal;

before(async () => {
  portal = await startTestPortal({ demo: true });
  mkdirSync(join(portal.home, 'uploads', 'big'), { recursive: true });
  const out = join(portal.home, 'uploads', 'big', 'big.csv');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', GENERATOR, '--rows', String(ROWS), '--out', out],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  await portal.engine.metadata.saveDataset({ id: 'big', metas: emptyMetas('Big') });
  await portal.engine.imports.saveSource({
    datasetId: 'big',
    kind: 'file',
    location: 'uploads/big/big.csv',
    fileName: 'big.csv',
    size: null,
    options: {},
    schedule: 'none',
    nextRunAt: null,
  });
});

after(() => portal.close());

test('API queries keep answering while a large CSV imports through a job', async () => {
  const job = await portal.services.imports.start({
    datasetId: 'big',
    trigger: 'upload',
    createdBy: null,
  });
  let answeredWhileRunning = 0;
  let sawProgress = false;
  for (;;) {
    const response = await portal.app.inject({
      method: 'GET',
      url: '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=5&where=search(%22restaurant%22)',
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().results.length, 5);
    const now = await portal.engine.imports.getJob(job.id);
    if (now?.state !== 'running') break;
    answeredWhileRunning++;
    if (now.rowsRead > 0 && now.rowsRead < ROWS) sawProgress = true;
    // A client over a socket gives the event loop a turn between requests; inject() does not, and
    // an answer from the result cache takes no turn either: without this, the loop would starve
    // the import it waits for.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await portal.services.imports.idle();
  const ended = await portal.engine.imports.getJob(job.id);
  assert.equal(ended?.state, 'succeeded', ended?.error ?? '');
  assert.equal(ended?.rowsRead, ROWS);
  assert.ok(answeredWhileRunning >= 3, `only ${answeredWhileRunning} answers during the import`);
  assert.ok(sawProgress, 'the job reported its progress while it ran');
});
