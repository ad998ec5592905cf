// The map tab in Chromium: clusters computed by the server over the view, zooming into them
// with the keyboard down to single records, a record's popup, axe-core, and the page without
// JavaScript.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import type { Page } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
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

  test('by keyboard: a cluster opens with Enter, down to records and a popup', async () => {
    const page = await web.browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    try {
      await page.goto(`${web.base}${MAP}?refine.code_postal=75009`);
      for (let level = 0; level < 6; level++) {
        const clusters = page.locator('.dg-map-cluster');
        await page.waitForFunction(
          () => document.querySelectorAll('.leaflet-marker-icon').length > 0,
          undefined,
          { timeout: 20_000 },
        );
        if ((await clusters.count()) === 0) break;
        await clusters.first().focus();
        await page.keyboard.press('Enter');
        await page.waitForTimeout(800);
      }
      const point = page.locator('.leaflet-marker-icon:not(.dg-map-cluster)').first();
      await point.waitFor({ timeout: 20_000 });
      await point.focus();
      await page.keyboard.press('Enter');
      const link = page.locator('.leaflet-popup-content a');
      await link.waitFor({ timeout: 10_000 });
      assert.match(
        (await link.getAttribute('href')) ?? '',
        /\/table\/\?refine\.code_postal=75009&record=[0-9a-f]{40}#record$/,
      );
      assert.ok((await page.textContent('.dg-map-popup'))?.includes('75009'));
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
