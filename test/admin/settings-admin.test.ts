// The back office's portal settings page over real HTTP (SQLite): administrators only, CSRF on
// both forms (the logo's is multipart), refusals next to the field with the values kept, and the
// site following the saved settings at once: name, languages, theme, contact, logo (served with
// a strict CSP), legal notice and accessibility statement in Markdown.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';

import { en } from '../../src/i18n/messages/en.ts';
import { csrfFromPage } from '../helpers/csrf.ts';
import { staffSessions } from '../helpers/staff-sessions.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';

const HOST = 'data.example.fr';
const PAGE = '/backoffice/settings/';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

const VALID: [string, string][] = [
  ['portalName', 'Données de l’alimentation'],
  ['languages', 'fr'],
  ['languages', 'en'],
  ['defaultLanguage', 'fr'],
  ['theme', 'state'],
  ['contactEmail', 'contact@example.org'],
];

for (const engine of TEST_ENGINES)
  describe(`the back office portal settings page (${engine})`, () => {
    let portal: TestPortal;
    let admin = '';
    let user = '';

    before(async () => {
      portal = await startTestPortal({
        engine,
        env: { DATAGORA_PORTAL_NAME: 'Configured portal' },
      });
      ({ admin, user } = await staffSessions(portal));
    });
    after(async () => portal?.close());

    const get = (url: string, cookie?: string, lang = 'en') =>
      portal.app.inject({
        url,
        headers: { host: HOST, 'accept-language': lang, ...(cookie ? { cookie } : {}) },
      });

    async function post(url: string, fields: [string, string][], session = admin, token = true) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      const body = new URLSearchParams(fields);
      if (token) body.append('csrfmiddlewaretoken', csrf.token);
      return portal.app.inject({
        method: 'POST',
        url,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `${session}; ${csrf.cookie}`,
        },
        payload: body.toString(),
      });
    }

    async function upload(file: Buffer, filename: string, session = admin, token = true) {
      const csrf = await csrfFromPage(portal.app, '/', { host: HOST });
      const boundary = '----datagora-test-boundary';
      const parts: Buffer[] = [];
      if (token) {
        parts.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n${csrf.token}\r\n`,
          ),
        );
      }
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${filename}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      );
      return portal.app.inject({
        method: 'POST',
        url: `${PAGE}logo`,
        headers: {
          host: HOST,
          origin: `http://${HOST}`,
          'accept-language': 'en',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: `${session}; ${csrf.cookie}`,
        },
        payload: Buffer.concat(parts),
      });
    }

    test('anonymous visitors sign in first; other accounts get a 403 and change nothing', async () => {
      assert.equal((await get(PAGE)).headers.location, `/login/?next=${encodeURIComponent(PAGE)}`);
      assert.equal((await get(PAGE, user)).statusCode, 403);
      assert.equal((await post(PAGE, VALID, user)).statusCode, 403);
      assert.equal((await upload(PNG, 'logo.png', user)).statusCode, 403);
      assert.deepEqual(await portal.engine.settings.getSettings(), {});
    });

    test('forms without their CSRF token are refused, the multipart one too', async () => {
      assert.equal((await post(PAGE, VALID, admin, false)).statusCode, 403);
      assert.equal((await upload(PNG, 'logo.png', admin, false)).statusCode, 403);
      assert.deepEqual(await portal.engine.settings.getSettings(), {});
    });

    test('the page shows the configuration’s values until something is saved', async () => {
      const html = parse((await get(PAGE, admin)).body);
      assert.equal(
        html.querySelector('#settings-portalName')?.getAttribute('value'),
        'Configured portal',
      );
      assert.ok(html.querySelector('#settings-theme input[value="state"][checked]'));
      assert.ok(html.querySelector('#logo-none'));
    });

    test('bad settings come back marked by field, with what was typed', async () => {
      const response = await post(PAGE, [
        ['portalName', ' '],
        ['languages', 'en'],
        ['defaultLanguage', 'fr'],
        ['theme', 'neutral'],
        ['contactEmail', 'nobody'],
        ['legal-notice.body:fr', 'Texte gardé'],
      ]);
      assert.equal(response.statusCode, 400);
      const html = parse(response.body);
      assert.equal(html.querySelector('#settings-portalName-error')?.text, en['bo.error.required']);
      assert.equal(
        html.querySelector('#settings-defaultLanguage-error')?.text,
        en['bo.settings.error.notOffered'],
      );
      assert.equal(
        html.querySelector('#settings-contactEmail-error')?.text,
        en['bo.users.error.email'],
      );
      assert.equal(html.querySelector('#settings-contactEmail')?.getAttribute('value'), 'nobody');
      assert.ok(html.querySelector('#settings-theme input[value="neutral"][checked]'));
      assert.ok(html.querySelector('#settings-languages input[value="en"][checked]'));
      assert.equal(html.querySelector('#settings-languages input[value="fr"][checked]'), null);
      assert.equal(html.querySelector('#settings-legal-notice-body-fr')?.text, 'Texte gardé');
      assert.deepEqual(await portal.engine.settings.getSettings(), {});
    });

    test('saved settings show on the site at once: name, contact, legal pages', async () => {
      const response = await post(PAGE, [
        ...VALID,
        ['legal-notice.body:en', '## Publisher\n\nThe **DGAL** publishes this portal.'],
        ['accessibility.body:fr', 'Ce site est *partiellement conforme*.'],
      ]);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `${PAGE}?done=saved`);
      const home = parse((await get('/')).body);
      assert.equal(
        home.querySelector('.fr-header__service-title')?.text,
        'Données de l’alimentation',
      );
      assert.match(home.querySelector('title')!.text, /Données de l’alimentation$/);
      assert.ok(home.querySelector('footer a[href="mailto:contact@example.org"]'));
      const legal = parse((await get('/legal-notice/')).body);
      assert.equal(legal.querySelector('.dg-portal-text h3')?.text, 'Publisher');
      assert.equal(legal.querySelector('.dg-portal-text strong')?.text, 'DGAL');
      const legalFr = parse((await get('/legal-notice/', undefined, 'fr')).body);
      assert.equal(legalFr.querySelector('.dg-portal-text'), null, 'French keeps its default');
      const a11y = parse((await get('/accessibility/', undefined, 'fr')).body);
      assert.equal(a11y.querySelector('.dg-portal-text em')?.text, 'partiellement conforme');
      // Feeds and DCAT name the catalog with the saved name, not the configured one.
      const title = /<channel><title>([^<]*)<\/title>/;
      const rss = (await get('/api/explore/v2.1/catalog/exports/rss')).body;
      assert.equal(title.exec(rss)?.[1], 'Données de l’alimentation');
      const v1 = (await get('/api/datasets/1.0/search/?format=rss')).body;
      assert.equal(title.exec(v1)?.[1], 'Données de l’alimentation');
      const dcat = JSON.parse((await get('/api/explore/v2.1/catalog/exports/jsonld')).body) as {
        'dct:title'?: string;
      };
      assert.equal(dcat['dct:title'], 'Données de l’alimentation');
    });

    test('one language offered: visitors get it and no language switch', async () => {
      const response = await post(PAGE, [
        ['portalName', 'English only'],
        ['languages', 'en'],
        ['defaultLanguage', 'en'],
        ['theme', 'neutral'],
        ['contactEmail', ''],
      ]);
      assert.equal(response.statusCode, 303);
      const home = await get('/', undefined, 'fr-FR,fr;q=0.9');
      assert.equal(home.headers['content-language'], 'en');
      const html = parse(home.body);
      assert.equal(html.querySelector('.dg-language-form'), null);
      assert.equal(html.querySelector('.fr-header__logo'), null, 'no Marianne block');
      const back = await post(PAGE, VALID);
      assert.equal(back.statusCode, 303);
      const french = await get('/', undefined, 'fr-FR');
      assert.equal(french.headers['content-language'], 'fr');
      assert.ok(parse(french.body).querySelector('.fr-header__logo'));
    });

    test('a logo is uploaded, served from /assets/ with a strict CSP, shown, and removed', async () => {
      const response = await upload(PNG, 'logo.png');
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `${PAGE}?done=logo`);
      const home = parse((await get('/')).body);
      const src = home.querySelector('.dg-portal-logo')?.getAttribute('src') ?? '';
      assert.match(src, /^\/assets\/logo-[0-9a-f]{16}\.png$/);
      const asset = await get(src);
      assert.equal(asset.statusCode, 200);
      assert.equal(asset.headers['content-type'], 'image/png');
      assert.equal(asset.headers['x-content-type-options'], 'nosniff');
      assert.match(String(asset.headers['content-security-policy']), /default-src 'none'.*sandbox/);
      assert.ok(asset.rawPayload.equals(PNG));
      assert.equal((await get('/assets/logo-0000000000000000.png')).statusCode, 404);
      const removed = await post(`${PAGE}logo/remove`, []);
      assert.equal(removed.statusCode, 303);
      assert.equal(parse((await get('/')).body).querySelector('.dg-portal-logo'), null);
      assert.equal((await get(src)).statusCode, 404);
    });

    test('a refused logo is marked next to the file field', async () => {
      const cases: [Buffer, string][] = [
        [Buffer.from('GIF89a....'), en['bo.settings.logoError.type']],
        [
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          en['bo.settings.logoError.unsafeSvg'],
        ],
        [
          Buffer.concat([PNG, Buffer.alloc(600 * 1024)]),
          en['bo.settings.logoError.tooLarge'].replace('{max}', '512'),
        ],
        [Buffer.alloc(0), en['bo.settings.logoError.empty']],
      ];
      for (const [file, message] of cases) {
        const response = await upload(file, 'logo.bin');
        assert.equal(response.statusCode, 400, message);
        assert.equal(parse(response.body).querySelector('#settings-logo-error')?.text, message);
      }
      assert.equal((await portal.services.settings.current()).logo, null);
    });

    test('national DCAT-AP profiles: refused values marked, then activated and served', async () => {
      const EXPORT = '/api/explore/v2.1/catalog/exports/dcat_ap_sp';
      assert.equal((await get(EXPORT)).statusCode, 400);
      const refused = await post(`${PAGE}dcat-profiles`, [
        ['dcat_ap_sp.active', 'on'],
        ['dcat_ap_sp.dir3', 'E0000'],
        ['dcat_ap_sp.sector', 'astrologia'],
        // A profile left off keeps what was typed and is not checked.
        ['dcat_ap_it.ipa_code', '!'],
      ]);
      assert.equal(refused.statusCode, 400);
      const html = parse(refused.body);
      assert.equal(
        html.querySelector('#profile-dcat_ap_sp-dir3-error')?.text,
        en['bo.settings.profiles.error.format'],
      );
      assert.equal(
        html.querySelector('#profile-dcat_ap_sp-sector-error')?.text,
        en['bo.error.choice'],
      );
      assert.equal(html.querySelector('#profile-dcat_ap_sp-dir3')?.getAttribute('value'), 'E0000');
      assert.ok(html.querySelector('#profile-dcat_ap_sp-active[checked]'));
      assert.equal(html.querySelector('#profile-dcat_ap_it-ipa_code-error'), null);
      assert.equal(html.querySelector('#profile-dcat_ap_it-ipa_code')?.getAttribute('value'), '!');
      assert.deepEqual((await portal.services.settings.current()).dcatProfiles, {});

      const saved = await post(`${PAGE}dcat-profiles`, [
        ['dcat_ap_sp.active', 'on'],
        ['dcat_ap_sp.dir3', ' E00003901 '],
        ['dcat_ap_sp.sector', 'salud'],
      ]);
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${PAGE}?done=profiles#dcat-profiles`);
      assert.deepEqual((await portal.services.settings.current()).dcatProfiles, {
        dcat_ap_sp: { dir3: 'E00003901', sector: 'salud' },
      });
      const served = await get(EXPORT);
      assert.equal(served.statusCode, 200);
      assert.match(served.body, /Organismo\/E00003901/);
      const shown = parse((await get(`${PAGE}?done=profiles`, admin)).body);
      assert.ok(shown.querySelector('#profile-dcat_ap_sp-active[checked]'));
      assert.equal(shown.querySelector('#profile-dcat_ap_it-active[checked]'), null);
      assert.ok(shown.querySelector('#profile-dcat_ap_sp-sector option[value="salud"][selected]'));
      // A profile not activated offers the portal's contact address (saved by an earlier test).
      const contact = (await portal.services.settings.current()).contactEmail;
      assert.notEqual(contact, '');
      assert.equal(
        shown.querySelector('#profile-dcat_ap_vl-contact_email')?.getAttribute('value'),
        contact,
      );

      // Unticked, the profile is no longer served.
      assert.equal((await post(`${PAGE}dcat-profiles`, [])).statusCode, 303);
      assert.equal((await get(EXPORT)).statusCode, 400);
    });

    test('each change is in the activity log with a diff', async () => {
      const { entries } = await portal.engine.metadata.listActivity({
        action: 'settings.update',
        limit: 500,
        offset: 0,
      });
      const named = entries.find((e) => e.diff?.['portalName']?.after === 'English only');
      assert.deepEqual(named?.diff?.['languages'], { before: ['fr', 'en'], after: ['en'] });
      assert.ok(entries.some((e) => e.diff?.['legal-notice.body:en']));
      assert.ok(entries.some((e) => e.diff?.['logo']?.after === null));
      assert.ok(entries.some((e) => e.diff?.['dcat_ap_sp']?.before === null));
      assert.ok(entries.some((e) => e.diff?.['dcat_ap_sp']?.after === null));
    });
  });
