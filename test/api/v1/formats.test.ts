// API v1 output formats: records search as JSON, JSONP, GeoJSON, RSS and Atom; dataset search
// as JSON, JSONP, CSV and RSS; pretty_print. Each answer is parsed back.

import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { after, before, describe, test } from 'node:test';

import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';

import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const SEARCH = '/api/records/1.0/search/?dataset=export_alimconfiance&sort=-siret&rows=3';
const DATASETS = '/api/datasets/1.0/search/';

/** Runs a JSONP answer and gives what it passed to its callback. */
function runJsonp(body: string, callback: string): unknown {
  let received: unknown;
  runInNewContext(body, { [callback]: (value: unknown) => (received = value) });
  // Objects made in another realm: copied into this one to be compared.
  return JSON.parse(JSON.stringify(received)) as unknown;
}

for (const engine of TEST_ENGINES)
  describe(`API v1 output formats (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    test('records search: format=json is the default, echoed in parameters', async () => {
      const plain = await getJson(portal, SEARCH);
      const json = await getJson(portal, `${SEARCH}&format=json`);
      assert.deepEqual(json.body, plain.body);
      assert.equal((plain.body['parameters'] as Record<string, unknown>)['format'], 'json');
    });

    test('records search: JSONP with callback, jsonp without one is a 400', async () => {
      const plain = await getJson(portal, SEARCH);
      for (const url of [`${SEARCH}&callback=cb`, `${SEARCH}&format=jsonp&callback=cb`]) {
        const response = await portal.app.inject({ url });
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^application\/javascript/);
        const received = runJsonp(response.body, 'cb') as Record<string, unknown>;
        assert.deepEqual(received['records'], plain.body['records']);
      }
      for (const url of [
        `${SEARCH}&format=jsonp`,
        `${SEARCH}&callback=alert(1)`,
        `${SEARCH}&format=xml`,
      ]) {
        const { status, body } = await getJson(portal, url);
        assert.equal(status, 400, url);
        assert.equal(body['error_code'], 'InvalidRESTParameterError');
      }
    });

    test('records search: GeoJSON features carry the v1 fields and the point', async () => {
      const plain = await getJson(portal, SEARCH);
      const records = plain.body['records'] as {
        recordid: string;
        fields: Record<string, unknown>;
      }[];
      const { status, body } = await getJson(portal, `${SEARCH}&format=geojson`);
      assert.equal(status, 200);
      assert.equal(body['type'], 'FeatureCollection');
      const features = body['features'] as {
        id: string;
        geometry: { type: string; coordinates: number[] } | null;
        properties: Record<string, unknown>;
      }[];
      assert.equal(features.length, 3);
      features.forEach((feature, i) => {
        const record = records[i]!;
        assert.equal(feature.id, record.recordid);
        assert.deepEqual(feature.properties, record.fields);
        const point = record.fields['geores'] as [number, number] | undefined;
        if (point) assert.deepEqual(feature.geometry?.coordinates, [point[1], point[0]]);
      });
      const jsonp = await portal.app.inject({ url: `${SEARCH}&format=geojsonp&callback=f` });
      assert.deepEqual(runJsonp(jsonp.body, 'f'), body);
    });

    test('records search: RSS and Atom feeds, one item per record', async () => {
      const plain = await getJson(portal, SEARCH);
      const records = plain.body['records'] as { recordid: string }[];
      const rss = await portal.app.inject({ url: `${SEARCH}&format=rss` });
      assert.equal(rss.statusCode, 200);
      assert.match(String(rss.headers['content-type']), /^application\/rss\+xml/);
      const rssDoc = new DOMParser().parseFromString(rss.body, 'text/xml');
      const guids = Array.from(rssDoc.getElementsByTagName('guid')).map((g) => g.textContent);
      assert.deepEqual(
        guids,
        records.map((r) => r.recordid),
      );
      const atom = await portal.app.inject({ url: `${SEARCH}&format=atom` });
      assert.match(String(atom.headers['content-type']), /^application\/atom\+xml/);
      const atomDoc = new DOMParser().parseFromString(atom.body, 'text/xml');
      const entries = atomDoc.getElementsByTagName('entry');
      assert.equal(entries.length, 3);
      const link = entries[0]!.getElementsByTagName('link')[0]!.getAttribute('href')!;
      const lookup = await getJson(portal, new URL(link).pathname);
      assert.equal(lookup.body['recordid'], records[0]!.recordid);
    });

    test('dataset search: CSV, RSS, JSONP and pretty_print', async () => {
      const csv = await portal.app.inject({ url: `${DATASETS}?format=csv` });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const parsed = Papa.parse<Record<string, string>>(csv.body, {
        header: true,
        delimiter: ';',
        skipEmptyLines: true,
      });
      assert.equal(parsed.data.length, 1);
      assert.equal(parsed.data[0]?.['dataset_id'], 'export_alimconfiance');
      const comma = await portal.app.inject({ url: `${DATASETS}?format=csv&csv_separator=,` });
      assert.ok(comma.body.split('\n')[0]!.includes(','));
      const rss = await portal.app.inject({ url: `${DATASETS}?format=rss` });
      const doc = new DOMParser().parseFromString(rss.body, 'text/xml');
      assert.equal(doc.getElementsByTagName('item').length, 1);
      const plain = await getJson(portal, DATASETS);
      const jsonp = await portal.app.inject({ url: `${DATASETS}?format=jsonp&callback=a.b` });
      let received: unknown;
      runInNewContext(jsonp.body, { a: { b: (v: unknown) => (received = v) } });
      assert.equal((received as Record<string, unknown>)['nhits'], plain.body['nhits']);
      const pretty = await portal.app.inject({ url: `${DATASETS}?pretty_print=true` });
      assert.ok(pretty.body.includes('\n  "nhits"'));
      assert.deepEqual(JSON.parse(pretty.body), plain.body);
      const bad = await getJson(portal, `${DATASETS}?format=atom`);
      assert.equal(bad.status, 400);
    });
  });
