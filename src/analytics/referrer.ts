// The only part of a Referer header the measurement keeps: the other site's host name. A link
// from the portal itself, a malformed value or a non-web scheme gives nothing.

export function referrerDomain(referer: string | undefined, ownHost: string): string | null {
  if (!referer) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  if (host === '' || host === ownHost.toLowerCase()) return null;
  return host;
}
