// Caches and restricted datasets (#6): conditional GETs keep working for a caller who may read
// a restricted dataset, and a validator gets nothing out of the portal for anyone else; the
// portal's own caches (facet counts) answer only after the access check, so a grant revoked or
// a dataset restricted again takes effect on the next request.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { authServices } from '../../src/auth/index.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';
import type { AccessPortal, Caller } from './access-fixture.ts';
import { MISSING_ID, PUBLIC_ID, RESTRICTED_ID, startAccessPortal } from './access-fixture.ts';
import { isPrivate, send } from './read-endpoints.ts';

const RECORDS = (id: string) => `/api/explore/v2.1/catalog/datasets/${id}/records?limit=2`;
const FACETS = (id: string) =>
  `/api/explore/v2.1/catalog/datasets/${id}/facets?facet=city&refine=city:Paris`;

for (const engine of TEST_ENGINES) {
  describe(`caching and restricted datasets, on ${engine}`, () => {
    let fixture: AccessPortal;
    let caller: (name: string) => Caller;
    before(async () => {
      fixture = await startAccessPortal(engine);
      caller = (name) => fixture.callers.find((c) => c.name === name)!;
    });
    after(async () => fixture.portal.close());

    const get = (who: Caller, url: string, headers: Record<string, string> = {}) =>
      send(fixture, who, { method: 'GET', url }, headers);

    test('a reader revalidates a restricted answer (304); a validator opens nothing to others', async () => {
      const granted = caller('granted (session)');
      const first = await get(granted, RECORDS(RESTRICTED_ID));
      assert.equal(first.statusCode, 200);
      assert.ok(isPrivate(first));
      const etag = first.headers['etag'] as string;
      const lastModified = first.headers['last-modified'] as string;
      assert.ok(etag && lastModified);
      const again = await get(granted, RECORDS(RESTRICTED_ID), { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.ok(isPrivate(again), 'the 304 keeps the answer private');
      const byKey = await get(caller('granted (API key)'), RECORDS(RESTRICTED_ID), {
        'if-modified-since': lastModified,
      });
      assert.equal(byKey.statusCode, 304);

      for (const name of ['other (session)', 'anonymous', 'other (API key)']) {
        const who = caller(name);
        const missing = await get(who, RECORDS(MISSING_ID));
        const validators: Record<string, string>[] = [
          { 'if-none-match': etag },
          { 'if-modified-since': lastModified },
        ];
        for (const headers of validators) {
          const refused = await get(who, RECORDS(RESTRICTED_ID), headers);
          assert.equal(refused.statusCode, 404, name);
          assert.equal(refused.body, missing.body.replaceAll(MISSING_ID, RESTRICTED_ID), name);
          assert.equal(refused.headers['etag'], undefined, name);
        }
      }
    });

    test('public datasets keep their validators and no Cache-Control, for every caller', async () => {
      for (const name of ['anonymous', 'granted (session)', 'other (API key)']) {
        const first = await get(caller(name), RECORDS(PUBLIC_ID));
        assert.equal(first.statusCode, 200);
        assert.equal(first.headers['cache-control'], undefined, name);
        const etag = first.headers['etag'] as string;
        const again = await get(caller(name), RECORDS(PUBLIC_ID), { 'if-none-match': etag });
        assert.equal(again.statusCode, 304, name);
      }
    });

    test('a revoked grant and a dataset restricted again take effect at once, cached facets included', async () => {
      const { accounts } = authServices(
        fixture.portal.engine.accounts,
        fixture.portal.engine.metadata,
      );
      const granted = caller('granted (session)');
      const anonymous = caller('anonymous');
      const facets = await get(granted, FACETS(RESTRICTED_ID));
      assert.equal(facets.statusCode, 200);
      assert.equal((await get(granted, FACETS(RESTRICTED_ID))).body, facets.body, 'cached');

      await accounts.revokeGrant(RESTRICTED_ID, await accounts.findGrantee('granted@example.fr'));
      assert.equal((await get(granted, FACETS(RESTRICTED_ID))).statusCode, 404);
      assert.equal((await get(granted, RECORDS(RESTRICTED_ID))).statusCode, 404);
      const listed = await get(granted, '/api/explore/v2.1/catalog/datasets');
      assert.equal((listed.json() as { total_count: number }).total_count, 1);
      // A group member keeps the access the group's grant gives.
      assert.equal((await get(caller('member (session)'), FACETS(RESTRICTED_ID))).statusCode, 200);

      await accounts.setVisibility(RESTRICTED_ID, 'domain');
      const opened = await get(anonymous, FACETS(RESTRICTED_ID));
      assert.equal(opened.statusCode, 200);
      assert.equal(opened.headers['cache-control'], undefined, 'public now');
      await accounts.setVisibility(RESTRICTED_ID, 'restricted');
      assert.equal((await get(anonymous, FACETS(RESTRICTED_ID))).statusCode, 404);
      assert.equal((await get(granted, FACETS(RESTRICTED_ID))).statusCode, 404);
    });
  });
}
