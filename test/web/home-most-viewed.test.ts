// The home page's "most viewed" datasets: ranked by page views over the last 30 days, from the
// audience counters, and only among the datasets the visitor may read.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { AudienceHit } from '../../src/analytics/events.ts';
import { emptyMetas } from '../../src/core/dataset.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal, TEST_ENGINES } from '../helpers/test-portal.ts';
import { getPage, texts } from './site-fixture.ts';

function views(dataset: string, count: number, at = new Date()): AudienceHit[] {
  return Array.from({ length: count }, () => ({
    at,
    robot: false,
    device: 'desktop' as const,
    referrerDomain: null,
    events: [{ type: 'page' as const, page: 'dataset', dataset }],
  }));
}

for (const engine of TEST_ENGINES)
  describe(`the most viewed datasets on the home page (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine, demo: true });
      for (const id of ['arbres', 'ecoles']) {
        await portal.engine.metadata.saveDataset({ id, metas: emptyMetas(`Jeu ${id}`) });
      }
      await portal.engine.metadata.saveDataset({
        id: 'secret',
        metas: emptyMetas('Jeu secret'),
        visibility: 'restricted',
      });
    });
    after(() => portal.close());

    test('nothing counted yet: no section', async () => {
      const home = await getPage(portal, '/');
      assert.equal(home.dom.querySelector('#home-most-viewed'), null);
    });

    test('ranked by views of the last 30 days; a restricted dataset never shows', async () => {
      const recorder = portal.services.audience.recorder!;
      const old = new Date(Date.now() - 40 * 86_400_000);
      for (const hit of [
        ...views('ecoles', 5),
        ...views('arbres', 2),
        ...views('secret', 9),
        ...views('export_alimconfiance', 1),
        ...views('arbres', 50, old),
      ]) {
        recorder.record(hit);
      }
      // Flushing also drops the ranking the app keeps for ten minutes.
      await portal.services.audience.flush();
      const demo = await portal.engine.metadata.getDataset('export_alimconfiance');
      const home = await getPage(portal, '/', { 'accept-language': 'fr' });
      const section = home.dom.querySelector('section[aria-labelledby=home-most-viewed]');
      assert.ok(section, 'the section is shown');
      assert.deepEqual(texts(section, 'h3'), ['Jeu ecoles', 'Jeu arbres', demo!.metas.title]);
    });
  });
