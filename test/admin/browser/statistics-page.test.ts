// The audience dashboard in Chromium, signed in as an administrator, in French and English,
// with figures in every section: axe-core finds no WCAG 2.1 A/AA violation.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Browser } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
import { SCREENSHOTS, launchChromium } from '../../helpers/browser.ts';
import { listen } from '../../helpers/listening-portal.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';

const DS = 'export_alimconfiance';
let portal: TestPortal;
let browser: Browser;
let base = '';
let session = '';

before(async () => {
  portal = await startTestPortal({ demo: true });
  const { accounts, auth } = portal.services.auth;
  const admin = await accounts.createUser({
    email: 'admin@example.org',
    name: 'Admin',
    password: 'correct horse battery staple',
    role: 'admin',
  });
  session = (await auth.renewSession(admin)).key;
  const visit = (url: string, ua: string, headers: Record<string, string> = {}) =>
    portal.app.inject({ url, headers: { 'user-agent': ua, ...headers } });
  const phone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';
  const desktop = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
  await visit('/', desktop, { referer: 'https://www.example.org/' });
  await visit(`/explore/dataset/${DS}/`, phone);
  await visit(`/explore/dataset/${DS}/table/`, desktop);
  for (const q of ['pizza', 'pizza', 'pizza', 'zzqxw']) {
    await visit(`/api/records/1.0/search/?dataset=${DS}&q=${q}`, 'python-requests/2.31.0');
  }
  await visit(`/explore/dataset/${DS}/download/?format=csv`, desktop);
  await visit('/explore/dataset/nope/', desktop);
  await visit('/', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
  await portal.services.audience.recorder!.flush({ endOfDay: true });
  base = await listen(portal);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.close();
});

for (const lang of ['fr', 'en'] as const) {
  test(`the statistics dashboard passes axe-core (${lang})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: 'django_language', value: lang, url: base },
      { name: 'sessionid', value: session, url: base },
    ]);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${base}/backoffice/statistics/?period=day`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.ok((await page.locator('svg.dg-chart').count()) >= 3, 'charts are drawn');
      await page.screenshot({
        path: join(SCREENSHOTS, `backoffice-statistics-${lang}.png`),
        fullPage: true,
      });
      const failures = (await axeViolations(page)).map(
        (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      assert.deepEqual(failures, []);
    } finally {
      await context.close();
    }
  });
}
