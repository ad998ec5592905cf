// The access matrix (#6): every read endpoint × every kind of caller (anonymous; another user,
// a user granted access, a member of a granted group, an administrator, the dataset's editor and
// an editor of another dataset, each by session; the API key of each, in the header and in the
// query) × {public dataset, restricted dataset}. Callers who may read the restricted dataset get
// it, privately cached; everyone else gets exactly the answer of a dataset that does not exist
// (status, body with the id swapped, caching headers), and catalog-wide answers neither list nor
// count it. Runs in full on every engine of TEST_ENGINES (SQLite, and PostgreSQL when a server
// answers).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_ENGINES } from '../helpers/test-portal.ts';
import type { AccessPortal } from './access-fixture.ts';
import {
  MISSING_ID,
  PUBLIC_ID,
  RESTRICTED_ID,
  readsRestricted,
  startAccessPortal,
} from './access-fixture.ts';
import { DATASET_ENDPOINTS, isPrivate, send, withoutCsrfToken } from './read-endpoints.ts';

const swap = (text: string) => text.replaceAll(MISSING_ID, RESTRICTED_ID);

for (const engine of TEST_ENGINES) {
  describe(`access to datasets, every read endpoint, on ${engine}`, () => {
    let fixture: AccessPortal;
    before(async () => {
      fixture = await startAccessPortal(engine);
    });
    after(async () => fixture.portal.close());

    test('the callers are who the fixture says they are', () => {
      const names = fixture.callers.map((c) => c.name);
      assert.equal(new Set(names).size, names.length);
      assert.ok(fixture.callers.filter((c) => readsRestricted(c, 'api')).length >= 8);
    });

    test('readers get both datasets; everyone else gets the missing dataset answer', async () => {
      const failures: string[] = [];
      const fail = (where: string, what: string) => failures.push(`${where}: ${what}`);
      for (const endpoint of DATASET_ENDPOINTS) {
        for (const caller of fixture.callers) {
          const where = `${endpoint.name} as ${caller.name}`;
          const open = await send(
            fixture,
            caller,
            endpoint.call(PUBLIC_ID, fixture.recordIds[PUBLIC_ID]!),
          );
          if (open.statusCode !== 200) fail(where, `public dataset answered ${open.statusCode}`);
          // Site pages carry a CSRF token, which makes them private; API answers stay cacheable.
          if (endpoint.surface === 'api' && open.headers['cache-control'] !== undefined) {
            fail(where, `public dataset answered Cache-Control ${open.headers['cache-control']}`);
          }
          const recordId = fixture.recordIds[RESTRICTED_ID]!;
          const closed = await send(fixture, caller, endpoint.call(RESTRICTED_ID, recordId));
          if (readsRestricted(caller, endpoint.surface)) {
            if (closed.statusCode !== 200) fail(where, `reader answered ${closed.statusCode}`);
            if (!isPrivate(closed)) {
              fail(where, `reader's answer not private: ${JSON.stringify(closed.headers)}`);
            }
            continue;
          }
          const missing = await send(fixture, caller, endpoint.call(MISSING_ID, recordId));
          if (missing.statusCode !== 404)
            fail(where, `missing dataset answered ${missing.statusCode}`);
          if (closed.statusCode !== missing.statusCode) {
            fail(where, `restricted ${closed.statusCode}, missing ${missing.statusCode}`);
          }
          if (withoutCsrfToken(closed.body) !== withoutCsrfToken(swap(missing.body))) {
            fail(
              where,
              `bodies differ: ${closed.body.slice(0, 200)} / ${missing.body.slice(0, 200)}`,
            );
          }
          for (const header of ['content-type', 'cache-control', 'vary', 'etag']) {
            if (closed.headers[header] !== missing.headers[header]) {
              fail(where, `${header}: ${closed.headers[header]} / ${missing.headers[header]}`);
            }
          }
          if (!isPrivate(closed)) fail(where, 'the not-found answer may be shared');
          if (
            endpoint.surface === 'api' &&
            !closed.body.includes(`Unknown dataset: ${RESTRICTED_ID}`)
          ) {
            fail(where, `not the dataset-not-found body: ${closed.body.slice(0, 200)}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  });
}
