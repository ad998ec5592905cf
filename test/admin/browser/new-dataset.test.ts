// Creating a dataset in Chromium, signed in as an administrator: upload the real Alim'confiance
// export, see the preview (schema and first rows), "Publish now", follow the import on the
// Source tab until it succeeds, then find the records through the API. The new dataset form,
// the preview and the Source tab pass axe-core.

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
import { launchChromium } from '../../helpers/browser.ts';
import { demoRows } from '../../helpers/demo-csv.ts';
import { listen } from '../../helpers/listening-portal.ts';
import { staffSessions } from '../../helpers/staff-sessions.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { getJson, startTestPortal } from '../../helpers/test-portal.ts';

const EXPORT = fileURLToPath(
  new URL('../../../data/demo/export_alimconfiance.csv', import.meta.url),
);

let portal: TestPortal;
let browser: Browser;
let base = '';
let admin = '';

before(async () => {
  portal = await startTestPortal({});
  ({ admin } = await staffSessions(portal));
  base = await listen(portal);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.services.imports.idle();
  await portal?.close();
});

async function assertAccessible(page: Page) {
  const failures = (await axeViolations(page)).map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(failures, []);
}

test('upload → preview → publish now → the records are public', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([
    { name: 'django_language', value: 'en', url: base },
    { name: 'sessionid', value: admin.slice('sessionid='.length), url: base },
  ]);
  const page = await context.newPage();
  try {
    assert.equal((await page.goto(`${base}/backoffice/datasets/new/`))?.status(), 200);
    await assertAccessible(page);
    await page.setInputFiles('#new-file', EXPORT);
    await page.fill('#new-id', 'alim_browser');
    await page.fill('#new-title', 'Alim’confiance (browser)');
    const [preview] = await Promise.all([
      page.waitForNavigation(),
      page.click('form[enctype="multipart/form-data"] button[type=submit]'),
    ]);
    assert.equal(preview?.status(), 200);
    assert.equal(await page.locator('#preview-rows tbody tr').count(), 20);
    assert.ok((await page.locator('#preview-schema tbody tr').count()) >= 10);
    await assertAccessible(page);
    const [created] = await Promise.all([
      page.waitForNavigation(),
      page.click('button[name=publish][value=yes]'),
    ]);
    assert.equal(created?.status(), 200);
    assert.match(page.url(), /\/backoffice\/datasets\/alim_browser\/source\//);
    // The page follows the import (script or reload link) until it has ended.
    await page.waitForSelector('#import-jobs [data-job-state]:has-text("Succeeded")', {
      timeout: 60_000,
    });
    await assertAccessible(page);
    await portal.services.imports.idle();
    const records = await getJson(
      portal,
      '/api/explore/v2.1/catalog/datasets/alim_browser/records?limit=0',
    );
    assert.equal(records.body['total_count'], demoRows().length);
  } finally {
    await context.close();
  }
});
