// In Chromium, with JavaScript on: no page template triggers a Content-Security-Policy
// violation (the map and its popups included), the cookies are stored with the registry's
// attributes, and the CSRF check lets the site's own forms through and refuses a form whose
// cookie is gone, with a page that passes axe-core.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { BrowserContext, Page } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
import { mapSettled, mapZoom } from '../../helpers/map-page.ts';
import { browserSiteForSuite } from '../site-fixture.ts';
import { SITE_PAGES } from '../site-pages.ts';

const MAP = '/explore/dataset/export_alimconfiance/map/';

/** Records every CSP violation of the context's pages: the DOM event and the console message. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__cspViolation', ({ page }, text: string) => {
    violations.push(`${page.url()} ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(`${message.page()?.url()} console: ${message.text()}`);
    }
  });
  return violations;
}

async function withContext(
  web: ReturnType<typeof browserSiteForSuite>,
  run: (page: Page, context: BrowserContext, violations: string[]) => Promise<void>,
): Promise<void> {
  const context = await web.browser.newContext({
    javaScriptEnabled: true,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  try {
    const violations = await watchViolations(context);
    await run(await context.newPage(), context, violations);
  } finally {
    await context.close();
  }
}

/** Seconds from now to a cookie's expiry, as the browser stored it. */
function lifetime(expires: number): number {
  return expires - Date.now() / 1000;
}

describe('the site in Chromium: CSP, cookies, CSRF', () => {
  const web = browserSiteForSuite();

  test('the harness sees a violation: an inline script injected into a page', async () => {
    await withContext(web, async (page, _context, violations) => {
      await page.goto(`${web.base}/`);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.title = "ran"';
        document.body.append(script);
        const div = document.createElement('div');
        div.setAttribute('onclick', 'void 0');
        div.click();
      });
      await page.waitForTimeout(200);
      assert.notEqual(await page.title(), 'ran', 'the inline script did not run');
      assert.ok(
        violations.some((v) => /script-src/.test(v)),
        violations.join('\n'),
      );
    });
  });

  test('no page template triggers a CSP violation, with JavaScript on', async () => {
    await withContext(web, async (page, _context, violations) => {
      for (const path of Object.values(SITE_PAGES)) {
        await page.goto(`${web.base}${path}`, { waitUntil: 'networkidle' });
        // Open what scripts open: the header's menu and search modals (DSFR), the columns.
        for (const selector of ['.fr-btn--menu', '.fr-btn--search']) {
          const button = page.locator(selector).first();
          if (await button.isVisible()) await button.click();
        }
      }
      assert.deepEqual(violations, []);
    });
  });

  test('the map: clusters, zoom down to records and a popup, without a CSP violation', async () => {
    await withContext(web, async (page, _context, violations) => {
      await page.goto(`${web.base}${MAP}?refine.code_postal=75009`);
      const clusters = page.locator('.dg-map-cluster');
      await clusters.first().waitFor({ timeout: 20_000 });
      for (let level = 0; level < 6 && (await clusters.count()) > 0; level++) {
        const zoom = await mapZoom(page);
        await clusters.first().click();
        await mapSettled(page, Math.min(13, zoom + 2));
      }
      // Records are drawn on a canvas: open one from the list of the records drawn.
      await page.locator('#dataset-map-list summary').click();
      await page.locator('#dataset-map-list button').first().click();
      await page.locator('.leaflet-popup-content a').waitFor({ timeout: 10_000 });
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(500);
      assert.deepEqual(violations, []);
    });
  });

  test('csrftoken and django_language as the browser stores them', async () => {
    await withContext(web, async (page, context, violations) => {
      await page.goto(`${web.base}/explore/`);
      const csrf = (await context.cookies()).find((c) => c.name === 'csrftoken');
      assert.ok(csrf, 'the page set csrftoken');
      assert.match(csrf.value, /^[A-Za-z0-9]{32}$/);
      assert.equal(csrf.httpOnly, false, 'scripts may read it');
      assert.equal(csrf.sameSite, 'Lax');
      assert.equal(csrf.path, '/');
      assert.equal(csrf.secure, false, 'plain HTTP here');
      assert.ok(Math.abs(lifetime(csrf.expires) - 52 * 7 * 86_400) < 120, 'about 52 weeks');
      assert.equal(
        await page.evaluate(() => document.cookie.includes('csrftoken=')),
        true,
        'document.cookie shows it',
      );
      // The language form, with JavaScript on: the real browser's Origin and Sec-Fetch-Site pass.
      await Promise.all([
        page.waitForURL(/\/explore\/$/),
        page.click('.dg-language-form button[value=en]'),
      ]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const language = (await context.cookies()).find((c) => c.name === 'django_language');
      assert.ok(language);
      assert.equal(language.value, 'en');
      assert.equal(language.httpOnly, false);
      assert.equal(language.sameSite, 'Lax');
      assert.equal(language.path, '/');
      assert.equal(language.secure, false);
      assert.ok(Math.abs(lifetime(language.expires) - 365 * 86_400) < 120, 'about 12 months');
      const names = (await context.cookies()).map((c) => c.name).sort();
      assert.deepEqual(names, ['csrftoken', 'django_language'], 'no other cookie');
      assert.deepEqual(violations, []);
    });
  });

  test('a form whose cookie is gone gets the localised 403 page, which passes axe', async () => {
    await withContext(web, async (page, context, violations) => {
      await page.goto(`${web.base}/`);
      await context.clearCookies();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/i18n/setlang/')),
        page.click('.dg-language-form button[value=en]'),
      ]);
      assert.equal(response.status(), 403);
      await page.waitForLoadState();
      assert.equal(await page.textContent('h1'), 'Vérification de sécurité échouée');
      assert.match((await page.textContent('#csrf-reason')) ?? '', /csrftoken/);
      assert.deepEqual(await axeViolations(page), []);
      // The failure page set a new cookie: going back and sending the form again works.
      await page.goto(`${web.base}/`);
      await Promise.all([page.waitForURL(`${web.base}/`), page.click('.dg-language-form button')]);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.deepEqual(violations, []);
    });
  });
});
