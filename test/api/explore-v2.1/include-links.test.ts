// include_links and include_app_metas on the catalog, a dataset and its records.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const V21 = '/api/explore/v2.1';
const DATASET = `${V21}/catalog/datasets/export_alimconfiance`;

type Link = { href: string; rel: string };

function byRel(links: unknown): Map<string, URL> {
  return new Map((links as Link[]).map((l) => [l.rel, new URL(l.href)]));
}

for (const engine of TEST_ENGINES)
  describe(`include_links and include_app_metas (${engine})`, () => {
    let portal: TestPortal;
    let base: string;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      base = portal.config.baseUrl;
    });
    after(async () => portal.close());

    test('without include_links, no answer carries _links', async () => {
      for (const url of [`${V21}/catalog/datasets`, DATASET, `${DATASET}/records?limit=2`]) {
        const { status, body } = await getJson(portal, url);
        assert.equal(status, 200);
        assert.ok(!JSON.stringify(body).includes('"_links"'), url);
      }
      const off = await getJson(portal, `${DATASET}/records?limit=2&include_links=False`);
      assert.equal(off.body['_links'], undefined);
    });

    test('records: self, first, last and next pages, and each record links to itself', async () => {
      const total = demoRows().length;
      const { status, body } = await getJson(
        portal,
        `${DATASET}/records?include_links=true&limit=5&offset=5&where=true&select=siret`,
      );
      assert.equal(status, 200);
      assert.equal(body['total_count'], total);
      const links = byRel(body['_links']);
      assert.deepEqual([...links.keys()], ['self', 'first', 'last', 'next']);
      const path = `/api/explore/v2.1/catalog/datasets/export_alimconfiance/records`;
      for (const url of links.values()) {
        assert.equal(url.origin + url.pathname, `${base}${path}`);
        assert.equal(url.searchParams.get('select'), 'siret', 'the other parameters are kept');
        assert.equal(url.searchParams.get('include_links'), 'true');
      }
      assert.equal(links.get('self')?.searchParams.get('offset'), '5');
      assert.equal(links.get('first')?.searchParams.get('offset'), '0');
      assert.equal(links.get('next')?.searchParams.get('offset'), '10');
      // Pages only reach the first 10,000 records, as ODS's paging window.
      const lastOffset = Math.floor((Math.min(total, 10_000) - 1) / 5) * 5;
      assert.equal(links.get('last')?.searchParams.get('offset'), String(lastOffset));
      const results = body.results ?? [];
      assert.equal(results.length, 5);
      for (const record of results) {
        const own = byRel(record['_links']);
        assert.deepEqual([...own.keys()], ['self', 'dataset']);
        assert.equal(own.get('dataset')?.href, `${base}${DATASET}`);
        // The self link answers the record itself.
        const self = own.get('self')!;
        const lookup = await getJson(portal, `${self.pathname}?select=siret`);
        assert.equal(lookup.status, 200);
        assert.equal(lookup.body['siret'], record['siret']);
      }
    });

    test('the last page has no next link; aggregations link to themselves only', async () => {
      const last = await getJson(
        portal,
        `${DATASET}/records?include_links=true&limit=10&offset=9990&where=code_postal="75009"`,
      );
      assert.equal(last.status, 200);
      assert.ok(!byRel(last.body['_links']).has('next'));
      const one = await getJson(
        portal,
        `${DATASET}/records?include_links=true&limit=10&where=false`,
      );
      assert.equal(one.body['total_count'], 0);
      assert.deepEqual([...byRel(one.body['_links']).keys()], ['self', 'first', 'last']);
      const grouped = await getJson(
        portal,
        `${DATASET}/records?include_links=true&select=count(*) as n&group_by=synthese_eval_sanit`,
      );
      assert.equal(grouped.status, 200);
      assert.deepEqual([...byRel(grouped.body['_links']).keys()], ['self', 'first']);
      for (const row of grouped.body.results ?? []) assert.equal(row['_links'], undefined);
    });

    test('catalog and dataset: page links, and each dataset links to itself', async () => {
      const { status, body } = await getJson(portal, `${V21}/catalog/datasets/?include_links=true`);
      assert.equal(status, 200);
      assert.deepEqual([...byRel(body['_links']).keys()], ['self', 'first', 'last']);
      const [dataset] = body.results ?? [];
      const own = byRel(dataset?.['_links']);
      assert.equal(own.get('self')?.href, `${base}${DATASET}`);
      assert.equal(own.get('catalog')?.href, `${base}${V21}/catalog/datasets`);
      const lookup = await getJson(portal, `${DATASET}/?include_links=true`);
      assert.equal(lookup.status, 200);
      assert.equal(byRel(lookup.body['_links']).get('self')?.href, `${base}${DATASET}`);
      assert.equal(lookup.body['dataset_id'], 'export_alimconfiance');
    });

    test('include_app_metas is accepted and checked; a bad boolean is a 400', async () => {
      const plain = await getJson(portal, DATASET);
      const withApp = await getJson(portal, `${DATASET}?include_app_metas=true`);
      assert.equal(withApp.status, 200);
      assert.deepEqual(withApp.body['metas'], plain.body['metas']);
      for (const url of [
        `${V21}/catalog/datasets?include_app_metas=True`,
        `${DATASET}/records?include_app_metas=true&limit=1`,
      ]) {
        assert.equal((await getJson(portal, url)).status, 200, url);
      }
      for (const url of [
        `${DATASET}?include_links=yes`,
        `${V21}/catalog/datasets?include_app_metas=2`,
        `${DATASET}/records?include_links=maybe`,
      ]) {
        const { status, body } = await getJson(portal, url);
        assert.equal(status, 400, url);
        assert.equal(body['error_code'], 'InvalidRESTParameterError');
      }
    });
  });
