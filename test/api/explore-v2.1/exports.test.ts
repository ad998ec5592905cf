import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';

import ExcelJS from 'exceljs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';

import { demoRows } from '../../helpers/demo-csv.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const DATASET = '/api/explore/v2.1/catalog/datasets/export_alimconfiance';
const ORIGINAL = readFileSync(
  new URL('../../../data/demo/export_alimconfiance.csv', import.meta.url),
);

for (const engine of TEST_ENGINES) {
  describe(`exports and the download URL (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
    });
    after(async () => portal.close());

    const get = (url: string) => portal.app.inject({ method: 'GET', url });

    test('the download URL gives back the original export byte for byte', async () => {
      const response = await get(
        '/explore/dataset/export_alimconfiance/download/?format=csv&timezone=Europe/Berlin&use_labels_for_header=true',
      );
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(String(response.headers['content-disposition']), /export_alimconfiance\.csv/);
      assert.ok(response.rawPayload.equals(ORIGINAL), 'the CSV differs from data/demo');
    });

    test('the v2.1 CSV export has a BOM, field names, `;` and CRLF by default', async () => {
      const response = await get(`${DATASET}/exports/csv`);
      assert.equal(response.statusCode, 200);
      const text = response.body;
      assert.ok(text.startsWith('\ufeffAPP_Libelle'.slice(0, 1)));
      const lines = text.slice(1).split('\r\n');
      assert.equal(lines[0]?.split(';')[0], 'filtre');
      assert.equal(lines.length, demoRows().length + 2, 'header, rows, and the final empty line');
      const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
        header: true,
        delimiter: ';',
        skipEmptyLines: true,
      }).data;
      const paul = parsed.find((r) => r['siret'] === '75052913300019');
      assert.equal(paul?.['geores'], '44.488403, 0.600709');
      assert.equal(paul?.['date_inspection'], '2019-03-22T00:00:00+00:00');
    });

    test('CSV options: delimiter, labels, quote_all, no BOM, filters and limit', async () => {
      const response = await get(
        `${DATASET}/exports/csv?delimiter=,&use_labels=true&quote_all=true&with_bom=false&select=siret,libelle_commune&where=code_postal="75009"&order_by=siret&limit=3`,
      );
      assert.equal(response.statusCode, 200);
      const expected = demoRows()
        .filter((r) => r['Code_postal'] === '75009')
        .map((r) => [r['SIRET'], r['Libelle_commune']])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
        .slice(0, 3)
        .map((cells) => cells.map((c) => `"${c}"`).join(','));
      assert.equal(response.body, ['"SIRET","Libelle_commune"', ...expected, ''].join('\r\n'));
    });

    test('JSON and JSON Lines exports hold the records as /records renders them', async () => {
      const where = 'where=siret%3D%2275052913300019%22';
      const records = await getJson(portal, `${DATASET}/records?${where}`);
      const json = await get(`${DATASET}/exports/json?${where}`);
      assert.equal(json.statusCode, 200);
      assert.deepEqual(json.json(), records.body.results);
      const jsonl = await get(`${DATASET}/exports/jsonl?${where}`);
      assert.deepEqual(
        jsonl.body
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line)),
        records.body.results,
      );
      const all = await get(`${DATASET}/exports/json?select=siret`);
      assert.equal((all.json() as unknown[]).length, demoRows().length);
    });

    test('the GeoJSON export has a point feature per record', async () => {
      const response = await get(`${DATASET}/exports/geojson?where=siret%3D%2275052913300019%22`);
      assert.equal(response.statusCode, 200);
      const collection = response.json() as { type: string; features: Record<string, unknown>[] };
      assert.equal(collection.type, 'FeatureCollection');
      assert.deepEqual(collection.features[0]?.['geometry'], {
        type: 'Point',
        coordinates: [0.600709, 44.488403],
      });
      const properties = collection.features[0]?.['properties'] as Record<string, unknown>;
      assert.equal(properties['siret'], '75052913300019');
      assert.equal(properties['geores'], undefined);
      const noGeo = await getJson(portal, `${DATASET}/exports/geojson?select=siret`);
      assert.equal(noGeo.status, 400);
    });

    test('the XLSX export reads back in a spreadsheet library, typed and labelled', async () => {
      const response = await get(
        `${DATASET}/exports/xlsx?use_labels=true&where=code_postal%3D%2275009%22&order_by=siret`,
      );
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const header = (sheet?.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header.slice(0, 3), [
        'filtre',
        'APP_Libelle_activite_etablissement',
        'APP_Libelle_etablissement',
      ]);
      const expected = demoRows()
        .filter((r) => r['Code_postal'] === '75009')
        .sort((a, b) => String(a['SIRET']).localeCompare(String(b['SIRET'])));
      assert.equal(sheet?.rowCount, expected.length + 1);
      const second = (sheet?.getRow(2).values as unknown[]).slice(1);
      const sirets = header.indexOf('SIRET');
      const geores = header.indexOf('geores');
      assert.equal(second[sirets], expected[0]?.['SIRET']);
      assert.equal(second[geores], expected[0]?.['geores']);
    });

    test('the Parquet export reads back with its types: text, timestamps, WKB points', async () => {
      const response = await get(
        `${DATASET}/exports/parquet?select=siret,date_inspection,geores&where=code_postal%3D%2275009%22&order_by=siret`,
      );
      assert.equal(response.statusCode, 200);
      const bytes = response.rawPayload;
      const file = new Uint8Array(bytes).buffer;
      const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      const expected = demoRows()
        .filter((r) => r['Code_postal'] === '75009')
        .sort((a, b) => String(a['SIRET']).localeCompare(String(b['SIRET'])));
      assert.equal(rows.length, expected.length);
      assert.equal(rows[0]?.['siret'], expected[0]?.['SIRET']);
      const date = rows[0]?.['date_inspection'];
      assert.ok(date instanceof Date);
      assert.equal(date.getTime(), Date.parse(expected[0]?.['Date_inspection'] ?? ''));
      const [lat, lon] = (expected[0]?.['geores'] ?? '').split(', ').map(Number);
      assert.deepEqual(rows[0]?.['geores'], { type: 'Point', coordinates: [lon, lat] });
    });

    test('the whole Parquet export holds every record in order, over several row groups', async () => {
      const response = await get(`${DATASET}/exports/parquet?select=siret,date_inspection,geores`);
      assert.equal(response.statusCode, 200);
      const file = new Uint8Array(response.rawPayload).buffer;
      const metadata = parquetMetadata(file);
      const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      const expected = demoRows();
      assert.ok(metadata.row_groups.length > 1, 'the export is cut into row groups');
      assert.equal(metadata.num_rows, BigInt(expected.length));
      assert.equal(rows.length, expected.length);
      rows.forEach((row, i) => {
        const record = expected[i]!;
        assert.equal(row['siret'], record['SIRET'], `row ${i}`);
        const date = row['date_inspection'];
        assert.ok(date instanceof Date, `row ${i}`);
        assert.equal(date.getTime(), Date.parse(record['Date_inspection'] ?? ''), `row ${i}`);
        const [lat, lon] = (record['geores'] ?? '').split(', ').map(Number);
        const point = record['geores'] ? { type: 'Point', coordinates: [lon, lat] } : null;
        assert.deepEqual(row['geores'], point, `row ${i}`);
      });
    });

    test('the whole XLSX export holds every record, in order', async () => {
      const response = await get(`${DATASET}/exports/xlsx?select=siret,code_postal`);
      assert.equal(response.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const expected = demoRows();
      assert.equal(sheet.rowCount, expected.length + 1);
      expected.forEach((record, i) => {
        const values = (sheet.getRow(i + 2).values as unknown[]).slice(1);
        assert.deepEqual(values, [record['SIRET'], record['Code_postal']], `row ${i + 2}`);
      });
    });

    test('compressed=true gzips the same file', async () => {
      const plain = await get(`${DATASET}/exports/csv?limit=50`);
      const gzipped = await get(`${DATASET}/exports/csv?limit=50&compressed=true`);
      assert.equal(gzipped.headers['content-type'], 'application/gzip');
      assert.ok(gunzipSync(gzipped.rawPayload).equals(plain.rawPayload));
    });

    test('the exports list, and bad requests answer ODS errors before any byte', async () => {
      const list = await getJson(portal, `${DATASET}/exports`);
      const rels = (list.body['_links'] as { rel: string }[]).map((l) => l.rel);
      assert.deepEqual(rels, [
        'csv',
        'json',
        'jsonl',
        'xlsx',
        'parquet',
        'geojson',
        'shp',
        'kml',
        'gpx',
      ]);
      for (const url of [
        `${DATASET}/exports/docx`,
        `${DATASET}/exports/csv?delimiter=x`,
        `${DATASET}/exports/csv?where=nope=1`,
        `${DATASET}/exports/csv?limit=-2`,
        '/explore/dataset/export_alimconfiance/download/?format=pdf',
        '/explore/dataset/export_alimconfiance/download/?csv_separator=x',
      ]) {
        const { status, body } = await getJson(portal, url);
        assert.equal(status, 400, url);
        assert.ok(typeof body['error_code'] === 'string', url);
      }
      const missing = await getJson(portal, '/explore/dataset/nope/download/');
      assert.equal(missing.status, 404);
    });

    test('the download URL takes v1 filters: refine.X, q and fields', async () => {
      const response = await get(
        '/explore/dataset/export_alimconfiance/download/?format=csv&fields=siret,code_postal&refine.synthese_eval_sanit=A+corriger+de+mani%C3%A8re+urgente&q=code_postal:75011',
      );
      assert.equal(response.statusCode, 200);
      const expected = demoRows().filter(
        (r) =>
          r['Synthese_eval_sanit'] === 'A corriger de manière urgente' &&
          r['Code_postal'] === '75011',
      );
      const lines = response.body.split('\r\n').filter((l) => l !== '');
      assert.equal(lines[0], 'siret;code_postal');
      assert.equal(lines.length - 1, expected.length);
    });
  });
}
