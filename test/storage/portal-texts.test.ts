// The PortalTextsStore contract, on both engines: one text per key and language, replaced on
// save, gone when cleared; the service refuses unknown keys and languages.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PortalError } from '../../src/core/errors.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

for (const engineName of TEST_ENGINES) {
  describe(`portal texts store on ${engineName}`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine: engineName });
    });
    after(() => portal.close());
    const store = () => portal.engine.texts;

    test('a key holds one text per language; setting again replaces it', async () => {
      assert.deepEqual(await store().getTexts('cookie-policy.before'), []);
      await store().setText('cookie-policy.before', 'fr', 'Premier');
      await store().setText('cookie-policy.before', 'en', 'First');
      await store().setText('cookie-policy.before', 'fr', 'Deuxième');
      await store().setText('cookie-policy.after', 'fr', 'Après');
      const texts = await store().getTexts('cookie-policy.before');
      assert.deepEqual(
        texts.map((text) => [text.key, text.lang, text.body]),
        [
          ['cookie-policy.before', 'en', 'First'],
          ['cookie-policy.before', 'fr', 'Deuxième'],
        ],
      );
      for (const text of texts) assert.ok(!Number.isNaN(Date.parse(text.updatedAt)));
    });

    test('clearing removes one language only', async () => {
      assert.equal(await store().clearText('cookie-policy.before', 'en'), true);
      assert.equal(await store().clearText('cookie-policy.before', 'en'), false);
      assert.deepEqual(
        (await store().getTexts('cookie-policy.before')).map((text) => text.lang),
        ['fr'],
      );
    });

    test('the service stores LF line ends, clears a blank text, refuses unknown keys', async () => {
      const service = portal.services.texts;
      await service.save('cookie-policy.after', 'en', 'One\r\nTwo');
      assert.deepEqual(await service.texts('cookie-policy.after'), { fr: 'Après', en: 'One\nTwo' });
      await service.save('cookie-policy.after', 'fr', '  \n ');
      assert.equal(await service.text('cookie-policy.after', 'fr'), null);
      for (const [key, lang] of [
        ['legal-notice.before', 'fr'],
        ['cookie-policy.before', 'de'],
      ] as const) {
        await assert.rejects(
          service.save(key, lang, 'x'),
          (error: unknown) =>
            error instanceof PortalError && error.code === 'DG_ERR_PORTAL_TEXT_INVALID',
        );
      }
      await assert.rejects(
        service.save('cookie-policy.before', 'fr', 'x'.repeat(20_001)),
        (error: unknown) =>
          error instanceof PortalError && error.code === 'DG_ERR_PORTAL_TEXT_INVALID',
      );
    });
  });
}
