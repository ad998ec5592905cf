// The ImportStore contract, on both engines: a dataset's source is created then replaced, its
// processors saved on their own and kept across replacements; one queued or running job per
// dataset (the store refuses a second one); a job moves queued → running → ended once; a
// scheduled run is claimed by one caller only.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import { PortalError } from '../../src/core/errors.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const success = {
  state: 'succeeded' as const,
  rowsRead: 10,
  rowsRejected: 1,
  issues: [{ line: 4, reason: 'expected 3 columns, found 2' }],
  issueCount: 1,
  versionId: null,
  error: null,
};

for (const engineName of TEST_ENGINES) {
  describe(`import store on ${engineName}`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine: engineName });
      for (const id of ['alpha', 'beta']) {
        await portal.engine.metadata.saveDataset({ id, metas: emptyMetas(id) });
      }
    });
    after(() => portal.close());
    const store = () => portal.engine.imports;

    test('a source is saved, then replaced', async () => {
      assert.equal(await store().getSource('alpha'), null);
      const first = await store().saveSource({
        datasetId: 'alpha',
        kind: 'file',
        location: 'uploads/alpha.csv',
        fileName: 'Export Alpha.csv',
        size: 1234,
        options: { separator: ';' },
        schedule: 'none',
        nextRunAt: null,
      });
      assert.equal(first.kind, 'file');
      assert.deepEqual(first.options, { separator: ';' });
      assert.equal(first.size, 1234);
      assert.ok(!Number.isNaN(Date.parse(first.updatedAt)));
      const second = await store().saveSource({
        ...first,
        kind: 'url',
        location: 'http://127.0.0.1:9/data.csv',
        fileName: 'data.csv',
        options: {},
        schedule: '0 6 * * 1',
        nextRunAt: '2026-01-05T06:00:00.000Z',
      });
      assert.equal(second.kind, 'url');
      assert.equal(second.schedule, '0 6 * * 1');
      assert.equal(second.nextRunAt, '2026-01-05T06:00:00.000Z');
      assert.deepEqual(await store().getSource('alpha'), second);
    });

    test('processors are saved on their own and kept when the source is replaced', async () => {
      assert.equal(await store().saveProcessors('beta', [{ type: 'delete', field: 'x' }]), null);
      const before = (await store().getSource('alpha'))!;
      assert.deepEqual(before.processors, []);
      const processors = [
        { type: 'rename' as const, field: 'nom', to: 'name', label: 'Nom' },
        { type: 'skip' as const, where: "ville = 'Lyon'" },
      ];
      const saved = await store().saveProcessors('alpha', processors);
      assert.deepEqual(saved?.processors, processors);
      assert.equal(saved?.location, before.location);
      const replaced = await store().saveSource({ ...before, location: 'uploads/other.csv' });
      assert.deepEqual(replaced.processors, processors);
      assert.deepEqual((await store().getSource('alpha'))!.processors, processors);
      await store().saveProcessors('alpha', []);
      assert.deepEqual((await store().getSource('alpha'))!.processors, []);
    });

    test('a due run is claimed by one caller only', async () => {
      const due = '2026-01-05T06:00:00.000Z';
      assert.deepEqual(
        (await store().dueSources('2026-01-05T05:59:59.999Z')).map((s) => s.datasetId),
        [],
      );
      assert.deepEqual(
        (await store().dueSources('2026-01-05T06:00:00.000Z')).map((s) => s.datasetId),
        ['alpha'],
      );
      const next = '2026-01-12T06:00:00.000Z';
      const claims = await Promise.all([
        store().claimScheduledRun('alpha', due, next),
        store().claimScheduledRun('alpha', due, next),
      ]);
      assert.deepEqual(claims.sort(), [false, true]);
      assert.equal((await store().getSource('alpha'))!.nextRunAt, next);
    });

    test('one active job per dataset; a job runs and ends once', async () => {
      const job = await store().createJob({
        datasetId: 'alpha',
        trigger: 'upload',
        createdBy: 'u1',
      });
      assert.equal(job.state, 'queued');
      assert.equal(job.createdBy, 'u1');
      await assert.rejects(
        store().createJob({ datasetId: 'alpha', trigger: 'refresh', createdBy: null }),
        (error: unknown) => error instanceof PortalError && error.code === 'DG_ERR_IMPORT_BUSY',
      );
      const other = await store().createJob({ datasetId: 'beta', trigger: 'url', createdBy: null });
      assert.deepEqual(
        (await store().activeJobs()).map((j) => j.id),
        [job.id, other.id],
      );
      const running = await store().startJob(job.id, 'host:123');
      assert.equal(running?.state, 'running');
      assert.equal(running?.owner, 'host:123');
      assert.equal(await store().startJob(job.id, 'host:456'), null);
      await store().reportProgress(job.id, 5000, 2);
      const progressed = await store().getJob(job.id);
      assert.equal(progressed?.rowsRead, 5000);
      assert.equal(progressed?.rowsRejected, 2);
      const ended = await store().finishJob(job.id, success);
      assert.equal(ended?.state, 'succeeded');
      assert.deepEqual(ended?.issues, success.issues);
      assert.ok(ended?.endedAt);
      assert.equal(await store().finishJob(job.id, { ...success, state: 'failed' }), null);
      // Ended, the dataset takes a new job.
      const again = await store().createJob({
        datasetId: 'alpha',
        trigger: 'refresh',
        createdBy: null,
      });
      assert.deepEqual(
        (await store().listJobs('alpha', 10)).map((j) => [j.id, j.state]),
        [
          [again.id, 'queued'],
          [job.id, 'succeeded'],
        ],
      );
    });
  });
}
