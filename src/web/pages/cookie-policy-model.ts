// The cookie policy's tables, from the registry: the portal's cookies (core/cookies.ts) and the
// third-party services configured now (services/consent), one table per category, in the four
// columns of the policy this portal inherits, plus the lifetime.

import type { CookieCategory, CookieSpec } from '../../core/cookies.ts';
import { COOKIE_CATEGORIES, PORTAL_COOKIES } from '../../core/cookies.ts';
import type { ThirdPartyService } from '../../core/third-party.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { PageContext } from '../page-context.ts';

export interface PolicyCookie {
  name: string;
  lifetime: string;
  /** The attributes the portal sets it with (its own cookies only). */
  attributes: string | null;
}

export interface PolicyRow {
  provider: string;
  function: string;
  /** Empty for a service that declares no cookie. */
  cookies: PolicyCookie[];
  purpose: string;
  /** What the cookie column says when the row sets none (the default: a service's note). */
  noCookie?: string;
  /** What the lifetime column says when the row sets no cookie. */
  keptFor?: string;
  /** The row links to the panel where the visitor may object (the portal's own measurement). */
  optOut?: boolean;
}

export interface PolicyTable {
  category: CookieCategory;
  rows: PolicyRow[];
}

export function lifetime(ctx: PageContext, seconds: number): string {
  if (seconds === 0) return ctx.t('cookies.sessionLifetime');
  const days = Math.round(seconds / 86_400);
  if (days === 0) return ctx.count('cookie.days', 1);
  if (days % 365 === 0) return ctx.count('cookie.months', (days / 365) * 12);
  if (days % 30 === 0 && days % 7 !== 0) return ctx.count('cookie.months', days / 30);
  return days % 7 === 0 ? ctx.count('cookie.weeks', days / 7) : ctx.count('cookie.days', days);
}

function attributes(ctx: PageContext, cookie: CookieSpec): string {
  return [
    cookie.httpOnly ? 'HttpOnly' : null,
    `SameSite=${cookie.sameSite === 'lax' ? 'Lax' : 'Strict'}`,
    ctx.t('cookies.secure'),
    `Path=${cookie.path}`,
  ]
    .filter(Boolean)
    .join(', ');
}

function portalRow(ctx: PageContext, cookie: CookieSpec): PolicyRow {
  return {
    provider: ctx.site.portalName,
    function: ctx.t(cookie.functionKey as MessageKey),
    cookies: [
      {
        name: cookie.name,
        lifetime: lifetime(ctx, cookie.maxAgeSeconds),
        attributes: attributes(ctx, cookie),
      },
    ],
    purpose: ctx.t(cookie.purposeKey as MessageKey),
  };
}

function serviceRow(ctx: PageContext, service: ThirdPartyService): PolicyRow {
  return {
    provider: `${service.provider} (${service.name})`,
    function: ctx.t(`cookies.location.${service.kind}` as MessageKey),
    cookies: service.cookies.map((cookie) => ({
      name: cookie.name,
      lifetime: lifetime(ctx, cookie.maxAgeSeconds),
      attributes: null,
    })),
    purpose: service.purpose[ctx.lang],
  };
}

/** The portal's own anonymous audience measurement (docs/statistics.md): no cookie of its own. */
function audienceRow(ctx: PageContext): PolicyRow {
  return {
    provider: ctx.site.portalName,
    function: ctx.t('cookies.audience.function'),
    cookies: [],
    purpose: ctx.t('cookies.audience.purpose'),
    noCookie: ctx.t('cookies.audience.noCookie'),
    keptFor: ctx.count('cookies.audience.keptFor', ctx.site.audienceRetentionMonths ?? 25),
    optOut: true,
  };
}

export function policyTables(
  ctx: PageContext,
  services: readonly ThirdPartyService[],
): PolicyTable[] {
  return COOKIE_CATEGORIES.map((category) => ({
    category,
    rows: [
      ...(category === 'statistics' && ctx.site.audienceStatistics ? [audienceRow(ctx)] : []),
      ...PORTAL_COOKIES.filter((cookie) => cookie.category === category).map((cookie) =>
        portalRow(ctx, cookie),
      ),
      ...services
        .filter((service) => service.category === category)
        .map((service) => serviceRow(ctx, service)),
    ],
  }));
}
