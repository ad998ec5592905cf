// The audience dashboard over real HTTP: administrators only (sign-in for anonymous visitors,
// 403 for other accounts), the figures of generated traffic in its tables and CSV exports, and a
// clear answer to a bad period or figure. The dashboard's own requests are not counted.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import type { TestPortal } from '../helpers/test-portal.ts';
import { staffSessions } from '../helpers/staff-sessions.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const NOW = new Date('2026-11-29T10:15:00.000Z');
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const URL_DAY = '/backoffice/statistics/?period=day';

for (const engine of TEST_ENGINES) {
  describe(`the statistics dashboard (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';

    before(async () => {
      portal = await startTestPortal({ engine, audience: { clock: () => NOW } });
      ({ admin, user } = await staffSessions(portal));
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        remoteAddress: '203.0.113.7',
        headers: { 'user-agent': FIREFOX, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    test('anonymous visitors sign in first; other accounts are refused', async () => {
      const anonymous = await get(URL_DAY);
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `/login/?next=${encodeURIComponent(URL_DAY)}`);
      const refused = await get(URL_DAY, user);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /Access reserved to administrators/);
      assert.equal((await get(`${URL_DAY}&format=csv&figure=totals`, user)).statusCode, 403);
    });

    test('the figures of the traffic, in tables and as CSV', async () => {
      for (let i = 0; i < 3; i += 1) assert.equal((await get('/explore/?q=Pizza')).statusCode, 200);
      assert.equal((await get('/')).statusCode, 200);
      assert.equal((await get('/api/explore/v2.1/catalog/datasets')).statusCode, 200);
      const page = await get(URL_DAY, admin);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'private');
      const html = parse(page.body);
      const totals = new Map(
        html
          .querySelectorAll('#figure-totals-table tbody tr')
          .map((row) => [row.querySelector('th')!.text, row.querySelector('td')!.text]),
      );
      assert.equal(totals.get('Page views'), '4');
      assert.equal(totals.get('API calls'), '1');
      assert.equal(totals.get('Searches with no result'), '3');
      assert.equal(totals.get('Visitors (daily estimates, summed)'), '1');
      // Every figure has its table and its CSV link; charts have a title for assistive tech.
      for (const section of html.querySelectorAll('section[aria-labelledby^="figure-"]')) {
        const csv = section.querySelector('a[href*="format=csv"]');
        assert.ok(csv, `${section.getAttribute('aria-labelledby')} has a CSV link`);
      }
      assert.ok(html.querySelector('#figure-trend-chart title'));
      assert.ok(html.querySelector('#figure-trend-table'));

      const csv = await get(`${URL_DAY}&format=csv&figure=empty-searches`, admin);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.equal(csv.body, 'Search (catalog or records: term),Count\r\ncatalog: pizza,3\r\n');
      const pages = await get(`${URL_DAY}&format=csv&figure=pages`, admin);
      assert.equal(pages.body, 'Kind of page,Count\r\nCatalog,3\r\nHome,1\r\n');
      // The dashboard's own requests were not counted.
      const again = parse((await get(URL_DAY, admin)).body);
      const views = again
        .querySelectorAll('#figure-totals-table tbody tr')
        .find((row) => row.querySelector('th')!.text === 'Page views');
      assert.equal(views?.querySelector('td')?.text, '4');
    });

    test('a bad period or figure gets a clear answer', async () => {
      const bad = await get('/backoffice/statistics/?period=custom&from=2026-13-01&to=x', admin);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Give both dates, as YYYY-MM-DD/);
      const french = await portal.app.inject({
        url: '/backoffice/statistics/?period=custom&from=2026-11-30&to=2026-11-01',
        headers: { cookie: admin, 'accept-language': 'fr' },
      });
      assert.equal(french.statusCode, 400);
      assert.match(french.body, /La date de début suit la date de fin/);
      assert.equal((await get(`${URL_DAY}&format=csv&figure=nope`, admin)).statusCode, 400);
    });
  });
}
