// The map tab's page and the API requests its script makes (built by the script's own
// map-queries.ts from the page's config), run through the app: clusters of points, and
// records of an area drawn as shapes or points.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Geometry } from '../../src/core/cell.ts';
import type { MapConfig } from '../../src/web/client/map-config.ts';
import { MAX_POINTS } from '../../src/web/client/map-config.ts';
import type { Bounds } from '../../src/web/client/map-queries.ts';
import { clustersUrl, recordsUrl } from '../../src/web/client/map-queries.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { PARCELLES, SITES, importShapeDatasets } from './map-fixture.ts';
import { getPage, startSitePortal, texts } from './site-fixture.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

const FRANCE: Bounds = { south: 41, west: -5.5, north: 51.5, east: 10 };

/** The bounding box [west, south, east, north] of a geometry, read from its coordinates. */
function boxOf(geometry: Geometry): [number, number, number, number] {
  const positions: number[][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') positions.push(value as number[]);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(geometry.coordinates);
  const xs = positions.map((p) => p[0]!);
  const ys = positions.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function meets(geometry: Geometry, area: Bounds): boolean {
  const [west, south, east, north] = boxOf(geometry);
  return west <= area.east && east >= area.west && south <= area.north && north >= area.south;
}

for (const engine of TEST_ENGINES)
  describe(`map tab (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startSitePortal({ engine, extra: false });
      await importShapeDatasets(portal);
    });
    after(async () => portal.close());

    async function mapConfig(url: string): Promise<MapConfig> {
      const page = await getPage(portal, url);
      assert.equal(page.status, 200, url);
      return JSON.parse(page.dom.querySelector('#dataset-map')!.getAttribute('data-config')!);
    }

    async function api(url: string): Promise<Record<string, unknown>> {
      const response = await portal.app.inject({ url });
      assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
      return response.json();
    }

    test('a dataset of shapes only has a map tab that draws its shapes', async () => {
      const information = await getPage(portal, '/explore/dataset/parcelles/');
      assert.ok(information.dom.querySelector('.dg-tabs a[href$="/map/"]'));
      const page = await getPage(portal, '/explore/dataset/parcelles/map/');
      assert.match(texts(page.dom, 'main p').join(' '), /Les formes de la zone affichée/);
      const config = await mapConfig('/explore/dataset/parcelles/map/');
      assert.deepEqual(
        [config.pointField, config.shapeField, config.titleField],
        [null, 'contour', 'nom'],
      );
      // No tile service is configured: the portal's own outlines, and nothing else.
      assert.deepEqual(config.basemap, {
        countriesUrl: '/static/basemap/countries.geojson',
        tiles: null,
      });
    });

    test('the page hands its filters and its words (placeholders left) to the script', async () => {
      const config = await mapConfig(
        '/explore/dataset/export_alimconfiance/map/?refine.code_postal=75009',
      );
      assert.deepEqual([config.pointField, config.shapeField], ['geores', null]);
      assert.deepEqual(config.filters, [['refine', 'code_postal:"75009"']]);
      assert.deepEqual(config.v1Filters, [['refine.code_postal', '75009']]);
      assert.match(config.messages.capped, /\{shown\}.*\{total\}/);
      assert.match(config.messages.listed, /\{count\}/);
      assert.equal(config.lang, 'fr');
    });

    test('the clusters of France add up to the located records of France', async () => {
      const config = await mapConfig('/explore/dataset/export_alimconfiance/map/');
      const body = (await api(clustersUrl(config, FRANCE, 6))) as {
        results: { c: { lat: number; lon: number }; n: number }[];
      };
      const inFrance = demoRows().filter((row) => {
        const [lat, lon] = (row['geores'] ?? '').split(',').map(Number);
        if (lat === undefined || lon === undefined || !(row['geores'] ?? '').includes(',')) {
          return false;
        }
        return (
          lat >= FRANCE.south && lat <= FRANCE.north && lon >= FRANCE.west && lon <= FRANCE.east
        );
      }).length;
      assert.ok(inFrance > 1000);
      assert.equal(
        body.results.reduce((sum, r) => sum + r.n, 0),
        inFrance,
      );
      // 40-pixel cells at zoom 6 are 0.88°: France holds a few hundred at most.
      assert.ok(body.results.length > 20 && body.results.length < 300, `${body.results.length}`);
    });

    test('the records of an area are those whose shape meets it, shapes as GeoJSON', async () => {
      const config = await mapConfig('/explore/dataset/parcelles/map/');
      const area: Bounds = { south: 45.755, west: 4.82, north: 45.8, east: 4.845 };
      const body = (await api(recordsUrl(config, area))) as {
        nhits: number;
        records: { fields: { nom: string; contour?: Geometry } }[];
      };
      const expected = PARCELLES.filter((p) => p.shape && meets(p.shape, area));
      assert.deepEqual(
        body.records.map((r) => r.fields.nom).sort(),
        expected.map((p) => p.nom).sort(),
      );
      assert.equal(body.nhits, expected.length);
      for (const record of body.records) {
        const source = PARCELLES.find((p) => p.nom === record.fields.nom);
        assert.deepEqual(record.fields.contour, source?.shape);
      }
    });

    test('with a point and a shape, the area is read on the points; a record may lack a shape', async () => {
      const config = await mapConfig('/explore/dataset/sites/map/');
      assert.deepEqual([config.pointField, config.shapeField], ['centre', 'contour']);
      const area: Bounds = { south: 45.75, west: 4.82, north: 45.77, east: 4.85 };
      const body = (await api(recordsUrl(config, area))) as {
        records: { fields: { nom: string; centre: number[]; contour?: Geometry } }[];
      };
      assert.deepEqual(
        body.records.map((r) => r.fields.nom).sort(),
        SITES.map((s) => s.nom).sort(),
      );
      const kiosque = body.records.find((r) => r.fields.nom === 'Kiosque');
      assert.deepEqual(kiosque?.fields.centre, [45.762, 4.838]);
      assert.equal(kiosque?.fields.contour, undefined);
      const beside = { south: 45.7, west: 4.9, north: 45.72, east: 4.95 };
      assert.equal(((await api(recordsUrl(config, beside))) as { nhits: number }).nhits, 0);
    });

    test('an area is asked for at most MAX_POINTS records, with their count', async () => {
      const config = await mapConfig('/explore/dataset/export_alimconfiance/map/');
      const body = (await api(recordsUrl(config, FRANCE))) as { nhits: number; records: unknown[] };
      assert.equal(body.records.length, MAX_POINTS);
      assert.ok(body.nhits > MAX_POINTS);
    });
  });
