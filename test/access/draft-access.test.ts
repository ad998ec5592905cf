// Drafts (#8): an unpublished dataset is, to everyone but administrators and its editors, exactly
// a dataset that does not exist, on every read endpoint of the matrix (same status, body with the
// id swapped, caching headers) and in every catalog-wide answer (lists, counts, exports, pages,
// sitemap.xml). Its editors and administrators preview it, privately cached. Those granted the
// restricted dataset, or editing another one, see nothing. Runs on every engine of TEST_ENGINES.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { attachmentsDir } from '../../src/app.ts';
import { AttachmentFiles, CatalogService } from '../../src/catalog/index.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { importCsvFile } from '../../src/ingest/import-csv-file.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';
import type { AccessPortal, Caller } from './access-fixture.ts';
import { MISSING_ID, PUBLIC_ID, PUBLIC_TITLE, startAccessPortal } from './access-fixture.ts';
import { DATASET_ENDPOINTS, isPrivate, send, withoutCsrfToken } from './read-endpoints.ts';

const DRAFT_ID = 'draft_data';
const DRAFT_TITLE = 'Unreleased inspections';
const DRAFT_CSV = [
  'name;city;inspected;score;location',
  'New Place;Paris;2024-06-01;4;48.8566,2.3522',
  'Next Door;Lyon;2024-06-02;5;45.7640,4.8357',
  '',
].join('\r\n');

/** Administrators and the draft's editor (by session on the site, by any means on the API). */
function readsDraft(caller: Caller, surface: 'api' | 'site'): boolean {
  if (caller.account !== 'admin' && caller.account !== 'otherEditor') return false;
  return surface === 'api' || caller.via === 'session';
}

async function addDraft(fixture: AccessPortal): Promise<string> {
  const { engine, home, config } = fixture.portal;
  const file = join(home, 'draft.csv');
  writeFileSync(file, DRAFT_CSV);
  await importCsvFile(engine, { datasetId: DRAFT_ID, path: file, metas: emptyMetas(DRAFT_TITLE) });
  await engine.metadata.setPublished(DRAFT_ID, false);
  const notice = join(home, 'notice.txt');
  const catalog = new CatalogService(engine.metadata);
  await new AttachmentFiles(engine.metadata, catalog, attachmentsDir(config)).add(DRAFT_ID, notice);
  // The fixture's "other editor" edits the public dataset; now the draft too.
  const login = await engine.accounts.findLogin('other-editor@example.fr');
  await engine.accounts.setEditableDatasets(login!.user.id, [PUBLIC_ID, DRAFT_ID]);
  const admin = fixture.callers.find((c) => c.account === 'admin' && c.via === 'session')!;
  const found = await send(fixture, admin, {
    method: 'GET',
    url: `/api/records/1.0/search/?dataset=${DRAFT_ID}&rows=1`,
  });
  return (found.json() as { records: { recordid: string }[] }).records[0]!.recordid;
}

for (const engine of TEST_ENGINES) {
  describe(`drafts, every read endpoint and catalog-wide answer, on ${engine}`, () => {
    let fixture: AccessPortal;
    let recordId: string;
    before(async () => {
      fixture = await startAccessPortal(engine);
      recordId = await addDraft(fixture);
    });
    after(async () => fixture.portal.close());

    test('only administrators and its editors read a draft; to others it does not exist', async () => {
      const failures: string[] = [];
      const fail = (where: string, what: string) => failures.push(`${where}: ${what}`);
      for (const endpoint of DATASET_ENDPOINTS) {
        for (const caller of fixture.callers) {
          const where = `${endpoint.name} as ${caller.name}`;
          const draft = await send(fixture, caller, endpoint.call(DRAFT_ID, recordId));
          if (readsDraft(caller, endpoint.surface)) {
            if (draft.statusCode !== 200) fail(where, `reader answered ${draft.statusCode}`);
            if (!isPrivate(draft)) fail(where, 'a preview of a draft may be shared');
            continue;
          }
          const missing = await send(fixture, caller, endpoint.call(MISSING_ID, recordId));
          if (draft.statusCode !== 404) fail(where, `draft answered ${draft.statusCode}`);
          const swapped = missing.body.replaceAll(MISSING_ID, DRAFT_ID);
          if (withoutCsrfToken(draft.body) !== withoutCsrfToken(swapped)) {
            fail(where, `bodies differ: ${draft.body.slice(0, 200)} / ${swapped.slice(0, 200)}`);
          }
          for (const header of ['content-type', 'cache-control', 'vary', 'etag']) {
            if (draft.headers[header] !== missing.headers[header]) {
              fail(where, `${header}: ${draft.headers[header]} / ${missing.headers[header]}`);
            }
          }
        }
      }
      assert.deepEqual(failures, []);
    });

    test('catalog-wide answers list and count a draft only for its readers', async () => {
      const get = (caller: Caller, url: string) =>
        send(fixture, caller, { method: 'GET', url }, { 'accept-language': 'en' });
      for (const caller of fixture.callers) {
        const api = readsDraft(caller, 'api');
        const list = await get(caller, `/api/explore/v2.1/catalog/datasets?limit=100`);
        const ids = (list.json() as { results: { dataset_id: string }[] }).results.map(
          (r) => r.dataset_id,
        );
        assert.equal(ids.includes(DRAFT_ID), api, caller.name);
        assert.ok(ids.includes(PUBLIC_ID), caller.name);
        const v1 = await get(caller, '/api/datasets/1.0/search/?rows=100');
        assert.equal(v1.body.includes(DRAFT_ID), api, caller.name);
        for (const format of ['csv', 'json', 'rss', 'dcat']) {
          const exported = await get(caller, `/api/explore/v2.1/catalog/exports/${format}`);
          assert.equal(exported.body.includes(DRAFT_TITLE), api, `${format} as ${caller.name}`);
        }
        const site = readsDraft(caller, 'site');
        for (const path of ['/', '/explore/', '/sitemap/']) {
          const page = await get(caller, path);
          assert.ok(page.body.includes(PUBLIC_TITLE), `${path} as ${caller.name}`);
          assert.equal(page.body.includes(DRAFT_TITLE), site, `${path} as ${caller.name}`);
        }
        const sitemap = await get(caller, '/sitemap.xml');
        assert.ok(!sitemap.body.includes(DRAFT_ID), caller.name);
      }
    });

    test('published again, the dataset is back for everyone', async () => {
      await fixture.portal.engine.metadata.setPublished(DRAFT_ID, true);
      const anonymous = fixture.callers.find((c) => c.via === 'anonymous')!;
      const page = await send(fixture, anonymous, {
        method: 'GET',
        url: `/api/explore/v2.1/catalog/datasets/${DRAFT_ID}`,
      });
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], undefined);
      await fixture.portal.engine.metadata.setPublished(DRAFT_ID, false);
    });
  });
}
