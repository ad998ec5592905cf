// The metadata editor over real HTTP (inject): who may open it, the form filled from the stored
// metadata (an HTML description shown as Markdown), a save seen at once by the Explore API (the
// default template, `metas.dcat`, `lang=en`) and the DCAT exports, the activity log's diff, and
// refused values kept as typed with their messages, nothing saved.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { emptyMetas } from '../../src/core/dataset.ts';
import { csrfFromPage, formWithToken } from '../helpers/csrf.ts';
import { STAFF_PASSWORD, staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const PAGE = '/backoffice/datasets/cafes/metadata/';
const API = '/api/explore/v2.1/catalog/datasets/cafes';

/** Every field of the form, as a browser posts it, with `changes` applied. */
function form(changes: Record<string, string>): Record<string, string> {
  const names = [
    'title',
    'description',
    'theme',
    'keyword',
    'license',
    'license_url',
    'language',
    'publisher',
    'references',
    'territory',
    'attributions',
    'timezone',
    'dcat.created',
    'dcat.issued',
    'dcat.creator',
    'dcat.contributor',
    'dcat.contact_name',
    'dcat.contact_email',
    'dcat.accrualperiodicity',
    'dcat.spatial',
    'dcat.temporal_coverage_start',
    'dcat.temporal_coverage_end',
    'dcat.granularity',
    'dcat.dataquality',
    'translation.en.title',
    'translation.en.description',
    'translation.en.keyword',
    'translation.en.publisher',
  ];
  return { ...Object.fromEntries(names.map((name) => [name, ''])), ...changes };
}

for (const engine of TEST_ENGINES) {
  describe(`the metadata editor (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';
    let editor = '';

    before(async () => {
      portal = await startTestPortal({ engine });
      ({ admin, user } = await staffSessions(portal));
      await portal.engine.metadata.saveDataset({
        id: 'cafes',
        metas: {
          ...emptyMetas('Cafés de Lyon'),
          description: '<p>Les <strong>cafés</strong> de la ville.</p>',
          keyword: ['café', 'Lyon'],
          language: 'fr',
          custom_note: 'kept as it is',
        },
      });
      await portal.engine.metadata.saveDataset({ id: 'parks', metas: emptyMetas('Parks') });
      const { accounts, auth } = portal.services.auth;
      const account = await accounts.createUser({
        email: 'editor@example.org',
        name: 'Eddie Tor',
        password: STAFF_PASSWORD,
        role: 'editor',
      });
      await accounts.setEditableDatasets(account.id, ['parks']);
      editor = `sessionid=${(await auth.renewSession(await accounts.findUser(account.id))).key}`;
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string) =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': 'en', ...(cookie ? { cookie } : {}) },
      });

    async function post(fields: Record<string, string>, session: string, withToken = true) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      return portal.app.inject({
        method: 'POST',
        url: PAGE,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${session}; ${csrf.cookie}`,
        },
        payload: withToken
          ? formWithToken(fields, csrf.token)
          : new URLSearchParams(fields).toString(),
      });
    }

    const value = (body: string, name: string) => {
      const element = parse(body).querySelector(`[name="${name}"]`);
      if (element?.tagName === 'TEXTAREA') return element.text;
      if (element?.tagName === 'SELECT') {
        return element.querySelector('option[selected]')?.getAttribute('value') ?? '';
      }
      return element?.getAttribute('value') ?? '';
    };

    test('anonymous visitors sign in first; plain users and other editors are refused', async () => {
      const anonymous = await get(PAGE);
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `/login/?next=${encodeURIComponent(PAGE)}`);
      assert.equal((await get(PAGE, user)).statusCode, 403);
      assert.equal((await get(PAGE, editor)).statusCode, 403);
      assert.equal((await post(form({ title: 'x' }), editor)).statusCode, 403);
      assert.equal((await get('/backoffice/datasets/parks/metadata/', editor)).statusCode, 200);
      assert.equal((await get('/backoffice/datasets/nope/metadata/', admin)).statusCode, 404);
    });

    test('the form shows the stored metadata, the description as Markdown', async () => {
      const page = await get(PAGE, admin);
      assert.equal(page.statusCode, 200);
      assert.equal(value(page.body, 'title'), 'Cafés de Lyon');
      assert.equal(value(page.body, 'description'), 'Les **cafés** de la ville.');
      assert.equal(value(page.body, 'keyword'), 'café, Lyon');
      // The data are in French: only the English translation is offered.
      assert.ok(parse(page.body).querySelector('[name="translation.en.title"]'));
      assert.equal(parse(page.body).querySelector('[name="translation.fr.title"]'), null);
      const tab = parse(page.body).querySelector('a[aria-current="page"]');
      assert.equal(tab?.text.trim(), 'Metadata');
    });

    test('a saved form is what the API, the DCAT export and the activity log show', async () => {
      const saved = await post(
        form({
          title: 'Cafés et bars de Lyon',
          description: 'Les **cafés** et les bars.\n\n- ouverts\n- fermés',
          theme: 'Économie, Culture',
          keyword: 'café, bar, café',
          license: 'Licence Ouverte v2.0',
          license_url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
          language: 'fr',
          publisher: 'Ville de Lyon',
          attributions: 'OpenStreetMap\nINSEE',
          timezone: 'Europe/Paris',
          'dcat.contact_name': 'Service des données',
          'dcat.contact_email': 'donnees@example.fr',
          'dcat.accrualperiodicity': 'MONTHLY',
          'dcat.temporal_coverage_start': '2020-01-01',
          'dcat.temporal_coverage_end': '2025-12-31',
          'translation.en.title': 'Cafés and bars of Lyon',
          'translation.en.keyword': 'coffee, bar',
        }),
        admin,
      );
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/backoffice/datasets/cafes/metadata/?done=saved');
      assert.match((await get(String(saved.headers.location), admin)).body, /Metadata saved/);

      const dataset = (await get(API)).json();
      const metas = dataset.metas.default;
      assert.equal(metas.title, 'Cafés et bars de Lyon');
      assert.equal(
        metas.description,
        '<p>Les <strong>cafés</strong> et les bars.</p>\n<ul>\n<li>ouverts</li>\n<li>fermés</li>\n</ul>\n',
      );
      assert.deepEqual(metas.theme, ['Économie', 'Culture']);
      assert.deepEqual(metas.keyword, ['café', 'bar']);
      assert.deepEqual(metas.attributions, ['OpenStreetMap', 'INSEE']);
      assert.equal(metas.custom_note, 'kept as it is');
      assert.equal(metas.dcat, undefined);
      assert.equal(metas.translations, undefined);
      assert.equal(dataset.metas.dcat.contact_email, 'donnees@example.fr');
      assert.equal(dataset.metas.dcat.accrualperiodicity, 'MONTHLY');
      const english = (await get(`${API}?lang=en`)).json();
      assert.equal(english.metas.default.title, 'Cafés and bars of Lyon');
      assert.deepEqual(english.metas.default.keyword, ['coffee', 'bar']);

      const turtle = (await get('/api/explore/v2.1/catalog/exports/ttl')).body;
      assert.match(turtle, /vcard:fn "Service des données"/);
      assert.match(turtle, /mailto:donnees@example\.fr/);
      assert.match(turtle, /authority\/frequency\/MONTHLY/);
      assert.match(turtle, /dcat:startDate "2020-01-01"\^\^xsd:date/);

      const log = await portal.engine.metadata.listActivity({
        datasetId: 'cafes',
        limit: 50,
        offset: 0,
      });
      const entry = log.entries.find((e) => e.action === 'dataset.metadata');
      assert.ok(entry, 'the change is in the activity log');
      assert.deepEqual(entry.diff?.['title'], {
        before: 'Cafés de Lyon',
        after: 'Cafés et bars de Lyon',
      });
      assert.equal(entry.diff?.['custom_note'], undefined);
    });

    test('refused values come back as typed, each message by its field, nothing saved', async () => {
      const refused = await post(
        form({
          title: '',
          description: 'Still **here**',
          license_url: 'ftp://example.fr/licence',
          'dcat.contact_email': 'not-an-address',
          'dcat.accrualperiodicity': 'HOURLY',
          'dcat.temporal_coverage_start': '2025-01-01',
          'dcat.temporal_coverage_end': '2024-01-01',
          timezone: 'Mars/Olympus',
        }),
        admin,
      );
      assert.equal(refused.statusCode, 400);
      const html = parse(refused.body);
      const error = (id: string) => html.querySelector(`#${id}-error`)?.text ?? '';
      assert.match(error('metadata-title'), /Give the dataset a title/);
      assert.match(error('metadata-license_url'), /https:\/\//);
      assert.match(error('metadata-dcat-contact_email'), /Invalid e-mail/);
      assert.match(error('metadata-dcat-accrualperiodicity'), /Choose a frequency/);
      assert.match(error('metadata-dcat-temporal_coverage_end'), /before its start/);
      assert.match(error('metadata-timezone'), /Unknown time zone/);
      assert.equal(html.querySelectorAll('#metadata-problems li').length, 6);
      assert.equal(value(refused.body, 'description'), 'Still **here**');
      assert.equal(value(refused.body, 'dcat.contact_email'), 'not-an-address');
      assert.equal((await get(API)).json().metas.default.title, 'Cafés et bars de Lyon');

      const forged = await post(form({ title: 'Forged' }), admin, false);
      assert.equal(forged.statusCode, 403);
      assert.equal((await get(API)).json().metas.default.title, 'Cafés et bars de Lyon');
    });
  });
}
