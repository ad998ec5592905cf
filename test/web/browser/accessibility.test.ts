// Every page template and tab in Chromium, in French and English: axe-core finds no WCAG 2.1
// A/AA violation, and a screenshot of each is written under test-output/screenshots/.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { axeViolations } from '../../helpers/axe.ts';
import { SCREENSHOTS } from '../../helpers/browser.ts';
import { browserSiteForSuite } from '../site-fixture.ts';
import { SITE_PAGES } from '../site-pages.ts';

describe('every page passes axe-core in Chromium, in both languages', () => {
  const web = browserSiteForSuite();

  test('the harness does catch violations (a page without lang, an image without alt)', async () => {
    const page = await web.browser.newPage();
    try {
      await page.setContent('<html><body><img src="data:,"><a href="/"></a></body></html>');
      const ids = (await axeViolations(page)).map((v) => v.id);
      for (const expected of ['html-has-lang', 'image-alt', 'link-name', 'document-title']) {
        assert.ok(ids.includes(expected), `${expected} in ${ids.join(', ')}`);
      }
    } finally {
      await page.close();
    }
  });

  for (const lang of ['fr', 'en'] as const) {
    test(`all templates, ${lang}`, async () => {
      const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name: 'django_language', value: lang, url: web.base }]);
      const page = await context.newPage();
      const failures: string[] = [];
      try {
        for (const [name, path] of Object.entries(SITE_PAGES)) {
          const response = await page.goto(`${web.base}${path}`, { waitUntil: 'load' });
          assert.ok(response, path);
          assert.equal(await page.getAttribute('html', 'lang'), lang, path);
          await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}.png`), fullPage: true });
          for (const v of await axeViolations(page)) {
            failures.push(
              `${path} [${lang}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          }
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, []);
    });
  }
});
