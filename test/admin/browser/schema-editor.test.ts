// The schema editor in Chromium, in French and English: the page, a label and its translation
// saved, a field moved down (the focus stays on its button) then saved with Enter in a box (the
// form's first button saves), then a type change refused with its message next to the type.
// axe-core finds no WCAG 2.1 A/AA violation on the page, saved, moved or refused.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Browser, Page } from 'playwright-core';

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
let session = '';

before(async () => {
  portal = await startTestPortal({});
  for (const id of ['fr-kinds', 'en-kinds']) {
    await portal.engine.metadata.saveDataset({ id, metas: emptyMetas(`Kinds ${id}`) });
    const writer = await portal.engine.beginVersion({
      datasetId: id,
      fields: SAMPLE_FIELDS,
      source: null,
    });
    await writer.append(sampleRows(4));
    await writer.commit();
  }
  const { accounts, auth } = portal.services.auth;
  const user = await accounts.createUser({
    email: 'admin@example.org',
    name: 'The admin',
    password: 'correct horse battery staple',
    role: 'admin',
  });
  session = (await auth.renewSession(await accounts.findUser(user.id))).key;
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

for (const lang of ['fr', 'en'] as const) {
  test(`the schema editor saves a label and refuses a bad type, accessible (${lang})`, async () => {
    const id = `${lang}-kinds`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: 'django_language', value: lang, url: base },
      { name: 'sessionid', value: session, url: base },
    ]);
    const page = await context.newPage();
    try {
      assert.equal((await page.goto(`${base}/backoffice/datasets/${id}/schema/`))?.status(), 200);
      assert.equal(await page.locator('table tbody tr').count(), SAMPLE_FIELDS.length);
      await assertAccessible(page, 'schema');

      await page.fill('#schema-city-label', 'Ville');
      await page.fill('#schema-city-tr-en-label', 'Town');
      await Promise.all([page.waitForNavigation(), page.click('#schema-form button[type=submit]')]);
      assert.match(page.url(), /done=saved$/);
      assert.equal(await page.inputValue('#schema-city-label'), 'Ville');
      await assertAccessible(page, 'saved');
      const api = await fetch(`${base}/api/explore/v2.1/catalog/datasets/${id}?lang=en`);
      const fields = ((await api.json()) as { fields: { name: string; label: string }[] }).fields;
      assert.equal(fields.find((f) => f.name === 'city')?.label, 'Town');

      await Promise.all([page.waitForNavigation(), page.click('#schema-city-move-down')]);
      // The page puts the focus back on the button once loaded: waited for, not raced.
      await page.waitForFunction(
        () => document.activeElement?.id === 'schema-city-move-down',
        null,
        {
          timeout: 5000,
        },
      );
      assert.equal(
        await page.inputValue('input[name=order]'),
        'name,tags,city,count,score,open,day,seen,location,area,extra',
      );
      await assertAccessible(page, 'moved');
      await page.fill('#schema-score-unit', '°C');
      await Promise.all([page.waitForNavigation(), page.press('#schema-score-unit', 'Enter')]);
      assert.match(page.url(), /done=saved$/);
      const saved = await fetch(`${base}/api/explore/v2.1/catalog/datasets/${id}`);
      const names = ((await saved.json()) as { fields: { name: string }[] }).fields.map(
        (f) => f.name,
      );
      assert.deepEqual(names.slice(0, 3), ['name', 'tags', 'city']);

      await page.selectOption('#schema-city-type', 'int');
      const [refused] = await Promise.all([
        page.waitForNavigation(),
        page.click('#schema-form button[type=submit]'),
      ]);
      assert.equal(refused?.status(), 400);
      assert.match(await page.locator('#schema-city-type-error').innerText(), /Lyon/);
      await assertAccessible(page, 'refused');
      await page.screenshot({ path: join(SCREENSHOTS, `backoffice-schema-${lang}.png`) });
    } finally {
      await context.close();
    }
  });
}
