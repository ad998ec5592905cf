// The users, groups, API keys and settings pages in Chromium, signed in as an administrator:
// create a user, give it a group, create an API key as that user and read the API with it, change
// the portal's name and see it on the home page. axe-core finds no WCAG 2.1 A/AA violation on any
// of the pages, as shown and with a refused form.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Browser, BrowserContext, Page } from 'playwright-core';

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
  portal = await startTestPortal({ demo: true });
  const { accounts, auth } = portal.services.auth;
  const admin = await accounts.createUser({
    email: 'admin@example.org',
    name: 'Admin',
    password: 'correct horse battery staple',
    role: 'admin',
  });
  session = (await auth.renewSession(admin)).key;
  await accounts.createGroup('Inspectors');
  base = await listen(portal);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.close();
});

async function assertAccessible(page: Page, where: string) {
  const failures = (await axeViolations(page)).map(
    (v) => `${where} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(failures, []);
}

async function signedIn(key: string, lang = 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([
    { name: 'django_language', value: lang, url: base },
    { name: 'sessionid', value: key, url: base },
  ]);
  return context;
}

async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation(), page.click(button)]);
}

test('an administrator creates a user, gives it a group; the user reads the API with a key', async () => {
  const context = await signedIn(session);
  const page = await context.newPage();
  try {
    await page.goto(`${base}/backoffice/users/`);
    await assertAccessible(page, 'users');
    await page.fill('#new-user-email', 'not an address');
    await submit(page, '#new-user button[type=submit]');
    assert.equal(await page.locator('#new-user-email-error').count(), 1);
    await assertAccessible(page, 'users, refused');
    await page.fill('#new-user-email', 'nina@example.org');
    await page.fill('#new-user-name', 'Nina');
    await submit(page, '#new-user button[type=submit]');
    const password = (await page.textContent('#new-password'))?.trim() ?? '';
    assert.match(password, /^[A-Za-z0-9]{20}$/);
    await assertAccessible(page, 'user');
    // The DSFR draws the box over the input: click its label, as a visitor does.
    await page.click('label[for="user-groups-0"]');
    await submit(page, '#user-profile button[type=submit]');
    assert.match((await page.textContent('#bo-notice')) ?? '', /saved/);
    await page.screenshot({ path: join(SCREENSHOTS, 'backoffice-user.png'), fullPage: true });
    const nina = await portal.services.auth.accounts.findUser('nina@example.org');
    const group = await portal.services.auth.accounts.findGroup('Inspectors');
    assert.deepEqual(nina.groupIds, [group.id]);
    await page.goto(`${base}/backoffice/groups/${group.id}/`);
    assert.match((await page.textContent('#members')) ?? '', /nina@example\.org/);
    await assertAccessible(page, 'group');

    // Nina signs in with the password shown once, and makes herself an API key.
    const own = await browser.newContext();
    const mine = await own.newPage();
    await mine.goto(`${base}/login/`);
    await mine.fill('input[name=email]', 'nina@example.org');
    await mine.fill('input[name=password]', password);
    await submit(mine, 'form[action^="/login"] button[type=submit]');
    await mine.goto(`${base}/account/`);
    await submit(mine, 'a[href="/backoffice/api-keys/"]');
    await assertAccessible(mine, 'API keys');
    await mine.fill('#key-label', 'Notebook');
    await submit(mine, '#new-key-heading + form button[type=submit]');
    const key = (await mine.textContent('#new-api-key'))?.trim() ?? '';
    assert.match(key, /^[a-z0-9]{48}$/);
    await assertAccessible(mine, 'API keys, key shown');
    const api = await fetch(`${base}/api/explore/v2.1/catalog/datasets?limit=1`, {
      headers: { authorization: `Apikey ${key}` },
    });
    assert.equal(api.status, 200);
    await own.close();
  } finally {
    await context.close();
  }
});

test('the portal name changed in the settings shows on the home page', async () => {
  const context = await signedIn(session, 'fr');
  const page = await context.newPage();
  try {
    await page.goto(`${base}/backoffice/settings/`);
    await assertAccessible(page, 'settings');
    await page.fill('#settings-portalName', '');
    await submit(page, '#settings-form button[type=submit]');
    assert.equal(await page.locator('#settings-portalName-error').count(), 1);
    await assertAccessible(page, 'settings, refused');
    await page.fill('#settings-portalName', 'Alim’ données');
    await submit(page, '#settings-form button[type=submit]');
    await page.goto(`${base}/`);
    assert.equal((await page.textContent('.fr-header__service-title'))?.trim(), 'Alim’ données');
    await page.screenshot({ path: join(SCREENSHOTS, 'backoffice-settings-home.png') });
  } finally {
    await context.close();
  }
});
