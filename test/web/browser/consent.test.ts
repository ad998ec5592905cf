// The consent banner and panel in Chromium, with a third-party provider on a local port: nothing
// reaches it before consent; accepting loads the services without a reload; the panel is a
// dialog that takes the focus and gives it back; closing it unanswered refuses; withdrawing
// clears the service's cookie; without JavaScript the same forms work; axe-core finds nothing.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { BrowserContext, Page } from 'playwright-core';

import { parsePreferences } from '../../../src/core/consent.ts';
import { axeViolations } from '../../helpers/axe.ts';
import type { ThirdPartyOrigins } from '../../helpers/third-party-origins.ts';
import { startThirdPartyOrigins } from '../../helpers/third-party-origins.ts';
import { testServices } from '../../helpers/third-party-services.ts';
import type { BrowserSite } from '../site-fixture.ts';
import { startBrowserSite } from '../site-fixture.ts';

describe('consent in Chromium', () => {
  let site: BrowserSite;
  let host: ThirdPartyOrigins;
  /** The paths the provider was asked for. */
  const asked = () => host.received.map((request) => request.path);
  /** Whether the provider is asked for a path that `matches` within 5 s (it races the page). */
  async function providerAsked(matches: (path: string) => boolean): Promise<boolean> {
    for (const until = Date.now() + 5000; Date.now() < until;) {
      if (asked().some(matches)) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return asked().some(matches);
  }
  /** The tag has run: its cookie is in the page's document.cookie. */
  const tagRan = (page: Page) =>
    page.waitForFunction(() => document.cookie.includes('tp_visitor='));
  before(async () => {
    host = await startThirdPartyOrigins();
    host.script('tag', { tp_visitor: 390 * 86_400 });
    site = await startBrowserSite();
    for (const service of testServices(host.origin('provider'))) {
      await site.portal.services.consent.saveService(service);
    }
  });
  after(async () => {
    await site?.close();
    await host?.close();
  });

  async function withPage(
    options: { javaScript?: boolean; locale?: string },
    run: (page: Page, context: BrowserContext) => Promise<void>,
  ): Promise<void> {
    const context = await site.browser.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      locale: options.locale ?? 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    try {
      await run(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  async function preferences(context: BrowserContext) {
    const cookie = (await context.cookies()).find((c) => c.name === 'cookies_preferences');
    return cookie ? parsePreferences(decodeURIComponent(cookie.value)) : null;
  }

  const focusedId = (page: Page) =>
    page.evaluate(() => {
      const active = document.activeElement;
      return active?.id || active?.closest('[id]')?.id || '';
    });

  test('before any choice nothing reaches the provider; accepting loads it in place', async () => {
    await withPage({}, async (page, context) => {
      host.clear();
      await page.goto(`${site.base}/`);
      await page.goto(`${site.base}/explore/`);
      await page.goto(`${site.base}/`);
      assert.equal(host.received.length, 0, 'no request before consent');
      // The banner is the first thing the keyboard meets.
      await page.keyboard.press('Tab');
      assert.ok(
        await page.evaluate(() =>
          document.getElementById('consent-banner')?.contains(document.activeElement),
        ),
      );
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
      await page.getByRole('button', { name: 'Tout accepter' }).click();
      await tagRan(page);
      await page.locator('iframe[title="Video Host"]').waitFor();
      assert.equal(await page.locator('#consent-banner').count(), 0);
      assert.equal(
        await page.evaluate(() => (window as unknown as { marker?: number }).marker),
        1,
        'the page was not reloaded',
      );
      assert.match(
        await page.locator('#consent-status').innerText(),
        /Vos choix ont été enregistrés/,
      );
      assert.ok(asked().includes('/tag.js'));
      assert.ok(await providerAsked((path) => path.startsWith('/embed')));
      const cookies = await context.cookies();
      assert.ok(
        cookies.some((c) => c.name === 'tp_visitor'),
        'the tag set its cookie',
      );
      const saved = await preferences(context);
      assert.deepEqual(saved?.services, { 'audience-tag': true, 'video-host': true, tiles: true });
    });
  });

  test('the footer link opens the panel as a dialog; withdrawing clears the tag’s cookie', async () => {
    await withPage({}, async (page, context) => {
      await page.goto(`${site.base}/`);
      await page.getByRole('button', { name: 'Tout accepter' }).click();
      await tagRan(page);
      await page.locator('#cookie-settings').focus();
      await page.keyboard.press('Enter');
      const dialog = page.locator('#fr-consent-modal');
      await dialog.waitFor({ state: 'visible' });
      assert.equal(await dialog.getAttribute('aria-modal'), 'true');
      assert.ok(
        await page.evaluate(() =>
          document.getElementById('fr-consent-modal')?.contains(document.activeElement),
        ),
      );
      // The radios show the standing choice.
      assert.ok(
        await dialog.locator('input[name="service:audience-tag"][value=accept]').isChecked(),
      );
      assert.deepEqual(await axeViolations(page), []);
      // Escape closes it; the focus comes back to the link that opened it.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await focusedId(page), 'cookie-settings');
      assert.deepEqual(
        (await preferences(context))?.services['audience-tag'],
        true,
        'closing an answered panel changes nothing',
      );
      // Withdraw: the tag cannot be unloaded, so the page starts again without it.
      await page.locator('#cookie-settings').click();
      await dialog.waitFor({ state: 'visible' });
      await Promise.all([
        page.waitForEvent('load'),
        dialog.getByRole('button', { name: 'Tout refuser' }).click(),
      ]);
      assert.equal(await page.locator('script[data-consent-loaded]').count(), 0);
      const names = (await context.cookies()).map((c) => c.name);
      assert.ok(!names.includes('tp_visitor'), `cleared: ${names.join(', ')}`);
      assert.deepEqual((await preferences(context))?.services, {
        'audience-tag': false,
        'video-host': false,
        tiles: false,
      });
    });
  });

  test('closing the panel before answering refuses everything', async () => {
    await withPage({}, async (page, context) => {
      host.clear();
      await page.goto(`${site.base}/`);
      await page.locator('#consent-customize').click();
      const dialog = page.locator('#fr-consent-modal');
      await dialog.waitFor({ state: 'visible' });
      await dialog.getByRole('button', { name: 'Fermer' }).click();
      await page.locator('#consent-banner').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.cookie.includes('cookies_preferences'));
      assert.deepEqual((await preferences(context))?.services, {
        'audience-tag': false,
        'video-host': false,
        tiles: false,
      });
      // The banner and its "Personnaliser" are gone: the focus goes to the page's content.
      await page.waitForFunction(() => document.activeElement?.id === 'content');
      await page.reload();
      assert.equal(await page.locator('#consent-banner').count(), 0);
      assert.equal(host.received.length, 0);
    });
  });

  test('a placeholder allows its one service without a reload', async () => {
    await withPage({ locale: 'en-GB' }, async (page, context) => {
      await page.goto(`${site.base}/`);
      const placeholder = page.locator('[data-consent-service=video-host]');
      assert.match(await placeholder.innerText(), /Video Company/);
      assert.deepEqual(await axeViolations(page), []);
      await placeholder.getByRole('button', { name: 'Allow Video Host' }).click();
      await page.locator('iframe[title="Video Host"]').waitFor();
      assert.deepEqual((await preferences(context))?.services, {
        'audience-tag': false,
        'video-host': true,
        tiles: false,
      });
      assert.ok(!asked().includes('/tag.js'), 'the tag stays out');
    });
  });

  test('the map keeps its own basemap until the tile service is allowed, then swaps', async () => {
    await withPage({}, async (page, context) => {
      host.clear();
      const map = `${site.base}/explore/dataset/export_alimconfiance/map/`;
      await page.goto(map);
      await page.locator('#dataset-map .leaflet-control-zoom').waitFor();
      await page.waitForTimeout(500);
      assert.equal(asked().filter((p) => p.startsWith('/tiles/')).length, 0);
      const placeholder = page.locator('[data-consent-service=tiles]');
      assert.match(await placeholder.innerText(), /Tile Company/);
      await placeholder.getByRole('button', { name: 'Autoriser Tile Maps' }).click();
      await page.locator('#dataset-map img.leaflet-tile').first().waitFor();
      assert.equal(await placeholder.count(), 0);
      assert.ok(await providerAsked((p) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(p)));
      assert.equal((await preferences(context))?.services['tiles'], true);
      // Withdrawn from the panel: back to the portal's outlines, no tile left.
      await page.locator('#cookie-settings').click();
      const dialog = page.locator('#fr-consent-modal');
      await dialog.waitFor({ state: 'visible' });
      await dialog.locator('[aria-controls=consent-modal-purpose-third-party-services]').click();
      await dialog.locator('label[for=consent-modal-service-tiles-refuse]').click();
      await dialog.getByRole('button', { name: 'Confirmer mes choix' }).click();
      await page.locator('#dataset-map img.leaflet-tile').first().waitFor({ state: 'detached' });
      await page.reload();
      await page.waitForTimeout(500);
      assert.equal(await page.locator('#dataset-map img.leaflet-tile').count(), 0);
    });
  });

  test('without JavaScript: the banner posts, the panel is a page, choices come back', async () => {
    await withPage({ javaScript: false }, async (page, context) => {
      host.clear();
      const path = () => new URL(page.url()).pathname;
      await page.goto(`${site.base}/explore/`);
      await Promise.all([
        page.waitForURL('**/cookies/preferences/**'),
        page.getByRole('link', { name: 'Personnaliser' }).click(),
      ]);
      await page.locator('label[for=consent-page-service-video-host-accept]').click();
      await Promise.all([
        page.waitForURL('**/explore/'),
        page.getByRole('button', { name: 'Confirmer mes choix' }).click(),
      ]);
      assert.equal(await page.locator('#consent-banner').count(), 0);
      const saved = await preferences(context);
      assert.deepEqual(saved?.services, {
        'audience-tag': false,
        'video-host': true,
        tiles: false,
      });
      assert.equal(saved?.statisticsOptOut, false);
      await page.goto(`${site.base}/`);
      assert.equal(await page.locator('iframe[title="Video Host"]').count(), 1);
      assert.ok(!asked().includes('/tag.js'));
      // The footer link, from the keyboard.
      await page.locator('#cookie-settings').focus();
      await Promise.all([
        page.waitForURL('**/cookies/preferences/**'),
        page.keyboard.press('Enter'),
      ]);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/'),
        page.getByRole('button', { name: 'Tout refuser' }).click(),
      ]);
      assert.equal(path(), '/');
      assert.equal(await page.locator('iframe').count(), 0);
    });
  });

  test('the banner and the policy page pass axe-core in both languages', async () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      await withPage({ locale }, async (page) => {
        await page.goto(`${site.base}/`);
        assert.deepEqual(await axeViolations(page), [], `${locale} home with the banner`);
        await page.goto(`${site.base}/cookies/`);
        assert.deepEqual(await axeViolations(page), [], `${locale} cookie policy`);
        await page.goto(`${site.base}/cookies/preferences/`);
        assert.deepEqual(await axeViolations(page), [], `${locale} consent panel page`);
        // The banner must never hide the page: the end of the page can scroll clear of it.
        await page.goto(`${site.base}/login/`);
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        const button = await page.locator('main button[type=submit]').boundingBox();
        const banner = await page.locator('#consent-banner').boundingBox();
        assert.ok(
          button && banner && button.y + button.height <= banner.y,
          'sign-in clear of the banner',
        );
      });
    }
  });
});
