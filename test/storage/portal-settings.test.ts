// The PortalSettingsStore contract and the settings service, on both engines: named values saved
// in one go (null removes), files kept as bytes with their type, and the service's defaults,
// validation and cache (forgotten when it saves).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { isPortalError } from '../../src/core/errors.ts';
import { PortalSettingsService } from '../../src/settings/index.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { TEST_ENGINES, startTestPortal } from '../helpers/test-portal.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

const DEFAULTS = {
  portalName: 'Configured',
  languages: ['fr', 'en'] as ('fr' | 'en')[],
  defaultLanguage: 'fr' as const,
  stateIdentity: true,
  contactEmail: '',
  logo: null,
  dcatProfiles: {},
};

for (const engineName of TEST_ENGINES) {
  describe(`portal settings on ${engineName}`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({ engine: engineName });
    });
    after(() => portal.close());
    const store = () => portal.engine.settings;

    test('values are saved together, replaced, and removed by null', async () => {
      assert.deepEqual(await store().getSettings(), {});
      await store().saveSettings({ portal_name: 'One', languages: 'fr' });
      await store().saveSettings({ portal_name: 'Two', contact_email: 'a@example.org' });
      assert.deepEqual(await store().getSettings(), {
        portal_name: 'Two',
        languages: 'fr',
        contact_email: 'a@example.org',
      });
      await store().saveSettings({ languages: null });
      assert.equal((await store().getSettings())['languages'], undefined);
    });

    test('a file keeps its bytes and type, is replaced under its name, and deleted', async () => {
      assert.equal(await store().getAsset('logo-x.png'), null);
      await store().putAsset('logo-x.png', 'image/png', PNG);
      const stored = await store().getAsset('logo-x.png');
      assert.equal(stored?.contentType, 'image/png');
      assert.ok(stored?.body.equals(PNG));
      assert.match(stored!.createdAt, /^\d{4}-\d\d-\d\dT/);
      await store().putAsset('logo-x.png', 'image/svg+xml', Buffer.from('<svg/>'));
      assert.equal((await store().getAsset('logo-x.png'))?.contentType, 'image/svg+xml');
      await store().deleteAsset('logo-x.png');
      assert.equal(await store().getAsset('logo-x.png'), null);
    });

    test('the service starts from the defaults, refuses bad input, and sees its saves', async () => {
      let now = 0;
      const service = new PortalSettingsService(store(), DEFAULTS, 5_000, () => now);
      await store().saveSettings({ portal_name: null, contact_email: null });
      assert.deepEqual(await service.current(), DEFAULTS);
      const input = {
        portalName: '  Données DGAL ',
        languages: ['en'],
        defaultLanguage: 'en' as const,
        stateIdentity: false,
        contactEmail: 'contact@example.org',
      };
      await assert.rejects(
        service.save({ ...input, defaultLanguage: 'fr' }),
        (error: unknown) => isPortalError(error) && error.code === 'DG_ERR_SETTINGS_INVALID',
      );
      const { before: previous, after: saved } = await service.save(input);
      assert.equal(previous.portalName, 'Configured');
      assert.deepEqual(saved, {
        ...input,
        portalName: 'Données DGAL',
        logo: null,
        dcatProfiles: {},
      });
      // Another process's change shows once this one's copy expires.
      await store().saveSettings({ portal_name: 'Elsewhere' });
      assert.equal((await service.current()).portalName, 'Données DGAL');
      now += 5_001;
      assert.equal((await service.current()).portalName, 'Elsewhere');
    });

    test('a logo is stored under its hash, replaces the previous one, and is removed', async () => {
      const service = new PortalSettingsService(store(), DEFAULTS);
      const first = await service.setLogo(PNG);
      assert.ok('name' in first);
      assert.equal((await service.current()).logo, first.name);
      assert.ok((await service.asset(first.name))?.body.equals(PNG));
      assert.equal(await service.asset('../etc/passwd'), null);
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
      const second = await service.setLogo(svg);
      assert.ok('name' in second);
      assert.equal(await service.asset(first.name), null, 'the old file is gone');
      assert.deepEqual(await service.setLogo(Buffer.from('<svg onload="x()"></svg>')), {
        problem: 'unsafeSvg',
      });
      assert.equal((await service.current()).logo, second.name);
      await service.removeLogo();
      assert.equal((await service.current()).logo, null);
      assert.equal(await service.asset(second.name), null);
    });
  });
}
