// The audience measurement over real HTTP, on each engine: generated traffic gives exactly the
// expected hourly counters; opted-out, DNT and GPC visitors, assets and robots.txt are not
// counted; robots are counted apart; nothing identifying reaches any table of the store.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { serializePreferences } from '../../src/core/consent.ts';
import type { AudienceTotal } from '../../src/storage/audience-store.ts';
import { storeText } from '../helpers/store-text.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const NOW = new Date('2026-11-29T10:15:00.000Z');
const DAY = { from: '2026-11-29T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };
const DS = 'export_alimconfiance';

const FIREFOX =
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 UaMark-a-9f3';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 UaMark-b-9f3';
const SCRIPT = 'python-requests/2.31.0 UaMark-c-9f3';
const GOOGLEBOT =
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) UaMark-r-9f3';
const OPTED = 'Mozilla/5.0 (Windows NT 10.0) Firefox/128.0 UaMark-o-9f3';
const DNT_UA = 'Mozilla/5.0 (Windows NT 10.0) Firefox/128.0 UaMark-d-9f3';
const GPC_UA = 'Mozilla/5.0 (Windows NT 10.0) Firefox/128.0 UaMark-g-9f3';
const REFERRER = 'https://www.example.org/articles/food?utm_source=secret-token';

const A = { ip: '203.0.113.7', ua: FIREFOX };
const A2 = { ip: '203.0.113.99', ua: FIREFOX }; // the same visitor once the address is truncated
const B = { ip: '198.51.100.23', ua: IPHONE };
const C = { ip: '192.0.2.41', ua: SCRIPT };
const R = { ip: '192.0.2.200', ua: GOOGLEBOT };

const OPT_OUT = serializePreferences({
  policyVersion: 1,
  decidedAt: '2026-11-01T00:00:00.000Z',
  consentId: 'abcdefghijklmnop0123',
  services: {},
  statisticsOptOut: true,
});

function key(row: Omit<AudienceTotal, 'count'>): string {
  return [row.metric, row.dataset, row.kind, row.detail].join('|');
}

function asMap(rows: AudienceTotal[]): Map<string, number> {
  return new Map(rows.map((row) => [key(row), Number(row.count)]));
}

for (const engine of TEST_ENGINES) {
  describe(`audience statistics over HTTP (${engine})`, () => {
    let portal: TestPortal;
    const get = async (
      who: { ip: string; ua: string },
      url: string,
      headers: Record<string, string> = {},
    ) =>
      portal.app.inject({
        method: 'GET',
        url,
        remoteAddress: who.ip,
        headers: { 'user-agent': who.ua, ...headers },
      });

    before(async () => {
      portal = await startTestPortal({ demo: true, engine, audience: { clock: () => NOW } });
    });
    after(async () => portal?.close());

    test('traffic gives exactly the expected counters, and nothing identifying is stored', async () => {
      const page = `/explore/dataset/${DS}/`;
      const records = `/api/explore/v2.1/catalog/datasets/${DS}/records?limit=2`;
      const search = (q: string) =>
        `/api/records/1.0/search/?dataset=${DS}&q=${encodeURIComponent(q)}`;
      assert.equal((await get(A, page, { referer: REFERRER })).statusCode, 200);
      assert.equal((await get(A2, page)).statusCode, 200);
      assert.equal((await get(B, `${page}table/`)).statusCode, 200);
      assert.equal((await get(C, records)).statusCode, 200);
      assert.equal((await get(A, records, { 'sec-fetch-site': 'same-origin' })).statusCode, 200);
      const hits: number[] = [];
      for (const [who, q] of [
        [C, 'Pizza'],
        [C, 'pizza'],
        [A, '  PIZZA '],
        [C, 'Zzqxw'],
      ] as const) {
        const response = await get(who, search(q));
        assert.equal(response.statusCode, 200);
        hits.push(Number(response.json().nhits));
      }
      assert.equal((await get(C, `/explore/dataset/${DS}/download/?format=csv`)).statusCode, 200);
      const exportUrl = `/api/explore/v2.1/catalog/datasets/${DS}/exports/json?limit=3`;
      assert.equal((await get(C, exportUrl)).statusCode, 200);
      assert.equal((await get(B, '/explore/dataset/no_such_dataset/')).statusCode, 404);
      // Robots, apart.
      assert.equal((await get(R, '/')).statusCode, 200);
      assert.equal((await get(R, '/api/explore/v2.1/catalog/datasets')).statusCode, 200);
      // Not counted at all.
      const optedOut = { ip: '203.0.113.50', ua: OPTED };
      await get(optedOut, '/', { cookie: `cookies_preferences=${encodeURIComponent(OPT_OUT)}` });
      await get(optedOut, records, {
        cookie: `cookies_preferences=${encodeURIComponent(OPT_OUT)}`,
      });
      await get({ ip: '203.0.113.51', ua: DNT_UA }, '/', { dnt: '1' });
      await get({ ip: '203.0.113.52', ua: GPC_UA }, '/explore/', { 'sec-gpc': '1' });
      await get(A, '/static/dsfr/dsfr.min.css');
      await get(A, '/robots.txt');

      await portal.services.audience.recorder!.flush({ endOfDay: true });

      const pizza = hits[0]! > 0 ? 'found' : 'empty';
      const rare = hits[3]! > 0 ? 'found' : 'empty';
      const expected = new Map<string, number>([
        ['request||page|', 3],
        ['request||api|', 7],
        ['request||download|', 1],
        ['request||error|', 1],
        ['robot||page|', 1],
        ['robot||api|', 1],
        [`page_view|${DS}|dataset-information|`, 2],
        [`page_view|${DS}|dataset-table|`, 1],
        ['device||desktop|', 2],
        ['device||mobile|', 1],
        ['referrer|||www.example.org', 1],
        [`api_call|${DS}|v2.1/records|json`, 2],
        [`api_call|${DS}|v1/search|json`, 4],
        [`api_call|${DS}|v2.1/exports|json`, 1],
        [`api_source|${DS}|other|`, 6],
        [`api_source|${DS}|site|`, 1],
        [`download|${DS}|download-url|csv`, 1],
        [`download|${DS}|v2.1-export|json`, 1],
        ['error||4xx|404', 1],
      ]);
      const bump = (k: string, n: number) => expected.set(k, (expected.get(k) ?? 0) + n);
      bump(`search|${DS}|records|${pizza}`, 3);
      bump(`search|${DS}|records|${rare}`, 1);
      bump(`${pizza === 'empty' ? 'search_term_empty' : 'search_term'}|${DS}|records|pizza`, 3);
      bump(`${rare === 'empty' ? 'search_term_empty' : 'search_term'}|${DS}|records|(other)`, 1);
      assert.deepEqual(asMap(await portal.engine.audience.totals(DAY)), expected);
      assert.deepEqual(await portal.engine.audience.visitors(DAY), [
        { day: '2026-11-29', visitors: 2 }, // A (and A2), B; C only called the API
      ]);

      const { tables, text } = await storeText(portal);
      assert.ok(tables.includes('audience_counts') && tables.includes('audience_visitors'));
      assert.ok(text.includes('www.example.org'), 'the dump does see the counters');
      for (const secret of [
        '203.0.113',
        '198.51.100',
        '192.0.2.',
        FIREFOX,
        IPHONE,
        SCRIPT,
        GOOGLEBOT,
        'UaMark-a-9f3',
        'UaMark-b-9f3',
        'UaMark-c-9f3',
        'UaMark-r-9f3',
        'UaMark-o-9f3',
        'UaMark-d-9f3',
        'UaMark-g-9f3',
        'secret-token',
        '/articles/food',
        'zzqxw',
      ]) {
        assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), `${secret} is not stored`);
      }
    });
  });
}
