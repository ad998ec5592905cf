import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { RequestOrigin } from './origin-check.ts';
import { checkRequestOrigin, isTrustedOrigin } from './origin-check.ts';

const TRUSTED = ['https://admin.example.org', 'https://*.partner.fr'];

function check(overrides: Partial<RequestOrigin>, protocol = 'https') {
  return checkRequestOrigin(
    {
      protocol,
      host: 'data.example.org',
      secFetchSite: undefined,
      origin: undefined,
      referer: undefined,
      ...overrides,
    },
    TRUSTED,
  );
}

test('Sec-Fetch-Site: cross-site refused; same-site only from a trusted origin', () => {
  assert.equal(
    check({ secFetchSite: 'cross-site', origin: 'https://data.example.org' }),
    'cross-site',
  );
  assert.equal(
    check({ secFetchSite: 'same-site', origin: 'https://blog.example.org' }),
    'cross-site',
  );
  assert.equal(check({ secFetchSite: 'same-site' }), 'cross-site');
  assert.equal(check({ secFetchSite: 'same-site', origin: 'https://admin.example.org' }), null);
  assert.equal(check({ secFetchSite: 'same-origin', origin: 'https://data.example.org' }), null);
  assert.equal(check({ secFetchSite: 'none', origin: 'https://data.example.org' }), null);
});

test('Origin must be the request’s own scheme://host or a trusted one', () => {
  assert.equal(check({ origin: 'https://data.example.org' }), null);
  assert.equal(check({ origin: 'https://DATA.example.org' }), null);
  assert.equal(check({ origin: 'http://data.example.org' }), 'origin', 'scheme counts');
  assert.equal(check({ origin: 'https://data.example.org:8443' }), 'origin', 'port counts');
  assert.equal(check({ origin: 'https://evil.example' }), 'origin');
  assert.equal(check({ origin: 'null' }), 'origin');
  assert.equal(check({ origin: 'https://admin.example.org' }), null);
  assert.equal(check({ origin: 'https://maps.partner.fr' }), null);
  assert.equal(check({ origin: 'https://partner.fr' }), 'origin', 'a wildcard is for subdomains');
  assert.equal(check({ origin: 'http://data.example.org' }, 'http'), null);
  assert.equal(check({ origin: 'https://data.example.org', host: 'data.example.org:443' }), null);
  assert.equal(check({ origin: 'https://evil.example', host: 'data.example.org:443' }), 'origin');
});

test('over HTTPS without Origin, the Referer must be an HTTPS page of the site or a trusted one', () => {
  assert.equal(check({}), 'referer');
  assert.equal(check({ referer: 'https://data.example.org/explore/?q=a' }), null);
  assert.equal(check({ referer: 'http://data.example.org/' }), 'referer');
  assert.equal(check({ referer: 'https://evil.example/data.example.org/' }), 'referer');
  assert.equal(check({ referer: 'not a url' }), 'referer');
  assert.equal(check({ referer: 'https://admin.example.org/x' }), null);
  // Over plain HTTP, Django does not look at the Referer.
  assert.equal(check({}, 'http'), null);
});

test('trusted origin patterns', () => {
  assert.equal(isTrustedOrigin('https://a.partner.fr', TRUSTED), true);
  assert.equal(isTrustedOrigin('https://a.b.partner.fr', TRUSTED), true);
  assert.equal(isTrustedOrigin('http://a.partner.fr', TRUSTED), false);
  assert.equal(isTrustedOrigin('https://evilpartner.fr', TRUSTED), false);
  assert.equal(isTrustedOrigin('https://admin.example.org.evil', TRUSTED), false);
});
