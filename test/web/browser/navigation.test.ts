// Using the site in Chromium without JavaScript (forms and links carry everything) and with
// the keyboard alone (skip links, visible focus, tabs, sort headers, facets).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { BrowserContext, Page } from 'playwright-core';

import { browserSiteForSuite } from '../site-fixture.ts';

const DATASET = '/explore/dataset/export_alimconfiance';

describe('the site without JavaScript and with the keyboard', () => {
  const web = browserSiteForSuite();

  async function withPage(
    javaScript: boolean,
    run: (page: Page, context: BrowserContext) => Promise<void>,
  ) {
    const context = await web.browser.newContext({
      javaScriptEnabled: javaScript,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    try {
      await run(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  test('catalog: search, facet and sort without JavaScript', async () => {
    await withPage(false, async (page) => {
      await page.goto(`${web.base}/explore/`);
      await page.fill('#catalog-search-input', 'arbres');
      await Promise.all([
        page.waitForURL(/q=arbres/),
        page.press('#catalog-search-input', 'Enter'),
      ]);
      assert.match((await page.textContent('[role=status]')) ?? '', /^12 jeux de données$/);
      await Promise.all([
        page.waitForURL(/refine\.theme=Culture/),
        page.click('#facet-theme + ul a:has-text("Culture")'),
      ]);
      assert.match((await page.textContent('[role=status]')) ?? '', /^6 jeux de données$/);
      await page.selectOption('#catalog-sort', 'title');
      await Promise.all([page.waitForURL(/sort=title/), page.click('.dg-sort-form button')]);
      const titles = await page.locator('.fr-card__title').allTextContents();
      assert.deepEqual(
        titles,
        [...titles].sort((a, b) => a.localeCompare(b, 'fr')),
      );
    });
  });

  test('table: search, sort, columns and record detail without JavaScript', async () => {
    await withPage(false, async (page) => {
      await page.goto(`${web.base}${DATASET}/table/`);
      await page.fill('#table-search-input', 'pizza');
      await Promise.all([page.waitForURL(/q=pizza/), page.press('#table-search-input', 'Enter')]);
      await Promise.all([
        page.waitForURL(/sort=app_libelle_etablissement/),
        page.click('th a.dg-sort-link'),
      ]);
      assert.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'descending');
      await page.click('.dg-columns summary');
      // DSFR draws its own boxes: a visitor clicks the labels.
      const checked = page.locator('.dg-columns input:checked + label');
      while ((await checked.count()) > 0) await checked.first().click();
      await page.click('label[for=column-code_postal]');
      await Promise.all([page.waitForURL(/fields=code_postal/), page.click('.dg-columns button')]);
      assert.equal(await page.locator('#records-table thead th').count(), 2);
      assert.match(
        page.url(),
        /sort=app_libelle_etablissement/,
        'the sort survives the column form',
      );
      await Promise.all([
        page.waitForURL(/record=/),
        page.click('#records-table tbody a >> nth=0'),
      ]);
      assert.ok(await page.isVisible('#record'));
    });
  });

  test('the language form switches the site to English and back, without JavaScript', async () => {
    await withPage(false, async (page, context) => {
      await page.goto(`${web.base}${DATASET}/table/?q=pizza`);
      await Promise.all([
        page.waitForURL(/table\/\?q=pizza$/),
        page.click('.dg-language-form button[value=en]'),
      ]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const cookie = (await context.cookies()).find((c) => c.name === 'django_language');
      assert.equal(cookie?.value, 'en');
      assert.equal(cookie?.sameSite, 'Lax');
      await page.click('.dg-language-form button[value=fr]');
      await page.waitForLoadState();
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    });
  });

  test('keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    await withPage(true, async (page) => {
      await page.goto(`${web.base}/explore/`);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
      assert.equal(first, 'Contenu');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      assert.notEqual(outline.split(' ')[0], 'none', 'the focus is visible');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => location.hash), '#content');
    });
  });

  test('keyboard: tabs, sort headers and facet links are reached and followed with Tab and Enter', async () => {
    await withPage(true, async (page) => {
      await page.goto(`${web.base}${DATASET}/information/`);
      const reached = async (selector: string) => {
        for (let i = 0; i < 200; i++) {
          if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
            return true;
          await page.keyboard.press('Tab');
        }
        return false;
      };
      assert.ok(await reached('.dg-tabs a[href*="/table/"]'), 'the table tab is reachable');
      await Promise.all([page.waitForURL(/\/table\//), page.keyboard.press('Enter')]);
      assert.ok(await reached('#facet-synthese_eval_sanit + ul a'), 'a facet link is reachable');
      await Promise.all([
        page.waitForURL(/refine\.synthese_eval_sanit=/),
        page.keyboard.press('Enter'),
      ]);
      assert.ok(await reached('th a.dg-sort-link'), 'a sort header is reachable');
      await Promise.all([page.waitForURL(/sort=/), page.keyboard.press('Enter')]);
      assert.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'descending');
      assert.ok(
        await reached('#records-table .fr-table__container'),
        'the wide table can be scrolled by keyboard',
      );
    });
  });
});
