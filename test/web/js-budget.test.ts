// The JavaScript of every page but the map and analyze tabs must weigh under 100 kB gzipped:
// the scripts each page loads are fetched through the app and gzipped here.

import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { getPage, startSitePortal } from './site-fixture.ts';

const BUDGET_BYTES = 100_000;
const PAGES = [
  '/',
  '/explore/',
  '/explore/dataset/export_alimconfiance/information/',
  '/explore/dataset/export_alimconfiance/table/',
  '/explore/dataset/export_alimconfiance/export/',
  '/explore/dataset/export_alimconfiance/api/',
  '/cookies/',
];

describe('JavaScript weight per page', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startSitePortal({ extra: false });
  });
  after(async () => portal.close());

  for (const url of PAGES) {
    test(`${url} loads under 100 kB of gzipped JavaScript`, async () => {
      const page = await getPage(portal, url);
      const sources = page.dom
        .querySelectorAll('script[src]')
        .filter((s) => !s.hasAttribute('nomodule'))
        .map((s) => s.getAttribute('src')!);
      assert.ok(sources.length > 0, 'the page loads the DSFR module');
      let total = 0;
      for (const src of sources) {
        const response = await portal.app.inject({
          url: src,
          headers: { 'accept-encoding': 'identity' },
        });
        assert.equal(response.statusCode, 200, src);
        total += gzipSync(response.rawPayload).length;
      }
      assert.ok(total < BUDGET_BYTES, `${total} bytes gzipped`);
    });
  }
});
