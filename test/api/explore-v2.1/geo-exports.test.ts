// The geo exports of a point dataset (the demo): shapefile, KML, GPX, and `epsg` on
// shapefile, GeoJSON and CSV, read back with third-party parsers and checked against the demo
// CSV and the projection formulas.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import Papa from 'papaparse';
import proj4 from 'proj4';

import { DEMO_ID, addFixtureDatasets } from '../../helpers/catalog-fixture.ts';
import { demoRows } from '../../helpers/demo-csv.ts';
import { elementTexts, readGpx, readKml, readZippedShapefile } from '../../helpers/geo-files.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES, getJson, startTestPortal } from '../../helpers/test-portal.ts';

const DATASET = `/api/explore/v2.1/catalog/datasets/${DEMO_ID}`;
const PARIS_9 = 'where=code_postal%3D%2275009%22&order_by=siret';
const LOCATED = 'where=code_postal%3D%2275009%22%20and%20geores%20is%20not%20null&order_by=siret';
const SELECT = 'select=siret,libelle_commune,geores,date_inspection';

/** The demo rows of Paris 9e by SIRET, with their point as numbers (null without one). */
function paris9() {
  return demoRows()
    .filter((r) => r['Code_postal'] === '75009')
    .sort((a, b) => String(a['SIRET']).localeCompare(String(b['SIRET'])))
    .map((r) => {
      const [lat, lon] = String(r['geores']).split(', ').map(Number);
      const point = r['geores'] ? { type: 'Point', coordinates: [lon, lat] } : null;
      return { siret: r['SIRET'], commune: r['Libelle_commune'], lat: lat!, lon: lon!, point };
    });
}

/** The same rows, those with a point only (GPX has nothing to say of the others). */
const paris9Located = () => paris9().filter((r) => r.point !== null);

const mercator = (lon: number, lat: number) => [
  (6378137 * lon * Math.PI) / 180,
  6378137 * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
];

function near(actual: number[], expected: number[], tolerance: number): void {
  actual.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]!) <= tolerance, `${actual} ≉ ${expected}`),
  );
}

for (const engine of TEST_ENGINES) {
  describe(`geo exports of points (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ demo: true, engine });
      await addFixtureDatasets(portal);
    });
    after(async () => portal.close());

    const get = (url: string) => portal.app.inject({ method: 'GET', url });

    test('the formats list offers shp, kml and gpx only to datasets with a geo field', async () => {
      const rels = async (id: string) => {
        const { body } = await getJson(portal, `/api/explore/v2.1/catalog/datasets/${id}/exports`);
        return (body['_links'] as { rel: string }[]).map((l) => l.rel);
      };
      assert.deepEqual(await rels(DEMO_ID), [
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
      assert.deepEqual(await rels('arbres'), ['csv', 'json', 'jsonl', 'xlsx', 'parquet']);
      for (const format of ['shp', 'kml', 'gpx']) {
        const { status, body } = await getJson(portal, `${DATASET}/exports/${format}?select=siret`);
        assert.equal(status, 400);
        assert.equal(body['error_code'], 'InvalidRESTParameterError');
      }
    });

    test('the shapefile zip holds .shp .shx .dbf .prj .cpg with every record', async () => {
      const response = await get(`${DATASET}/exports/shp?${SELECT}&${PARIS_9}`);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/zip');
      assert.match(String(response.headers['content-disposition']), /export_alimconfiance\.zip/);
      const layers = await readZippedShapefile(response.rawPayload);
      assert.deepEqual(
        layers.map((l) => l.base),
        [DEMO_ID],
      );
      const [layer] = layers;
      assert.equal(layer?.cpg, 'UTF-8');
      assert.match(layer?.prj ?? '', /^GEOGCS\["GCS_WGS_1984"/);
      const expected = paris9();
      assert.equal(layer?.features.length, expected.length);
      // Records without a point come last, as null shapes.
      const located = expected.filter((e) => e.point !== null);
      const unlocated = expected.filter((e) => e.point === null);
      assert.ok(unlocated.length > 0, 'the demo has records without a point');
      [...located, ...unlocated].forEach((e, i) => {
        const feature = layer?.features[i];
        assert.deepEqual(feature?.geometry, e.point);
        assert.equal(feature?.properties?.['siret'], e.siret);
        // dBASE names hold 10 characters.
        assert.equal(feature?.properties?.['libelle_co'], e.commune?.trim());
        assert.match(String(feature?.properties?.['date_inspe']), /^\d{4}-\d\d-\d\dT/);
      });
      const whole = await readZippedShapefile((await get(`${DATASET}/exports/shp`)).rawPayload);
      assert.equal(whole[0]?.features.length, demoRows().length);
    });

    test('epsg=3857 and epsg=2154 project the shapefile, with the matching .prj', async () => {
      const expected = paris9Located();
      const web = await readZippedShapefile(
        (await get(`${DATASET}/exports/shp?${SELECT}&${LOCATED}&epsg=3857`)).rawPayload,
      );
      assert.match(web[0]?.prj ?? '', /Web_Mercator/);
      web[0]?.features.forEach((f, i) => {
        const p = expected[i]!;
        near(f.geometry?.coordinates as number[], mercator(p.lon, p.lat), 1e-6);
      });
      const lambert = await readZippedShapefile(
        (await get(`${DATASET}/exports/shp?${SELECT}&${LOCATED}&epsg=2154`)).rawPayload,
      );
      const prj = lambert[0]?.prj ?? '';
      assert.match(prj, /Lambert_93/);
      lambert[0]?.features.forEach((f, i) => {
        const [x, y] = f.geometry?.coordinates as number[];
        // Paris lies about 650 km east and 6860 km north of Lambert-93's false origin.
        assert.ok(x! > 640000 && x! < 660000 && y! > 6855000 && y! < 6870000, `${x} ${y}`);
        const back = proj4(prj, 'EPSG:4326').forward([x!, y!]);
        near(back, [expected[i]!.lon, expected[i]!.lat], 1e-8);
      });
    });

    test('epsg applies to GeoJSON and CSV; an unknown code is a 400', async () => {
      const [first] = paris9Located();
      const geojson = (await get(`${DATASET}/exports/geojson?${LOCATED}&limit=1&epsg=3857`)).json();
      assert.deepEqual(geojson.crs, {
        type: 'name',
        properties: { name: 'urn:ogc:def:crs:EPSG::3857' },
      });
      near(geojson.features[0].geometry.coordinates, mercator(first!.lon, first!.lat), 1e-6);
      const csv = await get(`${DATASET}/exports/csv?select=geores&${LOCATED}&limit=1&epsg=3857`);
      const rows = Papa.parse<string[]>(csv.body.slice(1), { delimiter: ';' }).data;
      const [y, x] = String(rows[1]?.[0]).split(', ').map(Number);
      near([x!, y!], mercator(first!.lon, first!.lat), 1e-6);
      for (const format of ['csv', 'geojson', 'shp']) {
        const { status, body } = await getJson(portal, `${DATASET}/exports/${format}?epsg=1234`);
        assert.equal(status, 400);
        assert.equal(body['error_code'], 'InvalidRESTParameterError');
        assert.match(String(body['message']), /epsg/);
      }
    });

    test('KML places each record with its fields as extended data', async () => {
      const response = await get(`${DATASET}/exports/kml?${SELECT}&${PARIS_9}`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /kml/);
      const features = readKml(response.body);
      const expected = paris9();
      assert.equal(features.length, expected.length);
      features.forEach((f, i) => {
        assert.deepEqual(f.geometry, expected[i]!.point);
        assert.equal(f.properties?.['siret'], expected[i]!.siret);
        assert.equal(f.properties?.['libelle_commune'], expected[i]!.commune);
      });
    });

    test('GPX gives waypoints; name_field, description_field_list, use_extension', async () => {
      const url = `${DATASET}/exports/gpx?${SELECT}&${PARIS_9}`;
      const response = await get(`${url}&name_field=siret&description_field_list=libelle_commune`);
      assert.equal(response.statusCode, 200);
      const features = readGpx(response.body);
      const expected = paris9Located();
      assert.equal(features.length, expected.length);
      features.forEach((f, i) => {
        assert.deepEqual(f.geometry, {
          type: 'Point',
          coordinates: [expected[i]!.lon, expected[i]!.lat],
        });
        assert.equal(f.properties?.['name'], expected[i]!.siret);
        assert.equal(f.properties?.['desc'], expected[i]!.commune);
      });
      assert.deepEqual(
        elementTexts(response.body, 'ogr:siret'),
        expected.map((e) => e.siret),
      );
      const plain = await get(`${url}&use_extension=false`);
      assert.equal(elementTexts(plain.body, 'extensions').length, 0);
      assert.equal(
        elementTexts(plain.body, 'desc')[0]?.split('\n')[0],
        `siret: ${expected[0]!.siret}`,
      );
      const wrong = await getJson(portal, `${url}&name_field=nope`);
      assert.equal(wrong.status, 400);
    });

    test('the download URL and API v1 serve shp, kml and gpx too', async () => {
      const front = await get(
        `/explore/dataset/${DEMO_ID}/download/?format=shp&refine.code_postal=75009&epsg=2154`,
      );
      assert.equal(front.statusCode, 200);
      const layers = await readZippedShapefile(front.rawPayload);
      assert.equal(layers[0]?.features.length, paris9().length);
      assert.match(layers[0]?.prj ?? '', /Lambert_93/);
      const kml = await get(
        `/api/records/1.0/download/?dataset=${DEMO_ID}&format=kml&refine.code_postal=75009`,
      );
      assert.match(String(kml.headers['content-type']), /kml/);
      assert.equal(readKml(kml.body).length, paris9().length);
      const gpx = await get(
        `/explore/dataset/${DEMO_ID}/download/?format=gpx&q=siret:83523880900015`,
      );
      assert.equal(readGpx(gpx.body).length, 1);
    });
  });
}
