// State that several processes of one store share, seen through two engines opened on the same
// store (one SQLite file; one PostgreSQL schema), as two processes would open it: API quotas add
// up, settings saved by one are heard by the other (PostgreSQL's change feed), job leases.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DailyQuota } from '../../src/auth/index.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { PortalSettingsService } from '../../src/settings/index.ts';
import type { ChangeTopic, StorageEngine } from '../../src/storage/engine.ts';
import { openPostgresEngine } from '../../src/storage/postgres/index.ts';
import { openSqliteEngine } from '../../src/storage/sqlite/index.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';
import { testServices } from '../helpers/third-party-services.ts';
import { POSTGRES_URL, testSchema } from './postgres/postgres-fixture.ts';

const DEFAULTS = {
  portalName: 'Configured',
  languages: ['fr' as const, 'en' as const],
  defaultLanguage: 'fr' as const,
  stateIdentity: true,
  contactEmail: '',
  logo: null,
  dcatProfiles: {},
};

/** Resolves at the next change of `topic` the engine's feed hears. */
function nextChange(engine: StorageEngine, topic: ChangeTopic): Promise<void> {
  return new Promise((resolve) => {
    const stop = engine.changes.subscribe((heard) => {
      if (heard !== topic) return;
      stop();
      resolve();
    });
  });
}

for (const engineName of TEST_ENGINES) {
  describe(`two engines on one ${engineName} store`, () => {
    let one: StorageEngine;
    let two: StorageEngine;
    let dir: string | null = null;
    const schema = engineName === 'postgres' ? testSchema() : '';
    before(async () => {
      if (engineName === 'postgres') {
        one = await openPostgresEngine({ url: POSTGRES_URL, schema });
        two = await openPostgresEngine({ url: POSTGRES_URL, schema });
      } else {
        dir = mkdtempSync(join(tmpdir(), 'datagora-shared-'));
        one = await openSqliteEngine({ path: join(dir, 'portal.sqlite'), readers: 1 });
        two = await openSqliteEngine({ path: join(dir, 'portal.sqlite'), readers: 1 });
      }
    });
    after(async () => {
      await Promise.all([one.close(), two.close()]);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('a daily quota counts the calls made through both, and restarts the next day', async () => {
      let now = Date.UTC(2026, 10, 29, 23, 59);
      const first = new DailyQuota(3, one.quotas, () => now);
      const second = new DailyQuota(3, two.quotas, () => now);
      assert.equal((await first.take('ip:192.0.2.1')).remaining, 2);
      assert.equal((await second.take('ip:192.0.2.1')).remaining, 1);
      assert.equal((await first.take('ip:192.0.2.1')).allowed, true);
      const refused = await second.take('ip:192.0.2.1');
      assert.deepEqual(refused, {
        allowed: false,
        limit: 3,
        remaining: 0,
        resetEpoch: Date.UTC(2026, 10, 30) / 1000,
      });
      assert.equal((await first.take('ip:192.0.2.2')).remaining, 2, 'another caller');
      now = Date.UTC(2026, 10, 30, 0, 1);
      const fresh = await second.take('ip:192.0.2.1');
      assert.equal(fresh.allowed, true);
      assert.equal(fresh.remaining, 2);
      // The new day's first count deleted the day before: a call of that day starts from zero.
      assert.equal(await one.quotas.take('2026-11-29', 'probe'), 1);
    });

    test('a job lease is seen from the other engine while it is held', async () => {
      await one.metadata.saveDataset({ id: 'leased', metas: emptyMetas('leased') });
      const job = await one.imports.createJob({
        datasetId: 'leased',
        trigger: 'upload',
        createdBy: null,
      });
      const lease = await one.imports.takeLease(job.id);
      if (engineName === 'sqlite') {
        assert.equal(await two.imports.leaseState(job.id), 'none', 'the owner pid tells');
      } else {
        assert.equal(await two.imports.leaseState(job.id), 'held');
      }
      await lease.release();
      assert.equal(await two.imports.leaseState(job.id), engineName === 'sqlite' ? 'none' : 'free');
    });

    if (engineName === 'sqlite') {
      test('the change feed tells this engine only, and says so', async () => {
        assert.equal(one.changes.shared, false);
        const heard: ChangeTopic[] = [];
        const stop = two.changes.subscribe((topic) => heard.push(topic));
        const own = nextChange(one, 'settings');
        await one.settings.saveSettings({ portal_name: 'Here' });
        await own;
        stop();
        assert.deepEqual(heard, []);
      });
      return;
    }

    test('settings saved through one are heard by the other, whose copy is dropped', async () => {
      assert.equal(two.changes.shared, true);
      // A clock that never moves: only the change feed can make the copy go.
      const service = new PortalSettingsService(
        two.settings,
        DEFAULTS,
        5_000,
        () => 0,
        two.changes,
      );
      assert.equal((await service.current()).portalName, 'Configured');
      const heard = nextChange(two, 'settings');
      await one.settings.saveSettings({ portal_name: 'Saved elsewhere' });
      await heard;
      assert.equal((await service.current()).portalName, 'Saved elsewhere');
    });

    test('consent services and datasets changed through one are heard by the other', async () => {
      const consent = nextChange(two, 'consent');
      await one.consent.saveService(testServices('http://127.0.0.1:9')[1]!);
      await consent;
      const datasets = nextChange(two, 'datasets');
      await one.metadata.saveDataset({ id: 'heard', metas: emptyMetas('heard') });
      await datasets;
    });
  });
}
