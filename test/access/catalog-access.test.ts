// The access matrix, catalog-wide answers (#6): for every caller of the matrix, the catalog
// (API v2.1 list, queries, aggregations, facet counts and every export format; API v1's dataset
// search and its facets; the home, catalog and site map pages) lists and counts the restricted
// dataset only for those who may read it, and sitemap.xml never does. Expected counts come from
// the fixture's own figures. Runs on every engine of TEST_ENGINES.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import JSZip from 'jszip';

import { TEST_ENGINES } from '../helpers/test-portal.ts';
import type { AccessPortal, Caller } from './access-fixture.ts';
import {
  PUBLIC_ID,
  PUBLIC_RECORDS,
  PUBLIC_TITLE,
  RESTRICTED_ID,
  RESTRICTED_RECORDS,
  RESTRICTED_THEME,
  RESTRICTED_TITLE,
  SHARED_THEME,
  readsRestricted,
  startAccessPortal,
} from './access-fixture.ts';
import { isPrivate, send, varyOf } from './read-endpoints.ts';

const CATALOG = '/api/explore/v2.1/catalog';
const CATALOG_FORMATS = ['csv', 'json', 'xlsx', 'rss', 'dcat', 'jsonld', 'ttl', 'rdf'];

interface FacetValue {
  name: string;
  count: number;
}

/** Every text file of a zip (an XLSX workbook), joined. */
async function zipText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  return texts.join('\n');
}

for (const engine of TEST_ENGINES) {
  describe(`access to the catalog, every catalog-wide answer, on ${engine}`, () => {
    let fixture: AccessPortal;
    before(async () => {
      fixture = await startAccessPortal(engine);
    });
    after(async () => fixture.portal.close());

    const get = (caller: Caller, url: string, headers: Record<string, string> = {}) =>
      send(fixture, caller, { method: 'GET', url }, headers);

    /** A catalog-wide answer depends on the caller: private when signed in, varying always. */
    function checkCaching(caller: Caller, response: { headers: Record<string, unknown> }) {
      const signedIn = caller.via === 'session' || caller.via.startsWith('apikey');
      const vary = varyOf(response as never);
      assert.ok(vary.includes('cookie') && vary.includes('authorization'), caller.name);
      if (signedIn) assert.ok(isPrivate(response as never), caller.name);
      else assert.equal(response.headers['cache-control'], undefined, caller.name);
    }

    test('API v2.1: lists, queries, aggregations and facet counts', async () => {
      for (const caller of fixture.callers) {
        const reads = readsRestricted(caller, 'api');
        const ids = reads ? [PUBLIC_ID, RESTRICTED_ID] : [PUBLIC_ID];
        const list = await get(caller, `${CATALOG}/datasets?order_by=dataset_id desc`);
        assert.equal(list.statusCode, 200, caller.name);
        checkCaching(caller, list);
        const body = list.json() as { total_count: number; results: { dataset_id: string }[] };
        assert.equal(body.total_count, ids.length, caller.name);
        assert.deepEqual(
          body.results.map((r) => r.dataset_id),
          ids,
          caller.name,
        );
        const plain = (await get(caller, `${CATALOG}/datasets`)).json() as typeof body;
        assert.equal(plain.total_count, ids.length, caller.name);

        const counted = await get(caller, `${CATALOG}/datasets?select=count(*) as n`);
        assert.deepEqual(counted.json(), { results: [{ n: ids.length }] }, caller.name);
        const records = await get(caller, `${CATALOG}/datasets?select=sum(records_count) as n`);
        const total = PUBLIC_RECORDS + (reads ? RESTRICTED_RECORDS : 0);
        assert.deepEqual(records.json(), { results: [{ n: total }] }, caller.name);
        const byId = await get(caller, `${CATALOG}/datasets?where=dataset_id="${RESTRICTED_ID}"`);
        assert.equal((byId.json() as typeof body).total_count, reads ? 1 : 0, caller.name);
        const searched = await get(caller, `${CATALOG}/datasets?where="Confidential"`);
        assert.equal((searched.json() as typeof body).total_count, reads ? 1 : 0, caller.name);

        const facets = await get(caller, `${CATALOG}/facets?facet=theme`);
        checkCaching(caller, facets);
        const groups = (facets.json() as { facets: { name: string; facets: FacetValue[] }[] })
          .facets;
        const themes = groups.find((g) => g.name === 'theme')?.facets ?? [];
        assert.deepEqual(
          themes.map((v) => [v.name, v.count]),
          reads
            ? [
                [SHARED_THEME, 2],
                [RESTRICTED_THEME, 1],
              ]
            : [[SHARED_THEME, 1]],
          caller.name,
        );
      }
    });

    test('API v2.1: every catalog export format', async () => {
      for (const caller of fixture.callers) {
        const reads = readsRestricted(caller, 'api');
        for (const format of CATALOG_FORMATS) {
          const where = `${format} as ${caller.name}`;
          const response = await get(caller, `${CATALOG}/exports/${format}`);
          assert.equal(response.statusCode, 200, where);
          checkCaching(caller, response);
          const text = format === 'xlsx' ? await zipText(response.rawPayload) : response.body;
          assert.ok(text.includes(PUBLIC_ID), where);
          assert.equal(text.includes(RESTRICTED_ID), reads, where);
          assert.equal(text.includes(RESTRICTED_TITLE), reads, where);
          if (format === 'json') {
            assert.equal((response.json() as unknown[]).length, reads ? 2 : 1, where);
          }
        }
      }
    });

    test('API v1: the dataset search, its count and its facets', async () => {
      for (const caller of fixture.callers) {
        const reads = readsRestricted(caller, 'api');
        const response = await get(caller, '/api/datasets/1.0/search/?facet=theme&rows=10');
        assert.equal(response.statusCode, 200, caller.name);
        checkCaching(caller, response);
        const body = response.json() as {
          nhits: number;
          datasets: { datasetid: string }[];
          facet_groups: { name: string; facets: FacetValue[] }[];
        };
        assert.equal(body.nhits, reads ? 2 : 1, caller.name);
        assert.deepEqual(
          body.datasets.map((d) => d.datasetid).sort(),
          reads ? [RESTRICTED_ID, PUBLIC_ID] : [PUBLIC_ID],
          caller.name,
        );
        const themes = body.facet_groups.find((g) => g.name === 'theme')?.facets ?? [];
        assert.equal(themes.find((v) => v.name === SHARED_THEME)?.count, reads ? 2 : 1);
        assert.equal(
          themes.some((v) => v.name === RESTRICTED_THEME),
          reads,
          caller.name,
        );
        const searched = await get(caller, '/api/datasets/1.0/search/?q=Confidential');
        assert.equal((searched.json() as typeof body).nhits, reads ? 1 : 0, caller.name);
      }
    });

    test('the site: home, catalog and site map pages; sitemap.xml lists public datasets only', async () => {
      const english = { 'accept-language': 'en' };
      for (const caller of fixture.callers) {
        const reads = readsRestricted(caller, 'site');
        const pages = ['/', '/explore/', `/explore/?refine.theme=${SHARED_THEME}`, '/sitemap/'];
        for (const path of pages) {
          const where = `${path} as ${caller.name}`;
          const page = await get(caller, path, english);
          assert.equal(page.statusCode, 200, where);
          assert.ok(page.body.includes(PUBLIC_TITLE), where);
          assert.equal(page.body.includes(RESTRICTED_TITLE), reads, where);
          assert.equal(page.body.includes(RESTRICTED_ID), reads, where);
          // The site map page names datasets, not themes.
          if (path !== '/sitemap/') {
            assert.equal(page.body.includes(RESTRICTED_THEME), reads, where);
          }
          const vary = varyOf(page);
          assert.ok(vary.includes('cookie') && vary.includes('authorization'), where);
          if (caller.via === 'session') assert.ok(isPrivate(page), where);
        }
        const count = reads ? '2 datasets' : '1 dataset';
        const home = await get(caller, '/', english);
        assert.match(home.body, new RegExp(`\\b${count}\\b`), caller.name);
        const records = PUBLIC_RECORDS + (reads ? RESTRICTED_RECORDS : 0);
        assert.match(home.body, new RegExp(`\\b${records} records\\b`), caller.name);
        const catalog = await get(caller, '/explore/', english);
        assert.match(catalog.body, new RegExp(`\\b${count}\\b`), caller.name);

        const sitemap = await get(caller, '/sitemap.xml');
        assert.equal(sitemap.statusCode, 200);
        assert.ok(sitemap.body.includes(`/explore/dataset/${PUBLIC_ID}/`), caller.name);
        assert.ok(!sitemap.body.includes(RESTRICTED_ID), caller.name);
      }
    });
  });
}
