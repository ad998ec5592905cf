// The recorder on each engine, through the app: a full buffer drops hits and counts the drops
// without holding the request; the visitor salt changes with the day (one visitor, two days, two
// unrelated keys); counters past the retention period are deleted at the next flush.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const day = (d: string) => ({ from: `${d}T00:00:00.000Z`, to: nextDay(d) });

function nextDay(d: string): string {
  const next = new Date(`${d}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

async function home(portal: TestPortal, ip = '203.0.113.7') {
  const response = await portal.app.inject({
    method: 'GET',
    url: '/',
    remoteAddress: ip,
    headers: { 'user-agent': UA },
  });
  assert.equal(response.statusCode, 200);
}

function count(rows: { metric: string; kind: string; count: number }[], metric: string) {
  return rows.filter((r) => r.metric === metric).reduce((n, r) => n + Number(r.count), 0);
}

for (const engine of TEST_ENGINES) {
  describe(`audience recorder (${engine})`, () => {
    test('a full buffer drops hits and counts them', async () => {
      const now = new Date('2026-11-29T10:00:00.000Z');
      const portal = await startTestPortal({ engine, audience: { clock: () => now, capacity: 3 } });
      try {
        for (let i = 0; i < 5; i += 1) await home(portal);
        assert.deepEqual(portal.services.audience.recorder!.pending(), { hits: 3, dropped: 2 });
        await portal.services.audience.flush();
        const rows = await portal.engine.audience.totals(day('2026-11-29'));
        assert.equal(count(rows, 'request'), 3);
        assert.equal(count(rows, 'dropped'), 2);
        assert.deepEqual(portal.services.audience.recorder!.pending(), { hits: 0, dropped: 0 });
      } finally {
        await portal.close();
      }
    });

    test('the visitor salt changes with the day', async () => {
      let now = new Date('2026-11-29T23:30:00.000Z');
      const portal = await startTestPortal({ engine, audience: { clock: () => now } });
      try {
        const recorder = portal.services.audience.recorder!;
        await home(portal);
        await home(portal, '203.0.113.8'); // same /24, same agent: the same visitor
        const first = recorder.visitors.hash('203.0.113.7', UA);
        assert.equal(recorder.visitors.hash('203.0.113.7', UA), first);
        now = new Date('2026-11-30T00:10:00.000Z');
        await home(portal);
        const second = recorder.visitors.hash('203.0.113.7', UA);
        assert.notEqual(second, first);
        await portal.services.audience.flush();
        const visitors = await portal.engine.audience.visitors({
          from: '2026-11-29T00:00:00.000Z',
          to: '2026-12-01T00:00:00.000Z',
        });
        assert.deepEqual(visitors, [
          { day: '2026-11-29', visitors: 1 },
          { day: '2026-11-30', visitors: 1 },
        ]);
      } finally {
        await portal.close();
      }
    });

    test('counters past the retention period are deleted at the flush', async () => {
      const now = new Date('2026-11-29T10:00:00.000Z');
      const portal = await startTestPortal({
        engine,
        env: { DATAGORA_STATISTICS_RETENTION_MONTHS: '3' },
        audience: { clock: () => now },
      });
      try {
        const old = { metric: 'request', dataset: '', kind: 'page', detail: '', count: 5 };
        await portal.engine.audience.addCounts([
          { ...old, hour: '2026-08-28T09:00:00.000Z' }, // 3 months and a day ago: gone
          { ...old, hour: '2026-08-29T11:00:00.000Z' }, // within 3 months: kept
        ]);
        await portal.engine.audience.saveVisitors([
          { day: '2026-08-28', visitors: 4 },
          { day: '2026-08-30', visitors: 6 },
        ]);
        await home(portal);
        await portal.services.audience.flush();
        const all = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };
        const daily = await portal.engine.audience.daily(all);
        assert.deepEqual(
          daily.filter((d) => d.metric === 'request').map((d) => [d.day, Number(d.count)]),
          [
            ['2026-08-29', 5],
            ['2026-11-29', 1],
          ],
        );
        assert.deepEqual(
          (await portal.engine.audience.visitors(all)).map((v) => v.day),
          ['2026-08-30', '2026-11-29'],
        );
      } finally {
        await portal.close();
      }
    });

    test('the retention setting refuses more than 25 months', async () => {
      await assert.rejects(
        startTestPortal({ engine, env: { DATAGORA_STATISTICS_RETENTION_MONTHS: '26' } }),
        /DATAGORA_STATISTICS_RETENTION_MONTHS/,
      );
    });
  });
}
