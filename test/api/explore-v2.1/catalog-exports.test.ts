import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Parser } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import Papa from 'papaparse';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { getJson, startTestPortal, TEST_ENGINES } from '../../helpers/test-portal.ts';

const EXPORTS = '/api/explore/v2.1/catalog/exports';

interface TermLike {
  termType: string;
  value: string;
}

/** A triple as text, blank nodes anonymised (their labels differ between syntaxes). */
function tripleKey(q: {
  subject: TermLike;
  predicate: { value: string };
  object: TermLike;
}): string {
  const term = (t: TermLike) => (t.termType === 'BlankNode' ? '_' : t.value);
  return `${term(q.subject)} ${q.predicate.value} ${term(q.object)}`;
}

for (const engine of TEST_ENGINES)
  describe(`catalog exports (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({
        engine,
        demo: true,
        env: {
          DATAGORA_BASE_URL: 'https://data.example.org',
          DATAGORA_PORTAL_NAME: 'Données DGAL',
        },
      });
    });
    after(async () => portal.close());

    const get = (url: string) => portal.app.inject({ method: 'GET', url });

    test('the list names every format', async () => {
      const { body } = await getJson(portal, EXPORTS);
      assert.deepEqual(
        (body['_links'] as { rel: string }[]).map((l) => l.rel),
        ['csv', 'json', 'xlsx', 'rss', 'dcat', 'jsonld', 'ttl', 'rdf'],
      );
    });

    test('CSV and JSON list the datasets', async () => {
      const csv = await get(`${EXPORTS}/csv?with_bom=false`);
      assert.equal(csv.statusCode, 200);
      const rows = Papa.parse<Record<string, string>>(csv.body, {
        header: true,
        delimiter: ';',
        skipEmptyLines: true,
      }).data;
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.['dataset_id'], 'export_alimconfiance');
      assert.equal(rows[0]?.['records_count'], String(demoRows().length));
      assert.equal(rows[0]?.['theme'], 'Alimentation,Santé');
      const json = await get(`${EXPORTS}/json`);
      assert.equal(
        (json.json() as { dataset_id: string }[])[0]?.dataset_id,
        'export_alimconfiance',
      );
    });

    test('RSS is a feed with an item per dataset, escaped', async () => {
      const rss = await get(`${EXPORTS}/rss`);
      assert.equal(rss.statusCode, 200);
      assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
      assert.match(
        rss.body,
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0"><channel><title>Données DGAL<\/title>/,
      );
      assert.match(
        rss.body,
        /<item><title>Alimentation : résultats des contrôles sanitaires \(Alim'confiance\)<\/title>/,
      );
      assert.match(
        rss.body,
        /<link>https:\/\/data\.example\.org\/explore\/dataset\/export_alimconfiance\/<\/link>/,
      );
      assert.equal(rss.body.match(/<item>/g)?.length, 1);
    });

    test('DCAT-AP JSON-LD describes each dataset and distributions that download', async () => {
      for (const format of ['dcat', 'jsonld']) {
        const response = await get(`${EXPORTS}/${format}`);
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /application\/ld\+json/);
        const graph = response.json() as Record<string, unknown>;
        assert.equal(graph['@type'], 'dcat:Catalog');
        assert.equal(graph['dct:title'], 'Données DGAL');
        const [dataset] = graph['dcat:dataset'] as Record<string, unknown>[];
        assert.equal(dataset?.['dct:identifier'], 'export_alimconfiance');
        assert.deepEqual(dataset?.['dct:license'], {
          '@id': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
        });
        assert.deepEqual(dataset?.['dcat:landingPage'], {
          '@id': 'https://data.example.org/explore/dataset/export_alimconfiance/',
        });
        assert.deepEqual(dataset?.['dct:publisher'], {
          '@type': 'foaf:Agent',
          'foaf:name': "Direction générale de l'alimentation (DGAL)",
        });
        const distributions = dataset?.['dcat:distribution'] as Record<string, unknown>[];
        assert.deepEqual(
          distributions.map((d) => d['dct:format']),
          ['CSV', 'JSON', 'XLSX', 'PARQUET', 'GEOJSON', 'SHP', 'KML', 'GPX'],
        );
        const csv = (distributions[0]?.['dcat:downloadURL'] as { '@id': string })['@id'];
        assert.equal(
          csv,
          'https://data.example.org/api/explore/v2.1/catalog/datasets/export_alimconfiance/exports/csv',
        );
        const download = await get(new URL(csv).pathname);
        assert.equal(download.statusCode, 200);
      }
    });

    test('Turtle carries the same DCAT graph, and parses', async () => {
      const response = await get(`${EXPORTS}/ttl`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /text\/turtle/);
      const quads = new Parser().parse(response.body);
      const DCAT = 'http://www.w3.org/ns/dcat#';
      const typed = (type: string) =>
        quads.filter(
          (q) => q.predicate.value.endsWith('#type') && q.object.value === `${DCAT}${type}`,
        );
      assert.equal(typed('Catalog').length, 1);
      assert.deepEqual(
        typed('Dataset').map((q) => q.subject.value),
        ['https://data.example.org/explore/dataset/export_alimconfiance/'],
      );
      assert.equal(typed('Distribution').length, 8);
      const modified = quads.find((q) => q.predicate.value === 'http://purl.org/dc/terms/modified');
      assert.equal(
        (modified?.object as { datatype?: { value: string } }).datatype?.value,
        'http://www.w3.org/2001/XMLSchema#dateTime',
      );
      const publisher = quads.find((q) => q.predicate.value === 'http://xmlns.com/foaf/0.1/name');
      assert.equal(publisher?.object.value, "Direction générale de l'alimentation (DGAL)");
    });

    test('RDF/XML carries the same triples as Turtle', async () => {
      const response = await get(`${EXPORTS}/rdf`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /application\/rdf\+xml/);
      const fromXml: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const parser = new RdfXmlParser();
        parser.on(
          'data',
          (q: {
            subject: { termType: string; value: string };
            predicate: { value: string };
            object: { termType: string; value: string };
          }) => fromXml.push(tripleKey(q)),
        );
        parser.on('error', reject);
        parser.on('end', () => resolve());
        parser.write(response.body);
        parser.end();
      });
      const turtle = await get(`${EXPORTS}/ttl`);
      const fromTurtle = new Parser().parse(turtle.body).map(tripleKey);
      assert.deepEqual(fromXml.sort(), fromTurtle.sort());
    });

    test('an unknown catalog format is a 400', async () => {
      const { status, body } = await getJson(portal, `${EXPORTS}/docx`);
      assert.equal(status, 400);
      assert.equal(body['error_code'], 'InvalidRESTParameterError');
    });

    test('the national DCAT-AP profiles answer "not activated", in both spellings', async () => {
      const listed = await getJson(portal, EXPORTS);
      const rels = (listed.body['_links'] as { rel: string }[]).map((l) => l.rel);
      for (const profile of ['ch', 'de', 'se', 'sp', 'it', 'vl', 'benap']) {
        assert.ok(!rels.includes(`dcat_ap_${profile}`));
        for (const name of [`dcat_ap_${profile}`, `dcat-ap-${profile}`]) {
          const { status, body } = await getJson(portal, `${EXPORTS}/${name}`);
          assert.equal(status, 400, name);
          assert.equal(body['error_code'], 'InvalidRESTParameterError');
          assert.match(
            String(body['message']),
            new RegExp(`dcat_ap_${profile} export is not activated`),
          );
        }
      }
    });
  });
