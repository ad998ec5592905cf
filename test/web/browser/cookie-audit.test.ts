// The cookie audit (issue #7, item 6) against a real portal in Chromium, with three third-party
// services (a tag script that sets a cookie, an embed, a tile basemap) served by a local test
// host: no violation in any state, the host hears nothing before consent or after refusal, the
// policy page lists exactly the cookies observed, an undeclared cookie fails the audit, and the
// `datagora audit-cookies` command prints the same verdict.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';

import type { AuditState } from '../../../src/audit/model.ts';
import { AUDIT_STATES } from '../../../src/audit/model.ts';
import type { AuditReport } from '../../../src/audit/report.ts';
import { formatReport } from '../../../src/audit/report.ts';
import { launchAuditBrowser, runAudit } from '../../../src/audit/run-audit.ts';
import { authServices } from '../../../src/auth/index.ts';
import type { ThirdPartyService } from '../../../src/core/third-party.ts';
import { listen } from '../../helpers/listening-portal.ts';
import { runCli, startCli } from '../../helpers/run-cli.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { TEST_ENGINES } from '../../helpers/test-portal.ts';
import type { ReceivedRequest, ThirdPartyOrigins } from '../../helpers/third-party-origins.ts';
import { startThirdPartyOrigins } from '../../helpers/third-party-origins.ts';
import { startSitePortal } from '../site-fixture.ts';

const EMAIL = 'auditor@example.org';
const PASSWORD = 'a long enough password';
const TAG_COOKIE_MAX_AGE = 30 * 86_400;

function service(
  id: string,
  kind: ThirdPartyService['kind'],
  url: string,
  cookies: ThirdPartyService['cookies'] = [],
): ThirdPartyService {
  return {
    id,
    name: `Service ${id}`,
    provider: `${id} company`,
    category: kind === 'script' ? 'statistics' : 'third-party',
    purpose: { fr: `Le service ${id}`, en: `The ${id} service` },
    kind,
    url,
    attribution: kind === 'tiles' ? `© ${id}` : '',
    cookies,
    privacyUrl: null,
  };
}

/** Each service on a host of its own, so the requests and the report tell them apart. */
function services(host: ThirdPartyOrigins): ThirdPartyService[] {
  return [
    service('audience-tag', 'script', `${host.origin('tag')}/tag.js`, [
      { name: 'tp_visitor', maxAgeSeconds: TAG_COOKIE_MAX_AGE },
    ]),
    service('video', 'iframe', `${host.origin('embed')}/embed`),
    service('basemap', 'tiles', `${host.origin('tiles')}/tiles/{z}/{x}/{y}.png`),
  ];
}

function hosts(requests: ReceivedRequest[]): string[] {
  return [...new Set(requests.map((r) => r.host))].sort();
}

for (const engine of TEST_ENGINES)
  describe(`the cookie audit in Chromium (${engine})`, () => {
    let host: ThirdPartyOrigins;
    let portal: TestPortal;
    let base: string;
    let browser: Browser;
    const reports = new Map<AuditState, AuditReport>();
    const received = new Map<AuditState, ReceivedRequest[]>();

    before(async () => {
      host = await startThirdPartyOrigins();
      host.script('tag', { tp_visitor: TAG_COOKIE_MAX_AGE });
      portal = await startSitePortal({ extra: false, engine });
      for (const declared of services(host)) await portal.services.consent.saveService(declared);
      const { accounts } = authServices(portal.engine.accounts, portal.engine.metadata);
      await accounts.createUser({
        email: EMAIL,
        name: 'Auditor',
        password: PASSWORD,
        role: 'admin',
      });
      base = await listen(portal);
      browser = await launchAuditBrowser();
    });
    after(async () => {
      await browser?.close();
      await portal?.close();
      await host?.close();
    });

    test('no violation in any state; the third-party host is reached only after acceptance', async () => {
      const credentials = { email: EMAIL, password: PASSWORD };
      for (const state of AUDIT_STATES) {
        host.clear();
        const report = await runAudit({ portalUrl: base, browser, states: [state], credentials });
        reports.set(state, report);
        received.set(state, [...host.received]);
        assert.deepEqual(report.violations, [], formatReport(report));
        assert.equal(report.verdict, 'pass');
        const signedIn = report.pages[0]!.pages.filter((p) => p.signedIn).map((p) => p.name);
        assert.ok(signedIn.includes('account'), `signed-in pages: ${signedIn.join(', ')}`);
      }
      assert.deepEqual(received.get('no-choice'), []);
      assert.deepEqual(received.get('refused'), []);
      const accepted = hosts(received.get('accepted')!);
      assert.ok(
        accepted.includes('tag.localhost') && accepted.includes('embed.localhost'),
        `${accepted}`,
      );
      // The report names each origin's service, in the accepted state only.
      const traffic = reports.get('accepted')!.traffic.map((t) => `${t.origin} ${t.service}`);
      assert.ok(traffic.includes(`${host.origin('tag')} audience-tag`), traffic.join('\n'));
      assert.ok(traffic.includes(`${host.origin('embed')} video`), traffic.join('\n'));
      assert.ok(
        traffic.every((t) => !t.endsWith(' null')),
        'every origin is a declared service’s',
      );
      for (const state of ['no-choice', 'refused'] as const) {
        assert.deepEqual(reports.get(state)!.traffic, []);
      }
    });

    test('after acceptance the map tab loads the tile service’s basemap', () => {
      assert.ok(hosts(received.get('accepted') ?? []).includes('tiles.localhost'));
      const tiles = reports.get('accepted')?.traffic.find((t) => t.service === 'basemap');
      assert.deepEqual(tiles?.pages, ['dataset map']);
      assert.deepEqual(tiles?.resourceTypes, ['image']);
    });

    test('each cookie is seen where the policy says: necessary ones always, the tag’s after consent', () => {
      const seen = (state: AuditState) =>
        reports
          .get(state)!
          .cookies.map((c) => c.name)
          .sort();
      const necessary = ['cookies_preferences', 'csrftoken', 'django_language', 'sessionid'];
      assert.deepEqual(
        seen('no-choice'),
        necessary.filter((n) => n !== 'cookies_preferences'),
      );
      assert.deepEqual(seen('refused'), necessary);
      assert.deepEqual(seen('accepted'), [...necessary, 'tp_visitor'].sort());
      const tag = reports.get('accepted')!.cookies.find((c) => c.name === 'tp_visitor')!;
      assert.equal(tag.declaredBy, 'audience-tag');
      assert.ok(tag.sources.includes('document.cookie') && tag.sources.includes('jar'));
    });

    test('the cookie policy page lists exactly the cookies the audit observed', async () => {
      const observed = new Set<string>();
      for (const report of reports.values()) for (const c of report.cookies) observed.add(c.name);
      assert.ok(observed.size > 0, 'the first test ran the audit');
      const page = await portal.app.inject({
        url: '/cookies/',
        headers: { 'accept-language': 'fr' },
      });
      assert.equal(page.statusCode, 200);
      const listed = parse(page.body)
        .querySelectorAll('table tr code')
        .map((code) => code.text.trim());
      assert.deepEqual([...new Set(listed)].sort(), [...observed].sort());
    });

    test('a service whose script sets an undeclared cookie fails the audit, naming it', async () => {
      // tp_sneaky is declared nowhere; tp_short lives a minute where a day is declared.
      host.script('sneaky', { tp_sneaky: 3600, tp_short: 60 });
      await portal.services.consent.saveService(
        service('sneaky', 'script', `${host.origin('sneaky')}/sneaky.js`, [
          { name: 'tp_short', maxAgeSeconds: 86_400 },
        ]),
      );
      try {
        const report = await runAudit({ portalUrl: base, browser, states: ['accepted'] });
        assert.equal(report.verdict, 'fail');
        const found = report.violations.map((v) => `${v.kind} ${v.subject}`);
        assert.ok(found.includes('unregistered-cookie tp_sneaky'), found.join('\n'));
        assert.ok(found.includes('attribute-mismatch tp_short'), found.join('\n'));
        assert.equal(found.length, 2, found.join('\n'));
        const text = formatReport(report);
        assert.match(text, /tp_sneaky \(no category, NOT IN THE REGISTRY\)/);
        // The jar shows the lifetime left when it is read, a moment after the script ran.
        const stored = /Max-Age: the registry says 86400 s, the browser stored (\d+) s/.exec(text);
        assert.ok(stored && Number(stored[1]) > 0 && Number(stored[1]) <= 60, text);
      } finally {
        await portal.services.consent.removeService('sneaky');
      }
    });

    test('datagora audit-cookies: the report of a passing portal, written to a file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'datagora-audit-'));
      try {
        const out = join(dir, 'report.txt');
        const child = startCli(['audit-cookies', base, '--user', EMAIL, '--out', out], {
          DATAGORA_PASSWORD: PASSWORD,
        });
        let stdout = '';
        let stderr = '';
        child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        assert.equal(code, 0, `${stdout}\n${stderr}`);
        assert.equal(stdout, `PASS: report written to ${out}\n`);
        assert.match(stderr, /Visiting .* \(all accepted\)/);
        const report = readFileSync(out, 'utf8');
        const { policyVersion } = JSON.parse(
          (await portal.app.inject({ url: '/cookies/registry.json' })).body,
        ) as { policyVersion: number };
        for (const fact of [
          `Portal: ${base}/`,
          `Policy version: ${policyVersion}`,
          `Signed in as: ${EMAIL}`,
          '  tp_visitor (statistics, declared by audience-tag)',
          `${host.origin('tag')} — service audience-tag`,
          'Violations (0)',
          'Verdict: PASS',
          // The back office, signed in: its entry leads to its sections, each audited.
          '/backoffice/statistics/',
          '/backoffice/consent/',
        ]) {
          assert.ok(report.includes(fact), `"${fact}" in:\n${report}`);
        }
        assert.ok(!report.includes(PASSWORD), 'the password stays out of the report');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('datagora audit-cookies: bad usage exits with 2 and says why', () => {
      const missing = runCli(['audit-cookies']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /audit-cookies takes exactly one portal URL/);
      const notUrl = runCli(['audit-cookies', 'portal.example.org']);
      assert.equal(notUrl.status, 2);
      assert.match(notUrl.stderr, /is not a URL|must start with http/);
    });
  });
