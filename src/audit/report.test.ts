import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  REGISTRY,
  header,
  jar,
  record,
  request,
  script,
  state,
} from './audit-fixture.test-helper.ts';
import { buildReport, formatReport } from './report.ts';

const clean = record([
  state('no-choice', [header('sessionid'), jar('sessionid', { maxAgeSeconds: 1_209_590 })]),
  state('refused', [header('sessionid')]),
  state(
    'accepted',
    [header('sessionid'), script('tp_visitor')],
    [
      request('https://tag.example.org/tag.js'),
      request('https://tag.example.org/tag.js', 'catalog'),
      request('https://cdn.example.net/lib.js'),
    ],
  ),
]);

test('a clean audit passes and its report keeps every fact an administrator needs', () => {
  const report = buildReport(REGISTRY, clean);
  assert.equal(report.verdict, 'pass');
  const text = formatReport(report);
  for (const fact of [
    'Date: 2026-11-29T10:02:00.000Z',
    'Portal: http://portal.test:8080',
    'Policy version: 3',
    'Browser: Chromium 156.0.0.0',
    'Signed in as: ann@example.org',
    'Verdict: PASS',
    '    200    home                     /',
    '  sessionid (necessary, declared by portal)',
    '      HttpOnly; SameSite=lax; Path=/; Max-Age=1209600; not Secure',
    '  tp_visitor (statistics, declared by tag)',
    '  no choice made: none',
    '  all refused: none',
    '    https://tag.example.org — service tag: 2 request(s) (script) on home, catalog; first https://tag.example.org/tag.js',
    '    https://cdn.example.net — declared by no service: 1 request(s)',
    'Violations (0)',
  ]) {
    assert.ok(text.includes(fact), `the report holds "${fact}":\n${text}`);
  }
});

test('the header’s attributes are reported rather than the jar’s lifetime left', () => {
  const [session] = buildReport(REGISTRY, clean).cookies;
  assert.equal(session?.attributes?.maxAgeSeconds, 1_209_600);
  assert.deepEqual(session?.sources, ['set-cookie', 'jar']);
  assert.deepEqual(session?.states, ['no-choice', 'refused', 'accepted']);
});

test('a failing audit lists each violation and the verdict, in text and in JSON', () => {
  const failing = record([
    state('refused', [script('_ga')], [request('https://tag.example.org/tag.js', 'map')]),
  ]);
  const report = buildReport(REGISTRY, failing);
  assert.equal(report.verdict, 'fail');
  const text = formatReport(report);
  assert.match(text, /Verdict: FAIL: 2 violation\(s\)/);
  assert.match(text, /1\. \[all refused\] unregistered-cookie: _ga on home/);
  assert.match(
    text,
    /2\. \[all refused\] request-before-consent: https:\/\/tag\.example\.org on map/,
  );
  assert.match(text, /_ga \(no category, NOT IN THE REGISTRY\)/);
  const json = JSON.parse(JSON.stringify(report));
  assert.equal(json.violations.length, 2);
  assert.equal(json.policyVersion, 3);
});
