// geo_shape datasets on the map tab in Chromium: a click on a drawn polygon opens its record's
// popup, a click beside the shapes none; the list names the records drawn (not one without
// shape); with a point and a shape, points are clustered below zoom 13 and a record without
// shape is drawn as its point; axe-core finds nothing.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import type { Page } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
import { SCREENSHOTS } from '../../helpers/browser.ts';
import { mapSettled } from '../../helpers/map-page.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';
import { importShapeDatasets } from '../map-fixture.ts';
import { browserSiteForSuite } from '../site-fixture.ts';

/** Clicks the map `dx`, `dy` pixels from its centre (the `location` the page opened on). */
async function clickFromCentre(page: Page, dx: number, dy: number): Promise<void> {
  const box = await page.locator('#dataset-map').boundingBox();
  assert.ok(box);
  await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
}

async function listed(page: Page): Promise<string[]> {
  return page.locator('#dataset-map-list button').allTextContents();
}

describe('map of shapes', () => {
  const web = browserSiteForSuite(async () => {
    const portal = await startTestPortal();
    await importShapeDatasets(portal);
    return portal;
  });

  async function open(path: string): Promise<Page> {
    const page = await web.browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${web.base}${path}`);
    return page;
  }

  test('a click on a polygon opens its popup; the list names the shapes drawn', async () => {
    // Centred on the middle of « Clos de la Croix-Rousse » (45.775–45.785, 4.83–4.84).
    const page = await open('/explore/dataset/parcelles/map/?location=14,45.78,4.835');
    try {
      await mapSettled(page, 14);
      const names = await listed(page);
      assert.ok(names.includes('Clos de la Croix-Rousse'), names.join(', '));
      assert.ok(names.includes('Chemin des parcelles'), names.join(', '));
      assert.ok(!names.includes('Parcelle sans contour'));
      assert.equal(await page.locator('.leaflet-marker-icon').count(), 0, 'no DOM marker');

      await clickFromCentre(page, 0, 0);
      const popup = page.locator('.dg-map-popup');
      await popup.waitFor({ timeout: 10_000 });
      assert.match((await popup.textContent()) ?? '', /Clos de la Croix-Rousse/);
      await page.screenshot({ path: join(SCREENSHOTS, 'map-shapes-fr.png') });
      await page.keyboard.press('Escape');
      await page.locator('.leaflet-popup').waitFor({ state: 'detached', timeout: 10_000 });

      // 0.03° east of the field (about 350 pixels at zoom 14): no shape there.
      await clickFromCentre(page, 350, 0);
      await page.waitForTimeout(500);
      assert.equal(await page.locator('.leaflet-popup').count(), 0);
      await page.locator('#dataset-map-list summary').click();
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await page.close();
    }
  });

  test('points and shapes: clusters below zoom 13, then shapes, or the point without one', async () => {
    const page = await open('/explore/dataset/sites/map/?location=10,45.76,4.835');
    try {
      await mapSettled(page, 10);
      const counts = (await page.locator('.dg-map-cluster').allTextContents()).map(Number);
      assert.equal(
        counts.reduce((a, b) => a + b, 0),
        3,
      );
      await page.goto(`${web.base}/explore/dataset/sites/map/?location=16,45.762,4.838`);
      await mapSettled(page, 16);
      assert.deepEqual((await listed(page)).sort(), ['Halle', 'Kiosque', 'Marché']);
      // The Kiosque has no outline: its point is drawn, at the centre of this view.
      await clickFromCentre(page, 0, 0);
      const popup = page.locator('.dg-map-popup');
      await popup.waitFor({ timeout: 10_000 });
      assert.match((await popup.textContent()) ?? '', /Kiosque/);
    } finally {
      await page.close();
    }
  });
});
