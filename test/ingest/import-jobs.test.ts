// Background imports through jobs, on both engines: a file source loads and the job records the
// rows; a second import of the same dataset is refused while one runs; a failed import leaves
// the current version serving; jobs of a dead process are failed at start; remote sources are
// fetched from a local HTTP server (status, DNS-free refusal, size limit); a due refresh starts
// once even when two schedulers share the store, and applies the source's processors (dates
// read in the dataset's time zone).

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { emptyMetas } from '../../src/core/dataset.ts';
import { PortalError } from '../../src/core/errors.ts';
import { ImportJobs } from '../../src/ingest/import-jobs.ts';
import { RefreshScheduler } from '../../src/ingest/refresh-scheduler.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../helpers/test-portal.ts';

const DEMO = new URL('../../data/demo/export_alimconfiance.csv', import.meta.url);
const SMALL_CSV = 'Nom;Ville\nChez Paul;Lyon\nLe Zinc;Paris\n';

/** A local server: /small.csv, /missing.csv (404), /large.csv (more than the limit). */
async function startFileServer(): Promise<{ base: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url === '/small.csv') return response.end(SMALL_CSV);
    if (request.url === '/large.csv') return response.end('x;y\n'.repeat(10_000));
    response.statusCode = 404;
    response.end('not here');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

for (const engineName of TEST_ENGINES) {
  describe(`import jobs on ${engineName}`, () => {
    let portal: TestPortal;
    let files: Awaited<ReturnType<typeof startFileServer>>;
    const jobs = () => portal.services.imports;

    async function fileSource(datasetId: string, path: string): Promise<void> {
      const location = join('uploads', datasetId, 'source.csv');
      mkdirSync(join(portal.home, 'uploads', datasetId), { recursive: true });
      copyFileSync(path, join(portal.home, location));
      await portal.engine.metadata.saveDataset({ id: datasetId, metas: emptyMetas(datasetId) });
      await portal.engine.imports.saveSource({
        datasetId,
        kind: 'file',
        location,
        fileName: 'export.csv',
        size: null,
        options: {},
        schedule: 'none',
        nextRunAt: null,
      });
    }

    async function urlSource(datasetId: string, url: string, nextRunAt: string | null = null) {
      await portal.engine.metadata.saveDataset({ id: datasetId, metas: emptyMetas(datasetId) });
      await portal.engine.imports.saveSource({
        datasetId,
        kind: 'url',
        location: url,
        fileName: null,
        size: null,
        options: {},
        schedule: nextRunAt === null ? 'none' : 'hourly',
        nextRunAt,
      });
    }

    before(async () => {
      portal = await startTestPortal({
        engine: engineName,
        env: { DATAGORA_UPLOAD_MAX_BYTES: '5000000' },
      });
      files = await startFileServer();
    });
    after(async () => {
      await jobs().idle();
      await files.close();
      await portal.close();
    });

    test('a file source loads through a job; a second one waits for it to end', async () => {
      await fileSource('alim', new URL(DEMO).pathname);
      const job = await jobs().start({ datasetId: 'alim', trigger: 'upload', createdBy: 'u1' });
      assert.equal(job.state, 'running');
      await assert.rejects(
        jobs().start({ datasetId: 'alim', trigger: 'refresh', createdBy: 'u1' }),
        (error: unknown) => error instanceof PortalError && error.code === 'DG_ERR_IMPORT_BUSY',
      );
      await jobs().idle();
      const ended = await portal.engine.imports.getJob(job.id);
      assert.equal(ended?.state, 'succeeded', ended?.error ?? '');
      assert.equal(ended?.rowsRead, demoRows().length);
      assert.ok(ended?.versionId);
      const records = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/alim/records?limit=0',
      );
      assert.equal(records.body['total_count'], demoRows().length);
    });

    test('a failed import is recorded and the current version keeps serving', async () => {
      writeFileSync(join(portal.home, 'uploads', 'alim', 'source.csv'), '');
      const job = await jobs().start({ datasetId: 'alim', trigger: 'refresh', createdBy: null });
      await jobs().idle();
      const ended = await portal.engine.imports.getJob(job.id);
      assert.equal(ended?.state, 'failed');
      assert.match(ended?.error ?? '', /cannot be imported/);
      const records = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/alim/records?limit=0',
      );
      assert.equal(records.body['total_count'], demoRows().length);
    });

    test('lines that cannot be read are listed with their reason', async () => {
      const path = join(portal.home, 'bad-lines.csv');
      writeFileSync(path, 'a;b\n1;2\n3\n4;5;6\n7;8\n');
      await fileSource('lines', path);
      const job = await jobs().start({ datasetId: 'lines', trigger: 'upload', createdBy: null });
      await jobs().idle();
      const ended = await portal.engine.imports.getJob(job.id);
      assert.equal(ended?.state, 'succeeded');
      assert.equal(ended?.rowsRead, 2);
      assert.equal(ended?.rowsRejected, 2);
      assert.deepEqual(
        ended?.issues.map((issue) => issue.line),
        [3, 4],
      );
      for (const issue of ended?.issues ?? []) assert.ok(issue.reason.length > 0);
    });

    test('jobs left by a dead process are failed at start, live ones are not', async () => {
      await portal.engine.metadata.saveDataset({ id: 'orphan', metas: emptyMetas('orphan') });
      const dead = await portal.engine.imports.createJob({
        datasetId: 'orphan',
        trigger: 'upload',
        createdBy: null,
      });
      // A pid far above any the kernel hands out here.
      await portal.engine.imports.startJob(dead.id, `${hostname()}:2147483646`);
      await portal.engine.metadata.saveDataset({ id: 'alive', metas: emptyMetas('alive') });
      const alive = await portal.engine.imports.createJob({
        datasetId: 'alive',
        trigger: 'upload',
        createdBy: null,
      });
      await portal.engine.imports.startJob(alive.id, `${hostname()}:${process.ppid}`);
      // Where the engine keeps leases (PostgreSQL), a live process holds its job's.
      const lease = await portal.engine.imports.takeLease(alive.id);
      const other = new ImportJobs(portal.engine, {
        home: portal.home,
        maxBytes: 1000,
        fetchTimeoutMs: 1000,
      });
      assert.deepEqual(await other.recover(), [dead.id]);
      const failed = await portal.engine.imports.getJob(dead.id);
      assert.equal(failed?.state, 'failed');
      assert.match(failed?.error ?? '', /stopped before it ended/);
      assert.equal((await portal.engine.imports.getJob(alive.id))?.state, 'running');
      const later = Date.now() + 10 * 60_000;
      if (engineName === 'sqlite') {
        // Silent for longer than the stale delay, even a live owner's job is given up.
        assert.deepEqual(await other.recover(later), [alive.id]);
      } else {
        // A held lease outlives any silence; once free, the job is given up at once.
        assert.deepEqual(await other.recover(later), []);
        await lease.release();
        assert.deepEqual(await other.recover(), [alive.id]);
      }
      await lease.release();
    });

    test('a remote source is fetched, then imported; failures say why', async () => {
      await urlSource('remote', `${files.base}/small.csv`);
      const job = await jobs().start({ datasetId: 'remote', trigger: 'url', createdBy: null });
      await jobs().idle();
      const ended = await portal.engine.imports.getJob(job.id);
      assert.equal(ended?.state, 'succeeded', ended?.error ?? '');
      assert.equal(ended?.rowsRead, 2);
      assert.equal((await portal.engine.imports.getSource('remote'))?.size, SMALL_CSV.length);

      const failures: [string, RegExp][] = [
        [`${files.base}/missing.csv`, /HTTP 404/],
        [`http://127.0.0.1:${await closedPort()}/x.csv`, /refused the connection/],
      ];
      for (const [url, reason] of failures) {
        await urlSource('remote', url);
        const failing = await jobs().start({
          datasetId: 'remote',
          trigger: 'url',
          createdBy: null,
        });
        await jobs().idle();
        const failed = await portal.engine.imports.getJob(failing.id);
        assert.equal(failed?.state, 'failed');
        assert.match(failed?.error ?? '', reason);
      }
      const small = new ImportJobs(portal.engine, {
        home: portal.home,
        maxBytes: 1000,
        fetchTimeoutMs: 5000,
      });
      await urlSource('remote', `${files.base}/large.csv`);
      const large = await small.start({ datasetId: 'remote', trigger: 'url', createdBy: null });
      await small.idle();
      assert.match((await portal.engine.imports.getJob(large.id))?.error ?? '', /larger than/);
      // Whatever failed, the first fetch's records still serve.
      const records = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/remote/records?limit=0',
      );
      assert.equal(records.body['total_count'], 2);
    });

    test('a due refresh starts once with two schedulers on the store', async () => {
      const due = '2026-01-15T11:00:00.000Z';
      await urlSource('scheduled', `${files.base}/small.csv`, due);
      const second = new ImportJobs(portal.engine, {
        home: portal.home,
        maxBytes: 100_000,
        fetchTimeoutMs: 5000,
      });
      const schedulers = [
        new RefreshScheduler(portal.engine, jobs()),
        new RefreshScheduler(portal.engine, second),
      ];
      const now = new Date('2026-01-15T11:00:30.000Z');
      const started = await Promise.all(schedulers.map((s) => s.tick(now)));
      assert.deepEqual(started.flat(), ['scheduled']);
      await Promise.all([jobs().idle(), second.idle()]);
      const history = await portal.engine.imports.listJobs('scheduled', 10);
      assert.deepEqual(
        history.map((job) => [job.trigger, job.state]),
        [['schedule', 'succeeded']],
      );
      assert.equal(
        (await portal.engine.imports.getSource('scheduled'))?.nextRunAt,
        '2026-01-15T12:00:00.000Z',
      );
      assert.deepEqual(await schedulers[0]!.tick(now), []);
    });

    test('the processors read wall-clock dates in the dataset’s time zone', async () => {
      const path = join(portal.home, 'zoned.csv');
      writeFileSync(path, 'Quand;Lieu\n2024.02.03 12h00;Lyon\n');
      await fileSource('zoned', path);
      await portal.engine.metadata.saveDataset({
        id: 'zoned',
        metas: { ...emptyMetas('zoned'), timezone: 'Europe/Paris' },
      });
      await portal.engine.imports.saveProcessors('zoned', [
        { type: 'normalize_date', field: 'quand', format: '%Y.%m.%d %Hh%M' },
      ]);
      await jobs().start({ datasetId: 'zoned', trigger: 'refresh', createdBy: null });
      await jobs().idle();
      const records = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/zoned/records?select=quand',
      );
      const [record] = records.body.results ?? [];
      // Noon in Paris in winter is 11:00 UTC.
      assert.equal(Date.parse(String(record?.['quand'])), Date.UTC(2024, 1, 3, 11, 0));
    });

    test('a scheduled refresh applies the processors stored with the source', async () => {
      const due = '2026-01-15T11:00:00.000Z';
      await urlSource('processed', `${files.base}/small.csv`, due);
      await portal.engine.imports.saveProcessors('processed', [
        { type: 'skip', where: "ville = 'Paris'" },
        { type: 'rename', field: 'nom', to: 'name' },
        { type: 'set', field: 'ville_maj', expression: 'upper(ville)' },
      ]);
      const scheduler = new RefreshScheduler(portal.engine, jobs());
      assert.deepEqual(await scheduler.tick(new Date('2026-01-15T11:00:30.000Z')), ['processed']);
      await jobs().idle();
      const [job] = await portal.engine.imports.listJobs('processed', 1);
      assert.equal(job?.state, 'succeeded', job?.error ?? '');
      assert.equal(job?.rowsRead, 1);
      const records = await getJson(
        portal,
        '/api/explore/v2.1/catalog/datasets/processed/records?select=name,ville,ville_maj',
      );
      assert.deepEqual(records.body.results, [
        { name: 'Chez Paul', ville: 'Lyon', ville_maj: 'LYON' },
      ]);
    });
  });
}
