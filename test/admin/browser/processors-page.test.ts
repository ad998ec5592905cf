// The processors page in Chromium, as the dataset's editor, in French and English: choose a kind,
// fill its form (a refused value first: its message shows by the field), save, see it in the
// list and its effect in the preview, move it, then re-import and find the records changed
// through the API. axe-core finds no WCAG 2.1 A/AA violation on the list or the forms.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import { axeViolations } from '../../helpers/axe.ts';
import { launchChromium } from '../../helpers/browser.ts';
import { listen } from '../../helpers/listening-portal.ts';
import type { ProcessorsPortal } from '../../helpers/processors-portal.ts';
import { PAGE, startProcessorsPortal } from '../../helpers/processors-portal.ts';
import { getJson } from '../../helpers/test-portal.ts';

let p: ProcessorsPortal;
let browser: Browser;
let base = '';

before(async () => {
  p = await startProcessorsPortal('sqlite');
  base = await listen(p.portal);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await p?.portal.services.imports.idle();
  await p?.portal.close();
});

async function assertAccessible(page: Page) {
  const failures = (await axeViolations(page)).map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(failures, []);
}

async function submit(page: Page, selector: string) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response?.status();
}

for (const lang of ['fr', 'en'] as const) {
  test(`add, refuse, save, move and re-import in the browser (${lang})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([
      { name: 'django_language', value: lang, url: base },
      { name: 'sessionid', value: p.editor.slice('sessionid='.length), url: base },
    ]);
    const page = await context.newPage();
    try {
      assert.equal((await page.goto(`${base}${PAGE}`))?.status(), 200);
      await assertAccessible(page);
      const before = await page.locator('#processors tbody tr').count();
      await page.selectOption('#add-type', 'set');
      assert.equal(await submit(page, '#add-heading ~ form button[type=submit]'), 200);
      await assertAccessible(page);
      const field = `ville_${lang}`;
      await page.fill('#proc-field', field);
      await page.fill('#proc-value', 'x');
      await page.fill('#proc-expression', 'upper(ville)');
      assert.equal(await submit(page, '#processor-form button[value=list]'), 400);
      assert.ok(await page.locator('#proc-value-error').isVisible());
      assert.equal(await page.inputValue('#proc-expression'), 'upper(ville)');
      await assertAccessible(page);
      await page.fill('#proc-value', '');
      assert.equal(await submit(page, '#processor-form button[value=list]'), 200);
      assert.equal(await page.locator('#processors tbody tr').count(), before + 1);
      assert.ok(await page.locator(`#preview-after thead code:text-is("${field}")`).count());
      await assertAccessible(page);
      if (before > 0) {
        // The new one moves up above the one before it.
        const moveUp = '#processors tbody tr:last-child form[action$="/move"] button';
        assert.equal(await submit(page, moveUp), 200);
        const rows = page.locator('#processors tbody tr');
        assert.match((await rows.nth(before - 1).textContent()) ?? '', new RegExp(field));
        await assertAccessible(page);
      }
      assert.equal(await submit(page, '#reimport-heading ~ form button[type=submit]'), 200);
      await p.portal.services.imports.idle();
      const records = await getJson(
        p.portal,
        `/api/explore/v2.1/catalog/datasets/cafes/records?select=${field}&where=ville='Lyon'&limit=1`,
      );
      assert.deepEqual(records.body.results, [{ [field]: 'LYON' }]);
    } finally {
      await context.close();
    }
  });
}
