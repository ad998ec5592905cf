// Judges what the recorder saw against the registry the portal publishes. Pure: the same
// observations always give the same violations, so every rule is unit-tested on its own.
//
// The rules (issue #7): every cookie is in the registry (the portal's own or one a service
// declares); before consent and after refusal no cookie outside the necessary category exists
// and no request leaves the portal's origin; every attribute is the registry's.

import type { CookieCategory } from '../core/cookies.ts';
import type {
  AuditRecord,
  AuditRegistry,
  AuditState,
  CookieSighting,
  RegistryCookie,
  RegistryService,
} from './model.ts';
import { domainCovers, originMatches } from './origins.ts';

export type ViolationKind =
  | 'unregistered-cookie'
  | 'cookie-before-consent'
  | 'request-before-consent'
  | 'attribute-mismatch'
  | 'incomplete';

export interface Violation {
  kind: ViolationKind;
  state: AuditState;
  /** The cookie's name, the request's origin, or the step that could not be taken. */
  subject: string;
  page: string | null;
  detail: string;
}

export interface CheckOptions {
  /**
   * How far an observed lifetime may be from the declared one: the cookie jar is read a
   * little after a cookie is set, and clocks differ.
   */
  maxAgeToleranceSeconds?: number;
}

export const DEFAULT_MAX_AGE_TOLERANCE_SECONDS = 300;
/** Chromium keeps no cookie longer than 400 days, whatever the header asks. */
export const BROWSER_MAX_AGE_CAP_SECONDS = 400 * 24 * 60 * 60;

/** Who declares a cookie name: the portal, or a service (with the service's category). */
export type Declaration =
  | { by: 'portal'; cookie: RegistryCookie; category: CookieCategory }
  | { by: 'service'; service: RegistryService; maxAgeSeconds: number; category: CookieCategory };

export function declarationOf(registry: AuditRegistry, name: string): Declaration | null {
  const cookie = registry.cookies.find((c) => c.name === name);
  if (cookie) return { by: 'portal', cookie, category: cookie.category };
  for (const service of registry.services) {
    const declared = service.cookies.find((c) => c.name === name);
    if (declared) {
      return {
        by: 'service',
        service,
        maxAgeSeconds: declared.maxAgeSeconds,
        category: service.category,
      };
    }
  }
  return null;
}

/** The service whose origin a request's origin is, if any. */
export function serviceAt(registry: AuditRegistry, origin: string): RegistryService | null {
  return registry.services.find((service) => originMatches(service.origin, origin)) ?? null;
}

const BEFORE_CONSENT: readonly AuditState[] = ['no-choice', 'refused'];

function describeMaxAge(seconds: number | null): string {
  return seconds === null ? 'the browsing session' : `${seconds} s`;
}

class Violations {
  readonly list: Violation[] = [];
  private readonly seen = new Set<string>();

  add(violation: Violation, key = `${violation.kind}|${violation.state}|${violation.subject}`) {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(violation);
  }
}

interface Context {
  portalOrigin: string;
  portalHost: string;
  https: boolean;
  tolerance: number;
  out: Violations;
}

function observedBy(source: CookieSighting['source']): string {
  if (source === 'jar') return 'the browser stored';
  return source === 'document.cookie' ? 'the page’s scripts found it' : 'the portal sent';
}

/** Compares one attribute; `expected` and `observed` are shown as they are in the report. */
function compare(
  ctx: Context,
  state: AuditState,
  sighting: CookieSighting,
  attribute: string,
  expected: string,
  observed: string,
): void {
  if (expected === observed) return;
  ctx.out.add(
    {
      kind: 'attribute-mismatch',
      state,
      subject: sighting.name,
      page: sighting.page,
      detail: `${attribute}: the registry says ${expected}, ${observedBy(sighting.source)} ${observed} (from ${sighting.origin})`,
    },
    `attr|${state}|${sighting.name}|${attribute}|${sighting.source}`,
  );
}

function checkMaxAge(
  ctx: Context,
  state: AuditState,
  sighting: CookieSighting,
  declared: number,
): void {
  const observed = sighting.attributes?.maxAgeSeconds ?? null;
  const expected =
    declared === 0
      ? null
      : sighting.source === 'jar'
        ? Math.min(declared, BROWSER_MAX_AGE_CAP_SECONDS)
        : declared;
  const close =
    expected === null || observed === null
      ? expected === observed
      : Math.abs(observed - expected) <= ctx.tolerance;
  if (!close) {
    compare(ctx, state, sighting, 'Max-Age', describeMaxAge(expected), describeMaxAge(observed));
  }
}

function fromPortal(ctx: Context, sighting: CookieSighting): boolean {
  return sighting.source === 'jar'
    ? domainCovers(sighting.origin, ctx.portalHost)
    : sighting.origin === ctx.portalOrigin;
}

function checkPortalAttributes(
  ctx: Context,
  state: AuditState,
  sighting: CookieSighting,
  cookie: RegistryCookie,
): void {
  if (!fromPortal(ctx, sighting)) return;
  const attributes = sighting.attributes;
  if (!attributes) {
    // Scripts see only the cookies that are not HttpOnly.
    if (cookie.httpOnly) compare(ctx, state, sighting, 'HttpOnly', 'yes', 'in document.cookie');
    return;
  }
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  compare(ctx, state, sighting, 'HttpOnly', yesNo(cookie.httpOnly), yesNo(attributes.httpOnly));
  compare(ctx, state, sighting, 'SameSite', cookie.sameSite, attributes.sameSite ?? 'none given');
  compare(ctx, state, sighting, 'Path', cookie.path, attributes.path ?? 'none given');
  const secure = cookie.secureOverHttps && ctx.https;
  compare(ctx, state, sighting, 'Secure', yesNo(secure), yesNo(attributes.secure));
  if (!sighting.deletes) checkMaxAge(ctx, state, sighting, cookie.maxAgeSeconds);
}

function checkCookie(
  ctx: Context,
  registry: AuditRegistry,
  state: AuditState,
  sighting: CookieSighting,
) {
  // A deletion removes a cookie; it sets nothing to declare or consent to.
  if (sighting.deletes) return;
  const declaration = declarationOf(registry, sighting.name);
  if (!declaration) {
    ctx.out.add({
      kind: 'unregistered-cookie',
      state,
      subject: sighting.name,
      page: sighting.page,
      detail: `not in the registry, seen through ${sighting.source} from ${sighting.origin}`,
    });
  } else if (BEFORE_CONSENT.includes(state) && declaration.category !== 'necessary') {
    const owner = declaration.by === 'service' ? ` of service ${declaration.service.id}` : '';
    ctx.out.add({
      kind: 'cookie-before-consent',
      state,
      subject: sighting.name,
      page: sighting.page,
      detail: `a ${declaration.category} cookie${owner}, seen through ${sighting.source} from ${sighting.origin}`,
    });
  }
  if (declaration?.by === 'portal') checkPortalAttributes(ctx, state, sighting, declaration.cookie);
  if (declaration?.by === 'service' && sighting.attributes) {
    checkMaxAge(ctx, state, sighting, declaration.maxAgeSeconds);
  }
}

/** Every way the observations break the registry's promises, in the order they were found. */
export function findViolations(
  registry: AuditRegistry,
  record: AuditRecord,
  options: CheckOptions = {},
): Violation[] {
  const portal = new URL(record.portalUrl);
  const ctx: Context = {
    portalOrigin: portal.origin,
    portalHost: portal.hostname,
    https: portal.protocol === 'https:',
    tolerance: options.maxAgeToleranceSeconds ?? DEFAULT_MAX_AGE_TOLERANCE_SECONDS,
    out: new Violations(),
  };
  for (const { state, cookies, requests, problems } of record.states) {
    for (const problem of problems) {
      // Problems read "step: what went wrong".
      const colon = problem.indexOf(': ');
      const [step, detail] =
        colon < 0 ? ['recording', problem] : [problem.slice(0, colon), problem.slice(colon + 2)];
      ctx.out.add({ kind: 'incomplete', state, subject: step, page: null, detail }, problem);
    }
    for (const sighting of cookies) checkCookie(ctx, registry, state, sighting);
    if (!BEFORE_CONSENT.includes(state)) continue;
    for (const request of requests) {
      const service = serviceAt(registry, request.origin);
      const count = requests.filter((r) => r.origin === request.origin).length;
      ctx.out.add({
        kind: 'request-before-consent',
        state,
        subject: request.origin,
        page: request.page,
        detail: `${count} request(s) ${service ? `to service ${service.id}` : 'to an origin no service declares'}, first ${request.url} (${request.resourceType})`,
      });
    }
  }
  return ctx.out.list;
}
