// Origins as the registry writes them: `https://player.example.org`, or with a wildcard
// subdomain for tile servers that spread requests (`https://*.tile.example.org`).

/** The origin of a URL, or null for what is not fetched over http(s) (data:, blob:…). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Whether `origin` is `pattern`, or one of its subdomains when the pattern has `*.`. */
export function originMatches(pattern: string, origin: string): boolean {
  const wildcard = /^(https?:\/\/)\*\.(.+)$/.exec(pattern);
  if (!wildcard) return pattern === origin;
  const [, scheme, suffix] = wildcard as unknown as [string, string, string];
  if (!origin.startsWith(scheme)) return false;
  const host = origin.slice(scheme.length);
  return host.endsWith(`.${suffix}`) && host.length > suffix.length + 1;
}

/** Whether a cookie domain (from the cookie jar) is the portal's host or a parent of it. */
export function domainCovers(domain: string, host: string): boolean {
  const bare = domain.replace(/^\./, '').toLowerCase();
  return host === bare || host.endsWith(`.${bare}`);
}
