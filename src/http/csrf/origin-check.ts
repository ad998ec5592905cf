// Where an unsafe request comes from, judged the way Django does (Origin, then Referer over
// HTTPS) with the Fetch Metadata check OWASP recommends in front (Sec-Fetch-Site). Pure: it
// sees only the headers and the request's own scheme and host.

/** The reasons a request is refused before its cookie and token are even looked at. */
export type OriginFailure = 'cross-site' | 'origin' | 'referer';

export interface RequestOrigin {
  /** `http` or `https`, as Fastify sees it (X-Forwarded-Proto through a trusted proxy). */
  protocol: string;
  /** Host and port, as the request named them. */
  host: string;
  secFetchSite: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
}

/**
 * Trusted origins (DATAGORA_CSRF_TRUSTED_ORIGINS): `scheme://host[:port]`, or
 * `scheme://*.domain` for every subdomain of a domain (not the domain itself), as Django's
 * CSRF_TRUSTED_ORIGINS.
 */
export function isTrustedOrigin(origin: string, trusted: readonly string[]): boolean {
  const lower = origin.toLowerCase();
  return trusted.some((entry) => {
    const pattern = entry.toLowerCase();
    const star = pattern.indexOf('://*.');
    if (star < 0) return pattern === lower;
    const scheme = pattern.slice(0, star + 3);
    const suffix = pattern.slice(star + 4);
    return (
      lower.startsWith(scheme) &&
      lower.endsWith(suffix) &&
      lower.length > scheme.length + suffix.length
    );
  });
}

/** `scheme://host[:port]` of a URL, or null when it is not an absolute http(s) URL. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/** null when the request may go on to the cookie and token checks; the failure otherwise. */
export function checkRequestOrigin(
  request: RequestOrigin,
  trusted: readonly string[],
): OriginFailure | null {
  // Through URL, so that a Host naming the scheme's default port (`:443`) still matches.
  const own = (originOf(`${request.protocol}://${request.host}`) ?? '').toLowerCase();
  const allowed = (origin: string) =>
    origin.toLowerCase() === own || isTrustedOrigin(origin, trusted);

  const site = request.secFetchSite?.toLowerCase();
  if (site === 'cross-site') return 'cross-site';
  // A sibling subdomain is "same-site": as foreign as another site unless its origin is trusted.
  if (
    site === 'same-site' &&
    !(request.origin !== undefined && isTrustedOrigin(request.origin, trusted))
  ) {
    return 'cross-site';
  }

  if (request.origin !== undefined) {
    const origin = originOf(request.origin);
    return origin !== null && allowed(origin) ? null : 'origin';
  }
  if (request.protocol === 'https') {
    // Without Origin, over HTTPS, the Referer must name this site (or a trusted one) over HTTPS.
    const referer = request.referer === undefined ? null : originOf(request.referer);
    if (referer === null || !referer.startsWith('https://') || !allowed(referer)) return 'referer';
  }
  return null;
}
