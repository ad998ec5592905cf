// The map tab on 100,000 points (a generated Alim'confiance-shaped dataset), in Chromium,
// zoomed in and out with the keyboard: the server's clusters account for every point of
// France, their markers stay within the grid's bound at every level, and at the record level
// MAX_POINTS records are drawn on the canvas (no DOM marker) with a notice of how many the
// area holds. Speed is measured by bench/map.ts, not here.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import Papa from 'papaparse';
import type { Page } from 'playwright-core';

import { MAX_POINTS, POINTS_ZOOM } from '../../../src/web/client/map-config.ts';
import { SCREENSHOTS } from '../../helpers/browser.ts';
import { mapSettled } from '../../helpers/map-page.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';
import { importBigDataset } from '../map-fixture.ts';
import { browserSiteForSuite } from '../site-fixture.ts';

const ROWS = 100_000;
const MAP = '/explore/dataset/big_map/map/';
/** geo_cluster()'s default cell, in pixels. */
const CELL = 40;

/** The generated points inside metropolitan France's box, counted from the CSV itself. */
function pointsInFrance(csv: string): number {
  const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  }).data;
  assert.equal(rows.length, ROWS);
  return rows.filter((row) => {
    const [lat, lon] = (row['geores'] || 'x').split(',').map(Number) as [number, number];
    return lat >= 41 && lat <= 51.5 && lon >= -5.5 && lon <= 10;
  }).length;
}

interface Drawn {
  clusters: number[];
  domMarkers: number;
  listed: number;
  notice: string;
}

async function drawn(page: Page): Promise<Drawn> {
  return {
    clusters: (await page.locator('.dg-map-cluster').allTextContents()).map(Number),
    domMarkers: await page.locator('#dataset-map .leaflet-marker-icon').count(),
    listed: await page.locator('#dataset-map-list:not([hidden]) button').count(),
    notice: (await page.textContent('#dataset-map-notice')) ?? '',
  };
}

/** The most clusters a view can hold: the grid cells of the area asked for (view + 25 %). */
async function clusterBound(page: Page): Promise<number> {
  const box = await page.locator('#dataset-map').boundingBox();
  assert.ok(box);
  const cells = (pixels: number) => Math.ceil((1.5 * pixels) / CELL) + 2;
  return cells(box.width) * cells(box.height);
}

describe('map of 100,000 points', () => {
  let csv = '';
  const web = browserSiteForSuite(async () => {
    const portal = await startTestPortal();
    csv = await importBigDataset(portal, ROWS);
    return portal;
  });

  test('the clusters of the whole of France count every point of France', async () => {
    const page = await web.browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    try {
      await page.goto(`${web.base}${MAP}`);
      await mapSettled(page, 6);
      const view = await drawn(page);
      assert.equal(
        view.clusters.reduce((a, b) => a + b, 0),
        pointsInFrance(csv),
      );
      assert.ok(view.clusters.length > 10);
      assert.equal(view.domMarkers, view.clusters.length);
      assert.ok(view.domMarkers <= (await clusterBound(page)), `${view.domMarkers} markers`);
      assert.equal(view.listed, 0);
    } finally {
      await page.close();
    }
  });

  test('zooming in and out with the keyboard: bounded clusters, then capped records', async () => {
    const page = await web.browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    try {
      const start = 8;
      await page.goto(`${web.base}${MAP}?location=${start},48.86,2.34`);
      await mapSettled(page, start);
      const bound = await clusterBound(page);
      const first = await drawn(page);
      const total = first.clusters.reduce((a, b) => a + b, 0);
      assert.ok(total > MAX_POINTS, `${total} points around Paris`);

      await page.locator('#dataset-map').focus();
      for (let zoom = start + 1; zoom <= POINTS_ZOOM; zoom++) {
        await page.keyboard.press('+');
        await mapSettled(page, zoom);
        const view = await drawn(page);
        if (zoom < POINTS_ZOOM) {
          assert.ok(view.clusters.length > 0, `clusters at zoom ${zoom}`);
          assert.ok(view.domMarkers <= bound, `${view.domMarkers} markers at zoom ${zoom}`);
          assert.equal(view.listed, 0);
        } else {
          // Records: on the canvas, each listed for the keyboard, no more than MAX_POINTS.
          assert.equal(view.domMarkers, 0);
          assert.equal(view.listed, MAX_POINTS);
          const [shown, inArea] = (view.notice.match(/\d[\d\s\u202f]*/g) ?? []).map((n) =>
            Number(n.replace(/\D/g, '')),
          );
          assert.equal(shown, MAX_POINTS, view.notice);
          assert.ok(inArea! > MAX_POINTS, view.notice);
          assert.ok(
            (await page.locator('#dataset-map canvas').count()) >= 1,
            'records are drawn on a canvas',
          );
          await page.screenshot({ path: join(SCREENSHOTS, 'map-100k-records.png') });
        }
      }

      for (let zoom = POINTS_ZOOM - 1; zoom >= start; zoom--) {
        await page.keyboard.press('-');
        await mapSettled(page, zoom);
        const view = await drawn(page);
        assert.ok(view.clusters.length > 0, `clusters at zoom ${zoom}`);
        assert.ok(view.domMarkers <= bound, `${view.domMarkers} markers at zoom ${zoom}`);
        assert.equal(view.listed, 0);
        assert.equal(view.notice, '');
      }
      const back = await drawn(page);
      assert.equal(
        back.clusters.reduce((a, b) => a + b, 0),
        total,
        'the same view holds the same points',
      );
    } finally {
      await page.close();
    }
  });
});
