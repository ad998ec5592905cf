import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { PortalSettings } from './portal-settings.ts';
import { dcatProfileKey, settingsFrom } from './portal-settings.ts';

const DEFAULTS: PortalSettings = {
  portalName: 'Portail',
  languages: ['fr', 'en'],
  defaultLanguage: 'fr',
  stateIdentity: true,
  contactEmail: '',
  logo: null,
  dcatProfiles: {},
};

test('stored DCAT-AP profiles are activated only when their values can be served', () => {
  const settings = settingsFrom(
    {
      [dcatProfileKey('dcat_ap_sp')]: JSON.stringify({ dir3: 'E00003901', sector: 'salud' }),
      // Unreadable, of the wrong shape, or no longer valid: left off rather than served wrong.
      [dcatProfileKey('dcat_ap_it')]: '{not json',
      [dcatProfileKey('dcat_ap_vl')]: '["OVO000001"]',
      [dcatProfileKey('dcat_ap_benap')]: JSON.stringify({
        kbo_number: '12',
        contact_email: 'a@b.be',
      }),
      [dcatProfileKey('dcat_ap_nowhere')]: JSON.stringify({}),
    },
    DEFAULTS,
  );
  assert.deepEqual(settings.dcatProfiles, { dcat_ap_sp: { dir3: 'E00003901', sector: 'salud' } });
  assert.deepEqual(settingsFrom({}, DEFAULTS).dcatProfiles, {});
});
