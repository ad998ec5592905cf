// The ConsentStore contract, on both engines: services, policy versions, the consent log.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { ThirdPartyService } from '../../src/core/third-party.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

function service(id: string, name = id): ThirdPartyService {
  return {
    id,
    name,
    provider: `${name} Inc.`,
    category: 'third-party',
    purpose: { fr: `Voir ${name}`, en: `See ${name}` },
    kind: 'iframe',
    url: `https://${id}.example.org/embed`,
    attribution: '',
    cookies: [{ name: `${id}_id`, maxAgeSeconds: 3600 }],
    privacyUrl: null,
  };
}

for (const engineName of TEST_ENGINES) {
  describe(`consent store on ${engineName}`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine: engineName });
    });
    after(() => portal.close());
    const store = () => portal.engine.consent;

    test('services are kept in the order they were added; saving again replaces', async () => {
      await store().saveService(service('video'));
      await store().saveService(service('tiles'));
      await store().saveService(service('video', 'Video host'));
      const listed = await store().listServices();
      assert.deepEqual(
        listed.map((s) => [s.id, s.name]),
        [
          ['video', 'Video host'],
          ['tiles', 'tiles'],
        ],
      );
      assert.deepEqual(listed[0], service('video', 'Video host'));
      assert.equal(await store().deleteService('tiles'), true);
      assert.equal(await store().deleteService('tiles'), false);
      assert.deepEqual(
        (await store().listServices()).map((s) => s.id),
        ['video'],
      );
    });

    test('a digest keeps its version number; a new digest takes the next one', async () => {
      const first = await store().policyVersion('digest-a', '{"a":1}');
      const again = await store().policyVersion('digest-a', '{"ignored":true}');
      const second = await store().policyVersion('digest-b', '{"b":1}');
      assert.equal(again.version, first.version);
      assert.equal(again.registry, '{"a":1}');
      assert.equal(second.version, first.version + 1);
      const all = await store().listPolicyVersions();
      assert.deepEqual(
        all.slice(-2).map((v) => v.digest),
        ['digest-a', 'digest-b'],
      );
      assert.ok(!Number.isNaN(Date.parse(second.createdAt)));
    });

    test('versions asked for at once get distinct numbers', async () => {
      const versions = await Promise.all(
        ['x1', 'x2', 'x3', 'x4'].map((digest) => store().policyVersion(digest, digest)),
      );
      assert.equal(new Set(versions.map((v) => v.version)).size, 4);
    });

    test('the log keeps each decision of a consent id, oldest first', async () => {
      const decidedAt = '2026-11-29T10:00:00.000Z';
      await store().logConsent({
        consentId: 'consent-one-abcdefgh',
        policyVersion: 1,
        services: { video: true },
        statisticsOptOut: false,
        decidedAt,
      });
      await store().logConsent({
        consentId: 'consent-one-abcdefgh',
        policyVersion: 2,
        services: { video: false },
        statisticsOptOut: true,
        decidedAt: '2026-11-29T11:00:00.000Z',
      });
      const history = await store().consentHistory('consent-one-abcdefgh');
      assert.deepEqual(history, [
        {
          consentId: 'consent-one-abcdefgh',
          policyVersion: 1,
          services: { video: true },
          statisticsOptOut: false,
          decidedAt,
        },
        {
          consentId: 'consent-one-abcdefgh',
          policyVersion: 2,
          services: { video: false },
          statisticsOptOut: true,
          decidedAt: '2026-11-29T11:00:00.000Z',
        },
      ]);
      assert.deepEqual(await store().consentHistory('someone-else-abcdefgh'), []);
    });
  });
}
