// The dataset lifecycle in Chromium, as an editor would go through it, in French and English:
// the list → the dataset's page → unpublish (the public API loses it) → publish → roll back
// through the confirmation page (the previous version is online again); then the activity log as
// an administrator. axe-core finds no WCAG 2.1 A/AA violation on any page of the way.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { emptyMetas } from '../../../src/core/dataset.ts';
import { axeViolations } from '../../helpers/axe.ts';
import { SCREENSHOTS, launchChromium } from '../../helpers/browser.ts';
import { listen } from '../../helpers/listening-portal.ts';
import { SAMPLE_FIELDS, sampleRows } from '../../helpers/sample-fields.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';

let portal: TestPortal;
let browser: Browser;
let base = '';
const sessions = { editor: '', admin: '' };

async function load(datasetId: string, rows: number) {
  const writer = await portal.engine.beginVersion({
    datasetId,
    fields: SAMPLE_FIELDS,
    source: `${datasetId}-v${rows}.csv`,
  });
  await writer.append(sampleRows(rows));
  return writer.commit();
}

before(async () => {
  portal = await startTestPortal({});
  for (const id of ['fr-cafes', 'en-cafes']) {
    await portal.engine.metadata.saveDataset({ id, metas: emptyMetas(`Cafés ${id}`) });
    await load(id, 3);
    await load(id, 5);
  }
  const { accounts, auth } = portal.services.auth;
  for (const role of ['editor', 'admin'] as const) {
    const user = await accounts.createUser({
      email: `${role}@example.org`,
      name: `The ${role}`,
      password: 'correct horse battery staple',
      role,
    });
    if (role === 'editor') await accounts.setEditableDatasets(user.id, ['fr-cafes', 'en-cafes']);
    sessions[role] = (await auth.renewSession(await accounts.findUser(user.id))).key;
  }
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

async function signedIn(lang: string, who: 'editor' | 'admin'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([
    { name: 'django_language', value: lang, url: base },
    { name: 'sessionid', value: sessions[who], url: base },
  ]);
  return context;
}

async function submit(page: Page, selector: string) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response;
}

async function publicStatus(id: string): Promise<number> {
  return (await fetch(`${base}/api/explore/v2.1/catalog/datasets/${id}`)).status;
}

for (const lang of ['fr', 'en'] as const) {
  test(`list → dataset → unpublish → publish → roll back, accessible (${lang})`, async () => {
    const id = `${lang}-cafes`;
    const context = await signedIn(lang, 'editor');
    const page = await context.newPage();
    try {
      assert.equal((await page.goto(`${base}/backoffice/`))?.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/backoffice/datasets/');
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await assertAccessible(page, 'list');

      await Promise.all([page.waitForNavigation(), page.click(`#dataset-row-${id} a`)]);
      assert.equal(new URL(page.url()).pathname, `/backoffice/datasets/${id}/`);
      assert.equal(await page.locator('#versions tbody tr').count(), 2);
      await assertAccessible(page, 'dataset');

      await submit(page, '#publish-form button');
      assert.equal(await page.locator('#bo-notice').count(), 1);
      assert.equal(await publicStatus(id), 404);
      await assertAccessible(page, 'unpublished');
      await page.screenshot({
        path: join(SCREENSHOTS, `backoffice-dataset-draft-${lang}.png`),
        fullPage: true,
      });

      await submit(page, '#publish-form button');
      assert.equal(await publicStatus(id), 200);

      await Promise.all([page.waitForNavigation(), page.click('a[href$="/rollback"]')]);
      await assertAccessible(page, 'rollback confirmation');
      const refused = await submit(page, '#confirm-form button[type=submit]');
      assert.equal(refused?.status(), 400);
      assert.equal(await page.locator('#confirm-rollback-error').count(), 1);
      await assertAccessible(page, 'rollback refused');
      // DSFR draws the box over the input: a person clicks the label.
      await page.click('label[for=confirm-rollback]');
      await submit(page, '#confirm-form button[type=submit]');
      assert.equal(new URL(page.url()).pathname, `/backoffice/datasets/${id}/`);
      assert.equal((await portal.engine.metadata.getDataset(id))?.current?.recordsCount, 3);
      assert.match(await page.locator('#dataset-current').innerText(), /3/);
    } finally {
      await context.close();
    }

    const adminContext = await signedIn(lang, 'admin');
    const log = await adminContext.newPage();
    try {
      await log.goto(`${base}/backoffice/activity/?dataset=${id}`);
      assert.equal(await log.locator('#activity tbody tr').count(), 3);
      await assertAccessible(log, 'activity');
      await log.screenshot({
        path: join(SCREENSHOTS, `backoffice-activity-${lang}.png`),
        fullPage: true,
      });
    } finally {
      await adminContext.close();
    }
  });
}
