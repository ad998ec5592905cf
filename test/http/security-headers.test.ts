// Security headers on every answer: a page, an API answer, an error, over HTTP and over HTTPS
// through a trusted proxy (HSTS only then).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal } from '../helpers/test-portal.ts';
import { helmetHeaders } from '../../src/http/plugins/security-headers.ts';

const URLS = {
  page: '/explore/dataset/export_alimconfiance/information/',
  'API answer': '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=1',
  'API v1 answer': '/api/records/1.0/search/?dataset=export_alimconfiance&rows=1',
  'API error': '/api/explore/v2.1/catalog/datasets/nope/records',
  'site 404': '/no/such/page/',
  'static file': '/static/site.css',
};

/** The CSP's directives as a map of name → sources. */
function directives(header: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('security headers', () => {
  let portal: TestPortal;
  let proxied: TestPortal;
  before(async () => {
    portal = await startTestPortal({ demo: true });
    proxied = await startTestPortal({ demo: true, env: { DATAGORA_TRUST_PROXY: 'true' } });
  });
  after(async () => {
    await portal.close();
    await proxied.close();
  });

  for (const [name, url] of Object.entries(URLS)) {
    test(`${name} over HTTP: CSP without inline script, Referrer-Policy, nosniff, no HSTS`, async () => {
      const response = await portal.app.inject({ url });
      const csp = directives(response.headers['content-security-policy']);
      assert.deepEqual(csp.get('script-src'), ["'self'"]);
      assert.deepEqual(csp.get('script-src-attr'), ["'none'"]);
      assert.deepEqual(csp.get('style-src'), ["'self'"]);
      assert.deepEqual(csp.get('default-src'), ["'self'"]);
      assert.deepEqual(csp.get('object-src'), ["'none'"]);
      assert.deepEqual(csp.get('base-uri'), ["'self'"]);
      assert.deepEqual(csp.get('form-action'), ["'self'"]);
      assert.deepEqual(csp.get('frame-ancestors'), ["'self'"]);
      for (const [directive, sources] of csp) {
        for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:']) {
          assert.ok(!sources.includes(unsafe), `${directive} allows ${unsafe}`);
        }
      }
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
      assert.equal(response.headers['strict-transport-security'], undefined);
    });
  }

  test('HSTS over HTTPS behind a trusted proxy, on pages and API answers', async () => {
    for (const url of Object.values(URLS)) {
      const response = await proxied.app.inject({
        url,
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(response.headers['strict-transport-security'], 'max-age=31536000', url);
      assert.ok(response.headers['content-security-policy'], url);
    }
    const plain = await proxied.app.inject({ url: URLS.page });
    assert.equal(plain.headers['strict-transport-security'], undefined, 'not over HTTP');
  });

  test('X-Forwarded-Proto from an untrusted client does not turn HSTS on', async () => {
    const response = await portal.app.inject({
      url: URLS.page,
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(response.headers['strict-transport-security'], undefined);
  });

  test('the API keeps its CORS behaviour and may be embedded; site files may not', async () => {
    const api = await portal.app.inject({
      url: URLS['API answer'],
      headers: { origin: 'https://reuser.example.org' },
    });
    assert.equal(api.headers['access-control-allow-origin'], '*');
    assert.equal(api.headers['cross-origin-resource-policy'], 'cross-origin');
    const preflight = await portal.app.inject({
      method: 'OPTIONS',
      url: URLS['API answer'],
      headers: {
        origin: 'https://reuser.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    const download = await portal.app.inject({
      url: '/explore/dataset/export_alimconfiance/download/?format=csv&fields=siret',
    });
    assert.equal(download.headers['cross-origin-resource-policy'], 'cross-origin');
    const page = await portal.app.inject({ url: URLS.page });
    assert.equal(page.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(page.headers['access-control-allow-origin'], undefined);
  });
});

test("helmet's headers are read once from its middleware, as it would set them", () => {
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'self'"] } },
    xFrameOptions: { action: 'deny' },
  });
  assert.equal(headers['content-security-policy'], "default-src 'self'");
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(
    helmetHeaders({ contentSecurityPolicy: false })['content-security-policy'],
    undefined,
  );
});
