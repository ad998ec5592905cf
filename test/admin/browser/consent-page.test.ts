// The back office consent page in Chromium, signed in as an administrator, in French and
// English, with a service listed and, after a refused submission, errors next to the fields:
// axe-core finds no WCAG 2.1 A/AA violation in either state.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
import { SCREENSHOTS, launchChromium } from '../../helpers/browser.ts';
import { listen } from '../../helpers/listening-portal.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';

let portal: TestPortal;
let browser: Browser;
let base = '';
let session = '';

before(async () => {
  portal = await startTestPortal({});
  const { accounts, auth } = portal.services.auth;
  const admin = await accounts.createUser({
    email: 'admin@example.org',
    name: 'Admin',
    password: 'correct horse battery staple',
    role: 'admin',
  });
  session = (await auth.renewSession(admin)).key;
  await portal.services.consent.saveService({
    id: 'tiles-host',
    name: 'Tiles',
    provider: 'Tiles Company',
    category: 'third-party',
    purpose: { fr: 'Fond de carte', en: 'Basemap' },
    kind: 'tiles',
    url: 'https://tiles.example.org/{z}/{x}/{y}.png',
    attribution: '© Tiles',
    cookies: [{ name: 'tl_id', maxAgeSeconds: 3600 }],
    privacyUrl: null,
  });
  await portal.services.texts.save('cookie-policy.before', 'fr', 'Texte **avant**.');
  base = await listen(portal);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.close();
});

async function assertAccessible(page: Page) {
  const failures = (await axeViolations(page)).map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(failures, []);
}

for (const lang of ['fr', 'en'] as const) {
  test(`the consent page passes axe-core, as shown and with errors (${lang})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: 'django_language', value: lang, url: base },
      { name: 'sessionid', value: session, url: base },
    ]);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${base}/backoffice/consent/`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.locator('#service-row-tiles-host').count(), 1);
      await assertAccessible(page);
      await page.fill('#service-id', 'video');
      await page.selectOption('#service-kind', 'iframe');
      await page.fill('#service-url', 'not a url');
      const [refused] = await Promise.all([
        page.waitForNavigation(),
        page.click('#service-form button[type=submit]'),
      ]);
      assert.equal(refused?.status(), 400);
      assert.equal(await page.inputValue('#service-url'), 'not a url');
      assert.equal(await page.locator('#service-url-error').count(), 0, 'required fields first');
      assert.ok((await page.locator('.fr-error-text').count()) >= 4);
      await page.screenshot({
        path: join(SCREENSHOTS, `backoffice-consent-${lang}.png`),
        fullPage: true,
      });
      await assertAccessible(page);
    } finally {
      await context.close();
    }
  });
}
