// The map tab in Chromium: clusters computed by the server over the view, zooming into them
// with the keyboard down to single records, a record's popup opened from the list of the
// records drawn, axe-core, and the page without JavaScript.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import type { Page } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
import { mapSettled, mapZoom } from '../../helpers/map-page.ts';
import { SCREENSHOTS } from '../../helpers/browser.ts';
import { demoRows } from '../../helpers/demo-csv.ts';
import { browserSiteForSuite } from '../site-fixture.ts';

const MAP = '/explore/dataset/export_alimconfiance/map/';

async function clusterCounts(page: Page): Promise<number[]> {
  await page.waitForSelector('.dg-map-cluster', { timeout: 20_000 });
  return (await page.locator('.dg-map-cluster').allTextContents()).map(Number);
}

describe('dataset map tab', () => {
  const web = browserSiteForSuite();

  test('clusters of the whole of France add up to its records; axe finds nothing', async () => {
    const page = await web.browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    try {
      await page.goto(`${web.base}${MAP}`);
      const counts = await clusterCounts(page);
      const located = demoRows().filter((r) => (r['geores'] ?? '') !== '').length;
      const total = counts.reduce((a, b) => a + b, 0);
      assert.ok(counts.length > 10, `${counts.length} clusters`);
      assert.ok(total > 0 && total <= located, `${total} of ${located} located records in view`);
      await page.screenshot({ path: join(SCREENSHOTS, 'map-fr.png') });
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await page.close();
    }
  });

  test('by keyboard: a cluster opens with Enter, down to the records, listed under the map', async () => {
    const page = await web.browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    try {
      await page.goto(`${web.base}${MAP}?refine.code_postal=75009`);
      const clusters = page.locator('.dg-map-cluster');
      await clusters.first().waitFor({ timeout: 20_000 });
      for (let level = 0; level < 6 && (await clusters.count()) > 0; level++) {
        const zoom = await mapZoom(page);
        await clusters.first().focus();
        await page.keyboard.press('Enter');
        await mapSettled(page, Math.min(13, zoom + 2));
      }
      // Records are drawn on a canvas; the list under the map gives each one to the keyboard.
      const summary = page.locator('#dataset-map-list summary');
      await summary.waitFor({ timeout: 20_000 });
      assert.match(
        (await summary.textContent()) ?? '',
        /^Enregistrements affichés sur la carte \(\d+\)$/,
      );
      assert.equal(await page.locator('.leaflet-marker-icon').count(), 0);
      await summary.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const button = page.locator('#dataset-map-list button').first();
      assert.ok(await button.evaluate((b) => b === document.activeElement));
      await page.keyboard.press('Enter');
      const link = page.locator('.leaflet-popup-content a');
      await link.waitFor({ timeout: 10_000 });
      assert.ok(
        await link.evaluate((a) => a === document.activeElement),
        'the popup has the focus',
      );
      assert.match(
        (await link.getAttribute('href')) ?? '',
        /\/table\/\?refine\.code_postal=75009&record=[0-9a-f]{40}#record$/,
      );
      assert.ok((await page.textContent('.dg-map-popup'))?.includes('75009'));
      await page.keyboard.press('Escape');
      await link.waitFor({ state: 'detached', timeout: 10_000 });
      assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus goes back');
    } finally {
      await page.close();
    }
  });

  test('without JavaScript the page points to the table and the exports', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${web.base}${MAP}`);
      assert.ok(await page.isVisible('#dataset-map a[href*="/table/"]'));
      assert.ok(await page.isVisible('#dataset-map a[href*="/export/"]'));
    } finally {
      await context.close();
    }
  });
});
