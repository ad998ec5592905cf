// The dashboard's finer figures over real HTTP: API calls by source (the official widgets apart)
// and by API key (named by label and owner, never by the key), and one dataset's own figures
// with `?dataset=ID`, in the page and as CSV; an unknown dataset is refused next to its field.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const NOW = new Date('2026-11-29T10:15:00.000Z');
const DS = 'export_alimconfiance';
const RECORDS = `/api/explore/v2.1/catalog/datasets/${DS}/records?limit=1`;
const URL_DAY = '/backoffice/statistics/?period=day';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

function tableOf(body: string, figure: string): string[][] {
  return parse(body)
    .querySelectorAll(`#figure-${figure}-table tbody tr`)
    .map((row) => row.querySelectorAll('th, td').map((cell) => cell.text));
}

for (const engine of TEST_ENGINES) {
  describe(`statistics by API key and by dataset (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let secret = '';
    let prefix = '';

    before(async () => {
      portal = await startTestPortal({ engine, demo: true, audience: { clock: () => NOW } });
      ({ admin } = await staffSessions(portal));
      const owner = await portal.services.auth.accounts.findUser('admin@example.org');
      const created = await portal.services.auth.apiKeys.create(owner.id, { label: 'Dashboard' });
      secret = created.key;
      prefix = created.apiKey.prefix;
    });
    after(async () => portal?.close());

    const call = (url: string, headers: Record<string, string> = {}) =>
      portal.app.inject({
        url,
        remoteAddress: '203.0.113.7',
        headers: { 'user-agent': FIREFOX, ...headers },
      });
    const page_ = (url: string) =>
      portal.app.inject({ url, headers: { cookie: admin, 'accept-language': 'en' } });
    const page = (url: string) =>
      portal.app.inject({ url, headers: { cookie: admin, 'accept-language': 'en' } });

    test('API calls by source and by key', async () => {
      for (let i = 0; i < 2; i += 1) {
        assert.equal((await call(RECORDS, { authorization: `Apikey ${secret}` })).statusCode, 200);
      }
      assert.equal((await call(`${RECORDS}&apikey=${secret}`)).statusCode, 200);
      assert.equal((await call(RECORDS, { 'ods-widgets-version': '2.1.0' })).statusCode, 200);
      assert.equal((await call('/api/explore/v2.1/catalog/datasets')).statusCode, 200);
      assert.equal((await call(`/explore/dataset/${DS}/information/`)).statusCode, 200);

      const body = (await page(URL_DAY)).body;
      assert.deepEqual(tableOf(body, 'api-sources'), [
        ['API keys', '3'],
        ['Other clients', '1'],
        ['Official widgets (ODS Widgets)', '1'],
      ]);
      assert.deepEqual(tableOf(body, 'api-keys'), [
        [`Dashboard (${prefix}…), admin@example.org`, '3'],
      ]);
      assert.ok(!body.includes(secret), 'the key itself is never shown');
    });

    test("one dataset's figures, in the page and as CSV", async () => {
      const scoped = await page(`${URL_DAY}&dataset=${DS}`);
      assert.equal(scoped.statusCode, 200);
      const html = parse(scoped.body);
      assert.match(html.querySelector('h1')!.text, /export_alimconfiance/);
      const totals = new Map(tableOf(scoped.body, 'totals').map(([name, value]) => [name, value]));
      // The catalog call and the visitors belong to the portal, not to the dataset.
      assert.equal(totals.get('API calls'), '4');
      assert.equal(totals.get('Page views'), '1');
      assert.equal(totals.has('Visitors (daily estimates, summed)'), false);
      assert.equal(html.querySelector('#figure-devices-table'), null);
      assert.equal(
        (
          html.querySelector('#period-dataset') as { getAttribute(n: string): string | undefined }
        ).getAttribute('value'),
        DS,
      );

      const csv = await page(`${URL_DAY}&dataset=${DS}&format=csv&figure=api-endpoints`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-disposition']), /statistics-export_alimconfiance-/);
      assert.equal(csv.body, 'Endpoint,Count\r\nv2.1/records,4\r\n');
      for (const link of html.querySelectorAll('a[href*="format=csv"]')) {
        assert.match(link.getAttribute('href')!, /dataset=export_alimconfiance/);
      }
    });

    test("the dataset's back-office page shows its audience of the last 30 days", async () => {
      await portal.services.audience.flush();
      const page = await page_(`/backoffice/datasets/${DS}/`);
      assert.equal(page.statusCode, 200);
      const html = parse(page.body);
      const figures = html
        .querySelectorAll('#dataset-audience dt')
        .map((dt, i) => [dt.text, html.querySelectorAll('#dataset-audience dd')[i]!.text]);
      assert.deepEqual(figures, [
        ['Page views', '1'],
        ['API calls', '4'],
        ['Downloads and exports', '0'],
        ['Searches', '0'],
      ]);
      const link = html.querySelector('section[aria-labelledby="audience-heading"] a.fr-link');
      assert.equal(
        link?.getAttribute('href'),
        `/backoffice/statistics/?period=month&dataset=${DS}`,
      );
    });

    test('an unknown dataset is refused next to its field', async () => {
      const unknown = await page(`${URL_DAY}&dataset=nope`);
      assert.equal(unknown.statusCode, 400);
      const html = parse(unknown.body);
      assert.match(
        html.querySelector('#period-dataset-error')!.text,
        /No dataset has the identifier “nope”/,
      );
      assert.equal(
        (await page(`${URL_DAY}&dataset=nope&format=csv&figure=totals`)).statusCode,
        400,
      );
    });
  });
}
