// The catalog page, /explore/: search, facets, sort and paging, all carried by the URL.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { EXTRA_DATASETS, getPage, startSitePortal, texts } from './site-fixture.ts';
import { TEST_ENGINES } from '../helpers/test-portal.ts';

const cardTitles = (page: Awaited<ReturnType<typeof getPage>>) =>
  texts(page.dom, '.fr-card__title');

for (const engine of TEST_ENGINES)
  describe(`catalog page (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startSitePortal({ engine });
    });
    after(async () => portal.close());

    test('lists every public dataset, ten per page, with a count', async () => {
      const page = await getPage(portal, '/explore/');
      assert.equal(page.status, 200);
      assert.equal(cardTitles(page).length, 10);
      assert.equal(texts(page.dom, '[role=status]')[0], '13 jeux de données');
      const second = await getPage(portal, '/explore/?page=2');
      assert.equal(cardTitles(second).length, 3);
      const all = new Set([...cardTitles(page), ...cardTitles(second)]);
      assert.equal(all.size, 13);
    });

    test('full-text search ignores case and accents and keeps the query in the form', async () => {
      const page = await getPage(portal, '/explore/?q=CONTROLES%20sanitaires');
      assert.deepEqual(cardTitles(page), [
        "Alimentation : résultats des contrôles sanitaires (Alim'confiance)",
      ]);
      assert.equal(
        page.dom.querySelector('#catalog-search-input')?.getAttribute('value'),
        'CONTROLES sanitaires',
      );
      const none = await getPage(portal, '/explore/?q=zzzz');
      assert.equal(cardTitles(none).length, 0);
      assert.ok(none.html.includes('Aucun jeu de données ne correspond'));
    });

    test('refine.theme narrows the list; facet links toggle the refine', async () => {
      const culture = EXTRA_DATASETS.filter((d) => d.theme.includes('Culture')).length;
      const page = await getPage(portal, '/explore/?refine.theme=Culture');
      assert.equal(texts(page.dom, '[role=status]')[0], `${culture} jeux de données`);
      const refined = page.dom.querySelector('#facet-theme + ul a[aria-current=true]');
      assert.ok(refined, 'the refined value is marked');
      assert.equal(refined.getAttribute('href'), '/explore/');
      const lyon = page.dom.querySelectorAll('a').find((a) => a.text.includes('Ville de Lyon'));
      assert.equal(
        lyon?.getAttribute('href'),
        '/explore/?refine.theme=Culture&refine.publisher=Ville+de+Lyon',
      );
      const both = await getPage(portal, lyon!.getAttribute('href')!);
      const expected = EXTRA_DATASETS.filter(
        (d) => d.theme.includes('Culture') && d.publisher === 'Ville de Lyon',
      ).length;
      assert.equal(cardTitles(both).length, expected);
    });

    test('exclude.publisher removes datasets', async () => {
      const page = await getPage(portal, '/explore/?exclude.publisher=Ville%20de%20Nantes');
      const kept = 13 - EXTRA_DATASETS.filter((d) => d.publisher === 'Ville de Nantes').length;
      assert.equal(texts(page.dom, '[role=status]')[0], `${kept} jeux de données`);
    });

    test('sort by title and by records count', async () => {
      const byTitle = cardTitles(await getPage(portal, '/explore/?sort=title'));
      assert.deepEqual(
        byTitle,
        [...byTitle].sort((a, b) => a.localeCompare(b, 'fr')),
      );
      assert.equal(byTitle[0]?.startsWith('Alimentation'), true);
      const byRecords = cardTitles(await getPage(portal, '/explore/?sort=records_count'));
      assert.equal(byRecords[0]?.startsWith('Alimentation'), true, 'the only dataset with records');
    });

    test('pagination links keep the filters; bad parameters fall back, never fail', async () => {
      const page = await getPage(portal, '/explore/?refine.theme=Environnement&sort=title');
      const next = page.dom.querySelector('.fr-pagination__link--next');
      assert.equal(
        next?.getAttribute('href'),
        '/explore/?refine.theme=Environnement&sort=title&page=2',
      );
      for (const url of [
        '/explore/?page=999',
        '/explore/?page=-1',
        '/explore/?sort=%27%3B',
        '/explore/?refine.nope=x',
        '/explore/?refine.theme=',
      ]) {
        assert.equal((await getPage(portal, url)).status, 200, url);
      }
    });

    test('a theme link of the home page opens the refined catalog', async () => {
      const home = await getPage(portal, '/');
      const link = home.dom.querySelectorAll('#home-themes + ul a')[0];
      assert.ok(link);
      const page = await getPage(portal, link.getAttribute('href')!);
      assert.equal(page.status, 200);
      assert.ok(page.dom.querySelector('a[aria-current=true]'));
    });
  });
