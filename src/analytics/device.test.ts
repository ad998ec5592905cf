import assert from 'node:assert/strict';
import { test } from 'node:test';

import { deviceClass } from './device.ts';
import { truncateAddress } from './truncate-address.ts';
import { referrerDomain } from './referrer.ts';

test('device classes', () => {
  const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';
  const ipad = 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15';
  const androidPhone = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari/537.36';
  const androidTablet = 'Mozilla/5.0 (Linux; Android 14; SM-X710) Chrome/120 Safari/537.36';
  const desktop = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120 Safari/537.36';
  assert.equal(deviceClass(iphone), 'mobile');
  assert.equal(deviceClass(androidPhone), 'mobile');
  assert.equal(deviceClass(ipad), 'tablet');
  assert.equal(deviceClass(androidTablet), 'tablet');
  assert.equal(deviceClass(desktop), 'desktop');
  assert.equal(deviceClass(undefined), 'desktop');
});

test('addresses are truncated before they are hashed', () => {
  assert.equal(truncateAddress('203.0.113.77'), '203.0.113.0');
  assert.equal(truncateAddress('::ffff:203.0.113.77'), '203.0.113.0');
  assert.equal(truncateAddress('2001:db8:abcd:12::1'), '2001:db8:abcd::');
  assert.equal(truncateAddress('2001:db8::1'), '2001:db8:0::');
});

test('only the other site’s host name is kept of a referrer', () => {
  assert.equal(
    referrerDomain('https://WWW.Example.org/a/b?c=d', 'data.gouv.test'),
    'www.example.org',
  );
  assert.equal(referrerDomain('https://data.gouv.test/explore/', 'data.gouv.test'), null);
  assert.equal(referrerDomain('android-app://com.example', 'data.gouv.test'), null);
  assert.equal(referrerDomain('not a url', 'data.gouv.test'), null);
});
