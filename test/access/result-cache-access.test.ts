// The result cache and restricted datasets: the access check comes before the cache, so an
// answer kept for a reader never reaches a caller who may not read the dataset, and a grant
// revoked or a dataset restricted takes effect on the next request, answers kept or not.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { authServices } from '../../src/auth/index.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';
import type { AccessPortal, Caller } from './access-fixture.ts';
import {
  PUBLIC_ID,
  RESTRICTED_ID,
  RESTRICTED_RECORDS,
  startAccessPortal,
} from './access-fixture.ts';
import { send } from './read-endpoints.ts';

const V21 = '/api/explore/v2.1/catalog/datasets';
const URLS = (id: string) => [
  `${V21}/${id}/records?limit=2&where=score >= 1`,
  `${V21}/${id}/records?select=city, count(*) as n&group_by=city`,
  `${V21}/${id}/facets?facet=city&refine=city:Paris`,
  `${V21}/${id}/facets?facet=city&facet=inspected`,
  `/api/records/1.0/search/?dataset=${id}&rows=2&facet=city`,
];

const cacheOf = (timing: unknown) => /cache;desc=(\w+)/.exec(String(timing ?? ''))?.[1];

for (const engine of TEST_ENGINES) {
  describe(`result cache and restricted datasets (${engine})`, () => {
    let fixture: AccessPortal;
    let caller: (name: string) => Caller;
    before(async () => {
      fixture = await startAccessPortal(engine);
      caller = (name) => fixture.callers.find((c) => c.name === name)!;
    });
    after(async () => fixture.portal.close());

    const get = (who: Caller, url: string) => send(fixture, who, { method: 'GET', url });
    const stats = () => fixture.portal.services.records.cacheStats();

    test('what a reader’s requests kept never answers a caller without access', async () => {
      const granted = caller('granted (session)');
      for (const url of URLS(RESTRICTED_ID)) {
        const first = await get(granted, url);
        assert.equal(first.statusCode, 200, url);
        const again = await get(granted, url);
        assert.equal(again.body, first.body, url);
        assert.ok(['hit', 'stored'].includes(cacheOf(again.headers['server-timing'])!), url);
      }
      const records = JSON.parse((await get(granted, URLS(RESTRICTED_ID)[0]!)).body);
      assert.equal(records.total_count, RESTRICTED_RECORDS);

      const before = stats();
      for (const name of ['anonymous', 'other (session)', 'other (API key)']) {
        for (const url of URLS(RESTRICTED_ID)) {
          const refused = await get(caller(name), url);
          assert.equal(refused.statusCode, 404, `${name}: ${url}`);
          assert.equal(cacheOf(refused.headers['server-timing']), undefined, `${name}: ${url}`);
          assert.doesNotMatch(refused.body, /Secret Kitchen|Paris|Lille/, `${name}: ${url}`);
        }
      }
      assert.deepEqual(stats(), before, 'the cache was not even asked');
    });

    test('a revoked grant and a dataset restricted again take effect at once', async () => {
      const { accounts } = authServices(
        fixture.portal.engine.accounts,
        fixture.portal.engine.metadata,
      );
      const granted = caller('granted (session)');
      const anonymous = caller('anonymous');
      const [url] = URLS(RESTRICTED_ID);
      assert.equal((await get(granted, url!)).statusCode, 200);
      await accounts.revokeGrant(RESTRICTED_ID, await accounts.findGrantee('granted@example.fr'));
      assert.equal((await get(granted, url!)).statusCode, 404);

      const [open] = URLS(PUBLIC_ID);
      const kept = await get(anonymous, open!);
      assert.equal(kept.statusCode, 200);
      assert.equal(cacheOf((await get(anonymous, open!)).headers['server-timing']), 'hit');
      await accounts.setVisibility(PUBLIC_ID, 'restricted');
      assert.equal((await get(anonymous, open!)).statusCode, 404);
      assert.equal((await get(caller('other (API key)'), open!)).statusCode, 404);
      await accounts.setVisibility(PUBLIC_ID, 'domain');
      assert.equal((await get(anonymous, open!)).body, kept.body);
    });
  });
}
