// The audit's report, for an administrator to keep as evidence: when, which portal, which policy
// version and browser, the pages visited in each state, every cookie observed with its
// attributes, the requests that left the portal, the violations and the verdict. As plain text
// (for people) or JSON (for tools); both carry the same facts.

import type { CheckOptions, Violation } from './checker.ts';
import { findViolations } from './checker.ts';
import type {
  AuditRecord,
  AuditRegistry,
  AuditState,
  CookieAttributes,
  PageVisit,
} from './model.ts';
import type { CookieSummary, TrafficSummary } from './summary.ts';
import { summarizeCookies, summarizeTraffic } from './summary.ts';

export interface AuditReport {
  tool: 'datagora audit-cookies';
  /** When the audit ended. */
  date: string;
  startedAt: string;
  portalUrl: string;
  policyVersion: number;
  chromiumVersion: string;
  signedInAs: string | null;
  pages: { state: AuditState; pages: PageVisit[] }[];
  cookies: CookieSummary[];
  traffic: TrafficSummary[];
  violations: Violation[];
  verdict: 'pass' | 'fail';
}

export const STATE_LABELS: Record<AuditState, string> = {
  'no-choice': 'no choice made',
  refused: 'all refused',
  accepted: 'all accepted',
};

export function buildReport(
  registry: AuditRegistry,
  record: AuditRecord,
  options: CheckOptions = {},
): AuditReport {
  const violations = findViolations(registry, record, options);
  return {
    tool: 'datagora audit-cookies',
    date: record.finishedAt,
    startedAt: record.startedAt,
    portalUrl: record.portalUrl,
    policyVersion: registry.policyVersion,
    chromiumVersion: record.chromiumVersion,
    signedInAs: record.signedInAs,
    pages: record.states.map(({ state, pages }) => ({ state, pages })),
    cookies: summarizeCookies(registry, record),
    traffic: summarizeTraffic(registry, record),
    violations,
    verdict: violations.length === 0 ? 'pass' : 'fail',
  };
}

function describeAttributes(attributes: CookieAttributes | null): string {
  if (!attributes) return 'readable by scripts (no attribute visible)';
  const lifetime =
    attributes.maxAgeSeconds === null ? 'session' : `Max-Age=${attributes.maxAgeSeconds}`;
  return [
    attributes.httpOnly ? 'HttpOnly' : 'readable by scripts',
    `SameSite=${attributes.sameSite ?? '(none)'}`,
    `Path=${attributes.path ?? '(none)'}`,
    lifetime,
    attributes.secure ? 'Secure' : 'not Secure',
    ...(attributes.domain ? [`Domain=${attributes.domain}`] : []),
  ].join('; ');
}

function cookieLines(cookie: CookieSummary): string[] {
  const owner =
    cookie.declaredBy === null ? 'NOT IN THE REGISTRY' : `declared by ${cookie.declaredBy}`;
  return [
    `  ${cookie.name} (${cookie.category ?? 'no category'}, ${owner})`,
    `      ${describeAttributes(cookie.attributes)}`,
    `      seen in: ${cookie.states.map((s) => `${STATE_LABELS[s]} (first on ${cookie.firstSeen[s]})`).join(', ')}`,
    `      seen through: ${cookie.sources.join(', ')}; from: ${cookie.origins.join(', ')}`,
  ];
}

function trafficLines(report: AuditReport, state: AuditState): string[] {
  const entries = report.traffic.filter((t) => t.state === state);
  if (entries.length === 0) return [`  ${STATE_LABELS[state]}: none`];
  return [
    `  ${STATE_LABELS[state]}:`,
    ...entries.map(
      (t) =>
        `    ${t.origin} — ${t.service ? `service ${t.service}` : 'declared by no service'}: ` +
        `${t.requests} request(s) (${t.resourceTypes.join(', ')}) on ${t.pages.join(', ')}; first ${t.firstUrl}`,
    ),
  ];
}

function pageLines(visits: { state: AuditState; pages: PageVisit[] }): string[] {
  return [
    `  ${STATE_LABELS[visits.state]} (${visits.pages.length} pages):`,
    ...visits.pages.map(
      (p) =>
        `    ${String(p.status ?? 'failed').padEnd(6)} ${p.name.padEnd(24)} ${p.path}${p.signedIn ? '  (signed in)' : ''}`,
    ),
  ];
}

function violationLine(violation: Violation, index: number): string {
  const where = violation.page ? ` on ${violation.page}` : '';
  return `  ${index + 1}. [${STATE_LABELS[violation.state]}] ${violation.kind}: ${violation.subject}${where} — ${violation.detail}`;
}

export function formatReport(report: AuditReport): string {
  const verdict =
    report.verdict === 'pass'
      ? 'PASS: no violation in any state'
      : `FAIL: ${report.violations.length} violation(s)`;
  return [
    'Cookie audit (datagora audit-cookies)',
    `Date: ${report.date} (started ${report.startedAt})`,
    `Portal: ${report.portalUrl}`,
    `Policy version: ${report.policyVersion}`,
    `Browser: Chromium ${report.chromiumVersion}`,
    `Signed in as: ${report.signedInAs ?? '(not signed in)'}`,
    `States: ${report.pages.map((p) => STATE_LABELS[p.state]).join(', ')}, each in a fresh browser`,
    `Verdict: ${verdict}`,
    '',
    'Pages visited',
    ...report.pages.flatMap(pageLines),
    '',
    `Cookies observed (${report.cookies.length})`,
    ...(report.cookies.length === 0 ? ['  none'] : report.cookies.flatMap(cookieLines)),
    '',
    'Requests leaving the portal',
    ...report.pages.flatMap((p) => trafficLines(report, p.state)),
    '',
    `Violations (${report.violations.length})`,
    ...(report.violations.length === 0 ? ['  none'] : report.violations.map(violationLine)),
    '',
    `Verdict: ${verdict}`,
    '',
  ].join('\n');
}
