// A dataset's Attachments and Access tabs in Chromium, in French and English, as an
// administrator goes through them: add a file (a real file picker), refuse a deletion without
// its box, delete; restrict the dataset and grant a user. axe-core finds no WCAG 2.1 A/AA
// violation on any page of the way, and the pages run under the portal's CSP untouched.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { emptyMetas } from '../../../src/core/dataset.ts';
import { axeViolations } from '../../helpers/axe.ts';
import { launchChromium } from '../../helpers/browser.ts';
import { listen } from '../../helpers/listening-portal.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';

let portal: TestPortal;
let browser: Browser;
let base = '';
let session = '';
let file = '';

before(async () => {
  portal = await startTestPortal({});
  for (const lang of ['fr', 'en']) {
    await portal.engine.metadata.saveDataset({ id: `docs-${lang}`, metas: emptyMetas('Docs') });
  }
  const { accounts, auth } = portal.services.auth;
  const admin = await accounts.createUser({
    email: 'admin@example.org',
    name: 'Admin',
    password: 'correct horse battery staple',
    role: 'admin',
  });
  await accounts.createUser({
    email: 'reader@example.org',
    name: 'Reader',
    password: 'correct horse battery staple',
  });
  session = (await auth.renewSession(admin)).key;
  file = join(portal.home, 'Notice technique.pdf');
  writeFileSync(file, '%PDF-1.4 a note\n');
  base = await listen(portal);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.close();
});

async function assertAccessible(page: Page, where: string, csp: string[]) {
  const failures = (await axeViolations(page)).map(
    (v) => `${where} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(failures, []);
  assert.deepEqual(csp, [], `${where}: no CSP violation`);
}

async function signedIn(lang: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([
    { name: 'django_language', value: lang, url: base },
    { name: 'sessionid', value: session, url: base },
  ]);
  return context;
}

async function submit(page: Page, selector: string) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response;
}

for (const lang of ['fr', 'en'] as const) {
  test(`attachments and access tabs, accessible (${lang})`, async () => {
    const id = `docs-${lang}`;
    const context = await signedIn(lang);
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) csp.push(message.text());
    });
    try {
      await page.goto(`${base}/backoffice/datasets/${id}/attachments/`);
      await assertAccessible(page, 'attachments, empty', csp);
      await page.setInputFiles('#attachment-file', file);
      await page.fill('#attachment-title', 'Notice');
      await submit(page, '#attachment-add button[type=submit]');
      assert.equal(await page.locator('#attachment-notice_technique_pdf').count(), 1);
      await assertAccessible(page, 'attachments, one added', csp);

      const refused = await submit(page, '#attachment-add button[type=submit]');
      assert.equal(refused?.status(), 400);
      await assertAccessible(page, 'attachments, refused', csp);

      await page.goto(`${base}/backoffice/datasets/${id}/attachments/notice_technique_pdf/replace`);
      await assertAccessible(page, 'replace', csp);
      await page.goto(`${base}/backoffice/datasets/${id}/attachments/notice_technique_pdf/delete`);
      assert.equal((await submit(page, '#attachment-delete button[type=submit]'))?.status(), 400);
      await assertAccessible(page, 'delete refused', csp);
      await page.click('label[for=confirm-attachment]');
      await submit(page, '#attachment-delete button[type=submit]');
      assert.equal(new URL(page.url()).pathname, `/backoffice/datasets/${id}/attachments/`);
      assert.equal(await page.locator('#attachments').count(), 0);

      await page.goto(`${base}/backoffice/datasets/${id}/access/`);
      await assertAccessible(page, 'access', csp);
      await page.click('label[for=visibility-1]');
      await submit(page, '#visibility-form button[type=submit]');
      assert.equal((await portal.engine.metadata.getDataset(id))?.visibility, 'restricted');
      await page.fill('#grantee', 'nobody@example.org');
      assert.equal((await submit(page, '#grant-form button[type=submit]'))?.status(), 404);
      await assertAccessible(page, 'access, refused grant', csp);
      await page.fill('#grantee', 'reader@example.org');
      await submit(page, '#grant-form button[type=submit]');
      assert.equal(await page.locator('#grants tbody tr').count(), 1);
      await assertAccessible(page, 'access, granted', csp);
    } finally {
      await context.close();
    }
  });
}
