import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkProfileValues, cleanProfileValues } from './dcat-profiles.ts';

test('a profile with valid values has no problem; spaces around values are ignored', () => {
  const values = { organisation: ' dgal ', contact_email: 'a@b.ch', terms: 'terms_open' };
  assert.deepEqual(checkProfileValues('dcat_ap_ch', values), {});
  assert.deepEqual(cleanProfileValues('dcat_ap_ch', { ...values, other: 'dropped' }), {
    organisation: 'dgal',
    contact_email: 'a@b.ch',
    terms: 'terms_open',
  });
});

test('missing, badly formed and unknown values are each named', () => {
  assert.deepEqual(checkProfileValues('dcat_ap_ch', { organisation: 'DGAL', terms: 'free' }), {
    organisation: 'format',
    contact_email: 'required',
    terms: 'choice',
  });
  assert.deepEqual(checkProfileValues('dcat_ap_sp', { dir3: 'E0000390', sector: 'salud' }), {
    dir3: 'format',
  });
  assert.deepEqual(checkProfileValues('dcat_ap_vl', { ovo_code: 'OVO12', contact_email: 'x' }), {
    ovo_code: 'format',
    contact_email: 'format',
  });
  assert.deepEqual(
    checkProfileValues('dcat_ap_benap', { kbo_number: '316.381.039', contact_email: 'a@b.be' }),
    { kbo_number: 'format' },
  );
  assert.deepEqual(checkProfileValues('dcat_ap_it', { ipa_code: 'm_ef', data_theme: 'agri' }), {
    data_theme: 'choice',
  });
});

test('optional values may be left empty, but are checked when given', () => {
  const contributor = { contributor_id: 'http://dcat-ap.de/def/contributors/x' };
  assert.deepEqual(checkProfileValues('dcat_ap_de', contributor), {});
  assert.deepEqual(cleanProfileValues('dcat_ap_de', { ...contributor, geocoding_uri: ' ' }), {
    contributor_id: 'http://dcat-ap.de/def/contributors/x',
  });
  assert.deepEqual(
    checkProfileValues('dcat_ap_de', {
      ...contributor,
      geocoding_uri: 'javascript:alert(1)',
      geocoding_level: 'planet',
    }),
    { geocoding_uri: 'format', geocoding_level: 'choice' },
  );
  assert.deepEqual(
    checkProfileValues('dcat_ap_de', { contributor_id: `http://x.de/${'a'.repeat(300)}` }),
    { contributor_id: 'format' },
  );
});
