import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { loadConfig } from './load.ts';
import { ConfigError } from './settings.ts';

test('defaults serve on port 8080 with the SQLite file under ./var', () => {
  const config = loadConfig({}, '/srv/portal');
  assert.equal(config.port, 8080);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.home, '/srv/portal/var');
  assert.equal(config.baseUrl, 'http://localhost:8080');
  assert.equal(config.databaseUrl, null);
  assert.equal(config.trustProxy, false);
});

test('environment variables are parsed and typed', () => {
  const config = loadConfig(
    {
      PORT: '9000',
      HOST: '0.0.0.0',
      DATAGORA_HOME: '/data',
      DATAGORA_BASE_URL: 'https://data.example.org/',
      DATABASE_URL: 'postgres://portal@127.0.0.1:5432/test',
      DATABASE_REPLICA_URL: 'postgres://portal@10.0.0.2:5432/test',
      DATAGORA_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    },
    '/',
  );
  assert.equal(config.port, 9000);
  assert.equal(config.baseUrl, 'https://data.example.org');
  assert.equal(config.databaseUrl, 'postgres://portal@127.0.0.1:5432/test');
  assert.equal(config.databaseReplicaUrl, 'postgres://portal@10.0.0.2:5432/test');
  assert.deepEqual(config.trustProxy, ['10.0.0.0/8', '127.0.0.1']);
  assert.equal(loadConfig({ PORT: '9000' }).baseUrl, 'http://localhost:9000');
  assert.equal(loadConfig({ DATAGORA_TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(loadConfig({ DATAGORA_TRUST_PROXY: 'true' }).trustProxy, true);
});

test('a wrong value names the setting', () => {
  const cases: Record<string, string> = {
    PORT: 'eighty',
    DATAGORA_BASE_URL: 'ftp://example.org',
    DATABASE_URL: 'mysql://localhost/db',
    DATAGORA_TRUST_PROXY: 'not an address',
    DATAGORA_LOG_LEVEL: 'loud',
    DATAGORA_DEMO: 'maybe',
  };
  for (const [setting, value] of Object.entries(cases)) {
    assert.throws(
      () => loadConfig({ [setting]: value }),
      (error: unknown) => error instanceof ConfigError && error.setting === setting,
      setting,
    );
  }
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT: 70000 is outside 1–65535/);
});

test('a config file supplies values that the environment overrides', () => {
  const dir = mkdtempSync(join(tmpdir(), 'datagora-config-'));
  writeFileSync(join(dir, 'portal.json'), JSON.stringify({ PORT: 8181, DATAGORA_HOME: 'store' }));
  const config = loadConfig({ DATAGORA_CONFIG: 'portal.json', DATAGORA_HOME: '/elsewhere' }, dir);
  assert.equal(config.port, 8181);
  assert.equal(config.home, '/elsewhere');

  writeFileSync(join(dir, 'bad.json'), '{"PORT": 1, "COLOUR": "blue"}');
  assert.throws(() => loadConfig({ DATAGORA_CONFIG: 'bad.json' }, dir), /Invalid setting COLOUR/);
  assert.throws(() => loadConfig({ DATAGORA_CONFIG: 'missing.json' }, dir), /DATAGORA_CONFIG/);
});

test('CSRF trusted origins: a comma list of bare origins, subdomain wildcards allowed', () => {
  assert.deepEqual(loadConfig({}).csrfTrustedOrigins, []);
  const config = loadConfig({
    DATAGORA_CSRF_TRUSTED_ORIGINS:
      ' https://Admin.Example.org:443 , http://localhost:3000,https://*.example.org/',
  });
  assert.deepEqual(config.csrfTrustedOrigins, [
    'https://admin.example.org',
    'http://localhost:3000',
    'https://*.example.org',
  ]);
  for (const wrong of [
    'example.org',
    'ftp://example.org',
    'https://example.org/path',
    'https://a.org?x=1',
  ]) {
    assert.throws(
      () => loadConfig({ DATAGORA_CSRF_TRUSTED_ORIGINS: wrong }),
      (error: unknown) =>
        error instanceof ConfigError && error.setting === 'DATAGORA_CSRF_TRUSTED_ORIGINS',
      wrong,
    );
  }
});

test('the export cache: 1 GiB of files from 1 MiB each by default, 0 turns it off', () => {
  const config = loadConfig({});
  assert.equal(config.exportCacheMb, 1024);
  assert.equal(config.exportCacheMinKb, 1024);
  const set = loadConfig({ DATAGORA_EXPORT_CACHE_MB: '0', DATAGORA_EXPORT_CACHE_MIN_KB: '64' });
  assert.equal(set.exportCacheMb, 0);
  assert.equal(set.exportCacheMinKb, 64);
  for (const [name, value] of [
    ['DATAGORA_EXPORT_CACHE_MB', 'lots'],
    ['DATAGORA_EXPORT_CACHE_MB', '-1'],
    ['DATAGORA_EXPORT_CACHE_MIN_KB', '1.5'],
  ] as const) {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (error: unknown) => error instanceof ConfigError && error.setting === name,
    );
  }
});
