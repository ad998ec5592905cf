import assert from 'node:assert/strict';
import { test } from 'node:test';

import { isPortalError } from './errors.ts';
import type { ThirdPartyService } from './third-party.ts';
import { serviceOrigin, validateService } from './third-party.ts';

const tiles: ThirdPartyService = {
  id: 'osm-fr',
  name: ' OpenStreetMap France ',
  provider: 'OpenStreetMap France',
  category: 'third-party',
  purpose: { fr: 'Fond de carte', en: 'Basemap' },
  kind: 'tiles',
  url: 'https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap',
  cookies: [],
  privacyUrl: 'https://www.openstreetmap.fr/mentions-legales/',
};

function rejects(change: Partial<ThirdPartyService>, pattern: RegExp): void {
  assert.throws(
    () => validateService({ ...tiles, ...change }),
    (error: unknown) =>
      isPortalError(error) &&
      error.code === 'DG_ERR_SERVICE_INVALID' &&
      pattern.test(error.message),
  );
}

test('a valid declaration is tidied and kept', () => {
  const valid = validateService(tiles);
  assert.equal(valid.name, 'OpenStreetMap France');
  assert.equal(valid.url, tiles.url);
});

test('a bad declaration is refused with the part to fix', () => {
  rejects({ id: 'Bad id' }, /Service id/);
  rejects({ kind: 'widget' as never }, /kind/);
  rejects({ category: 'necessary' as never }, /category/);
  rejects({ url: 'javascript:alert(1)' }, /http\(s\)/);
  rejects({ url: 'not a url' }, /not a URL/);
  rejects({ url: 'https://tiles.example.org/{z}/{x}.png' }, /\{z\}, \{x\} and \{y\}/);
  rejects({ name: '   ' }, /name is empty/);
  rejects({ purpose: { fr: 'x', en: '' } }, /English purpose/);
  rejects({ cookies: [{ name: 'a b', maxAgeSeconds: 1 }] }, /Cookie name/);
  rejects(
    {
      cookies: [
        { name: 'a', maxAgeSeconds: 1 },
        { name: 'a', maxAgeSeconds: 2 },
      ],
    },
    /declared twice/,
  );
  rejects({ cookies: [{ name: 'a', maxAgeSeconds: -1 }] }, /lifetime/);
  rejects({ privacyUrl: 'ftp://example.org/' }, /privacy URL/);
});

test('the CSP origin of a service covers its tile subdomains', () => {
  assert.equal(serviceOrigin(tiles), 'https://*.tile.openstreetmap.fr');
  assert.equal(
    serviceOrigin({ ...tiles, kind: 'script', url: 'http://127.0.0.1:9999/tag.js' }),
    'http://127.0.0.1:9999',
  );
});
