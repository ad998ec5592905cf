// The export cache and restricted datasets: access is checked before the cache is asked, so a
// file kept from a reader's export never reaches a caller who may not read the dataset, and a
// revoked grant takes effect on the next export, file kept or not.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { authServices } from '../../src/auth/index.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';
import type { AccessPortal, Caller } from './access-fixture.ts';
import { RESTRICTED_ID, startAccessPortal } from './access-fixture.ts';
import { send } from './read-endpoints.ts';

const URLS = [
  `/api/explore/v2.1/catalog/datasets/${RESTRICTED_ID}/exports/csv`,
  `/api/explore/v2.1/catalog/datasets/${RESTRICTED_ID}/exports/json?select=name`,
  `/explore/dataset/${RESTRICTED_ID}/download/?format=csv`,
];

for (const engine of TEST_ENGINES) {
  describe(`export cache and restricted datasets (${engine})`, () => {
    let fixture: AccessPortal;
    let caller: (name: string) => Caller;
    before(async () => {
      // Every file is kept, however small.
      fixture = await startAccessPortal(engine, { DATAGORA_EXPORT_CACHE_MIN_KB: '0' });
      caller = (name) => fixture.callers.find((c) => c.name === name)!;
    });
    after(async () => fixture.portal.close());

    const get = (who: Caller, url: string) => send(fixture, who, { method: 'GET', url });
    const kept = () =>
      readdirSync(join(fixture.portal.home, 'exports')).filter((n) =>
        n.startsWith(`${RESTRICTED_ID}~`),
      );

    test('a kept export never answers a caller without access', async () => {
      const granted = caller('granted (session)');
      for (const url of URLS) {
        const first = await get(granted, url);
        assert.equal(first.statusCode, 200, url);
        assert.equal(first.headers['x-datagora-export-cache'], 'miss', url);
        const again = await get(granted, url);
        assert.equal(again.headers['x-datagora-export-cache'], 'hit', url);
        assert.equal(again.body, first.body, url);
        assert.equal(again.headers['cache-control'], 'private', url);
      }
      assert.equal(kept().length, URLS.length);
      for (const name of ['anonymous', 'other (session)', 'other (API key)', 'other (?apikey=)']) {
        for (const url of URLS) {
          const refused = await get(caller(name), url);
          assert.equal(refused.statusCode, 404, `${name}: ${url}`);
          assert.equal(refused.headers['x-datagora-export-cache'], undefined, `${name}: ${url}`);
          assert.doesNotMatch(refused.body, /Secret Kitchen|Hidden Bakery/, `${name}: ${url}`);
        }
      }
    });

    test('a revoked grant takes effect on the next export, the file kept', async () => {
      const { accounts } = authServices(
        fixture.portal.engine.accounts,
        fixture.portal.engine.metadata,
      );
      const granted = caller('granted (API key)');
      const [url] = URLS;
      assert.equal((await get(granted, url!)).headers['x-datagora-export-cache'], 'hit');
      await accounts.revokeGrant(RESTRICTED_ID, await accounts.findGrantee('granted@example.fr'));
      const refused = await get(granted, url!);
      assert.equal(refused.statusCode, 404);
      assert.doesNotMatch(refused.body, /Secret Kitchen/);
      // A member of the group still granted reads the same kept file.
      const member = await get(caller('member (session)'), url!);
      assert.equal(member.statusCode, 200);
      assert.equal(member.headers['x-datagora-export-cache'], 'hit');
    });
  });
}
