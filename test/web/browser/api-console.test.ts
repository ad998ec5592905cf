// The API console in Chromium: with JavaScript it reads the OpenAPI document, changes its
// fields in place and runs requests with fetch; without, the same forms go to the server.
// axe-core finds no violation in the page the script changed.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Page } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
import { browserSiteForSuite } from '../site-fixture.ts';

const API_TAB = '/explore/dataset/export_alimconfiance/api/';

describe('the API console in a browser', () => {
  const web = browserSiteForSuite();

  async function withPage(javaScript: boolean, lang: string, run: (page: Page) => Promise<void>) {
    const context = await web.browser.newContext({
      javaScriptEnabled: javaScript,
      viewport: { width: 1280, height: 900 },
    });
    await context.addCookies([{ name: 'django_language', value: lang, url: web.base }]);
    try {
      await run(await context.newPage());
    } finally {
      await context.close();
    }
  }

  async function noViolations(page: Page): Promise<void> {
    const violations = (await axeViolations(page)).map((v) => `${v.id}: ${v.help}`);
    assert.deepEqual(violations, []);
  }

  for (const lang of ['fr', 'en']) {
    test(`with JavaScript: choose, fill in and run without leaving the page (${lang})`, async () => {
      await withPage(true, lang, async (page) => {
        await page.goto(`${web.base}${API_TAB}`);
        await page.waitForSelector('#console-choose', { state: 'detached' });
        await page.selectOption('#console-endpoint', 'getCatalogDatasetsByDatasetIdFacets');
        await page.waitForSelector('#console-p-facet');
        assert.equal(await page.$('#console-p-select'), null, 'facets take no select');
        await page.fill('#console-p-facet', 'synthese_eval_sanit');
        const url = page.url();
        await page.click('#api-console button[type=submit]');
        await page.waitForSelector('#console-answer pre');
        const body = JSON.parse((await page.textContent('#console-answer pre')) ?? '') as {
          facets: { name: string }[];
        };
        assert.deepEqual(
          body.facets.map((f) => f.name),
          ['synthese_eval_sanit'],
        );
        assert.equal(page.url().split('?')[0], url.split('?')[0], 'no page load');
        assert.match(page.url(), /endpoint=getCatalogDatasetsByDatasetIdFacets/);
        assert.match(page.url(), /run=1/);
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          'console-answer',
          'the answer takes the focus',
        );
        await noViolations(page);
      });
    });
  }

  test('without JavaScript: the server lists the fields of the chosen operation and runs it', async () => {
    await withPage(false, 'fr', async (page) => {
      await page.goto(`${web.base}${API_TAB}`);
      await page.selectOption('#console-endpoint', 'getV1RecordsSearch');
      await Promise.all([
        page.waitForURL(/endpoint=getV1RecordsSearch/),
        page.click('#console-choose'),
      ]);
      await page.fill('#console-p-rows', '1');
      await Promise.all([page.waitForURL(/run=1/), page.click('#api-console button[type=submit]')]);
      const body = JSON.parse((await page.textContent('#console-answer pre')) ?? '') as {
        records: unknown[];
      };
      assert.equal(body.records.length, 1);
      // (axe-core needs JavaScript: the accessibility suite checks these server-rendered pages.)
    });
  });
});
