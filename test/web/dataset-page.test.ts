// The dataset page's information tab, the legal pages, errors, robots.txt and sitemap.xml.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import { demoRows } from '../helpers/demo-csv.ts';
import { getPage, startSitePortal, texts } from './site-fixture.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

for (const engine of TEST_ENGINES)
  describe(`dataset information tab and site pages (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startSitePortal({ engine });
    });
    after(async () => portal.close());

    test('/explore/dataset/{id}/ and information/ show the metadata and fields', async () => {
      for (const url of [
        '/explore/dataset/export_alimconfiance/',
        '/explore/dataset/export_alimconfiance/information/',
      ]) {
        const page = await getPage(portal, url);
        assert.equal(page.status, 200, url);
        assert.equal(
          texts(page.dom, 'h1')[0],
          "Alimentation : résultats des contrôles sanitaires (Alim'confiance)",
        );
        const fields = texts(page.dom, 'table tbody th');
        assert.ok(fields.includes('geores'));
        assert.ok(fields.includes('APP_Libelle_activite_etablissement'));
        assert.ok(texts(page.dom, 'table tbody td').includes('Point géographique'));
        const records = demoRows().length;
        const count = new Intl.NumberFormat('fr-FR').format(records).replace(/\s/g, ' ');
        assert.ok(texts(page.dom, '.dg-metadata dd').includes(count), `record count ${count}`);
      }
    });

    test('metadata in the visitor’s language where a translation exists, else marked with theirs', async () => {
      const english = await getPage(portal, '/explore/dataset/export_alimconfiance/', {
        'accept-language': 'en',
      });
      assert.equal(
        texts(english.dom, 'h1')[0],
        "Food: results of sanitary inspections (Alim'confiance)",
      );
      assert.equal(english.dom.querySelector('h1')?.hasAttribute('lang'), false);
      assert.ok(english.dom.querySelector('.dg-description')?.text.includes('hygiene levels'));
      const french = await getPage(portal, '/explore/dataset/export_alimconfiance/');
      assert.equal(
        texts(french.dom, 'h1')[0],
        "Alimentation : résultats des contrôles sanitaires (Alim'confiance)",
      );
      await portal.engine.metadata.saveDataset({
        id: 'untranslated',
        metas: { ...emptyMetas('Arbres remarquables'), language: 'fr' },
      });
      const marked = await getPage(portal, '/explore/dataset/untranslated/', {
        'accept-language': 'en',
      });
      assert.equal(marked.dom.querySelector('h1')?.getAttribute('lang'), 'fr');
      const found = await getPage(portal, '/explore/?q=inspections', { 'accept-language': 'en' });
      assert.ok(
        texts(found.dom, '.fr-card__title').some((t) => t.startsWith('Food:')),
        'translations are searched',
      );
    });

    test('the description is publisher HTML, sanitised', async () => {
      await portal.engine.metadata.saveDataset({
        id: 'dirty',
        metas: {
          title: 'Dirty',
          description:
            '<p onclick="x()">Hello <script>alert(1)</script><a href="javascript:x">l</a><b>ok</b></p>',
          theme: null,
          keyword: null,
          license: null,
          license_url: 'javascript:alert(1)',
          language: null,
          publisher: null,
          references: null,
          attributions: null,
          territory: null,
          timezone: null,
        },
      });
      const page = await getPage(portal, '/explore/dataset/dirty/');
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.html, /<script>alert|onclick|javascript:/);
      assert.match(page.html, /<b>ok<\/b>/);
    });

    test('schema.org Dataset JSON-LD, canonical URL and Open Graph tags', async () => {
      const page = await getPage(portal, '/explore/dataset/export_alimconfiance/');
      const script = page.dom.querySelector('script[type="application/ld+json"]');
      const jsonLd = JSON.parse(script!.text);
      assert.equal(jsonLd['@type'], 'Dataset');
      assert.equal(jsonLd.url, 'https://data.example.fr/explore/dataset/export_alimconfiance/');
      assert.equal(jsonLd.creator.name, "Direction générale de l'alimentation (DGAL)");
      assert.ok(
        jsonLd.distribution.some((d: { contentUrl: string }) =>
          d.contentUrl.endsWith('/exports/geojson'),
        ),
      );
      assert.equal(
        page.dom.querySelector('link[rel=canonical]')?.getAttribute('href'),
        'https://data.example.fr/explore/dataset/export_alimconfiance/information/',
      );
      assert.equal(
        page.dom.querySelector('meta[property="og:title"]')?.getAttribute('content'),
        jsonLd.name,
      );
    });

    test('an unknown, invalid or restricted dataset is a localised 404 page', async () => {
      for (const url of [
        '/explore/dataset/nope/',
        '/explore/dataset/NOT%20VALID/',
        '/explore/dataset/nope/information/',
      ]) {
        const page = await getPage(portal, url, { 'accept-language': 'en' });
        assert.equal(page.status, 404, url);
        assert.equal(texts(page.dom, 'h1')[0], 'Page not found');
        assert.match(String(page.headers['content-type']), /text\/html/);
      }
    });

    test('the map tab exists only for datasets with a geo_point_2d or geo_shape field', async () => {
      const geo = await getPage(portal, '/explore/dataset/export_alimconfiance/');
      assert.ok(geo.dom.querySelector('.dg-tabs a[href$="/map/"]'));
      const plain = await getPage(portal, '/explore/dataset/arbres_01/');
      assert.equal(plain.dom.querySelector('.dg-tabs a[href$="/map/"]'), null);
      assert.equal((await getPage(portal, '/explore/dataset/arbres_01/map/')).status, 404);
    });

    test('the offline basemap and the map script are served by the portal itself', async () => {
      const basemap = await portal.app.inject({ url: '/static/basemap/countries.geojson' });
      assert.equal(basemap.statusCode, 200);
      const france = (basemap.json().features as { properties: { name: string } }[]).find(
        (f) => f.properties.name === 'France',
      );
      assert.ok(france, 'France is among the outlines');
      const script = await portal.app.inject({ url: '/static/js/map.js' });
      assert.equal(script.statusCode, 200);
      assert.match(String(script.headers['content-type']), /javascript/);
      assert.doesNotMatch(script.body, /https?:\/\/[a-z.]*(openstreetmap|tile|cdn)/i);
      assert.equal((await portal.app.inject({ url: '/static/js/nope.js' })).statusCode, 404);
    });

    test('an unknown page is a 404 page; the API keeps its JSON 404', async () => {
      const page = await getPage(portal, '/no/such/page');
      assert.equal(page.status, 404);
      assert.equal(texts(page.dom, 'h1')[0], 'Page non trouvée');
      const api = await portal.app.inject({ url: '/api/explore/v2.1/no/such' });
      assert.equal(api.statusCode, 404);
      assert.equal(api.json().error_code, 'NotFound');
    });

    test('legal, accessibility, personal data, cookie policy and site map pages', async () => {
      const expected: Record<string, string> = {
        '/legal-notice/': 'Mentions légales',
        '/accessibility/': 'Déclaration d’accessibilité',
        '/personal-data/': 'Données personnelles',
        '/cookies/': 'Politique de cookies',
        '/sitemap/': 'Plan du site',
      };
      for (const [url, title] of Object.entries(expected)) {
        const page = await getPage(portal, url);
        assert.equal(page.status, 200, url);
        assert.equal(texts(page.dom, 'h1')[0], title);
      }
    });

    test('the cookie policy lists the cookies of the registry by category, with lifetimes', async () => {
      const page = await getPage(portal, '/cookies/', { 'accept-language': 'en' });
      const necessary = page.dom.querySelector('#cookies-necessary')!;
      assert.deepEqual(texts(necessary, 'tbody code'), [
        'sessionid',
        'django_language',
        'csrftoken',
        'cookies_preferences',
      ]);
      const rows = necessary.querySelectorAll('tbody tr').map((row) => texts(row, 'td'));
      // Lifetimes and attributes as DESIGN.md's cookie table states them.
      assert.deepEqual(
        rows.map((row) => row[3]),
        ['2 weeks', '12 months', '52 weeks', '6 months'],
      );
      assert.match(rows[0]![1]!, /HttpOnly, SameSite=Lax, Secure \(over HTTPS\), Path=\//);
      assert.match(rows[1]![1]!, /: SameSite=Lax, Secure \(over HTTPS\), Path=\//);
      for (const row of rows) assert.ok((row[2] ?? '').length > 20, 'a purpose is given');
      assert.deepEqual(texts(necessary, 'tbody th'), Array(4).fill(portal.config.portalName));
      // No third-party service is configured: the other categories say so.
      assert.equal(page.dom.querySelector('#cookies-third-party'), null);
      assert.match(page.html, /No cookie of this category is set/);
    });

    test('robots.txt points at the sitemap; sitemap.xml lists pages and datasets', async () => {
      const robots = await portal.app.inject({ url: '/robots.txt' });
      assert.match(robots.body, /^Sitemap: https:\/\/data\.example\.fr\/sitemap\.xml$/m);
      assert.match(robots.body, /^Disallow: \/api\/$/m);
      const sitemap = await portal.app.inject({ url: '/sitemap.xml' });
      assert.match(String(sitemap.headers['content-type']), /application\/xml/);
      const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
      assert.ok(locs.includes('https://data.example.fr/explore/dataset/export_alimconfiance/'));
      assert.ok(locs.includes('https://data.example.fr/explore/'));
      const datasets = await portal.engine.metadata.listDatasets();
      assert.equal(locs.filter((l) => l?.includes('/explore/dataset/')).length, datasets.length);
    });
  });
