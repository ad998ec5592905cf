// Security headers on every answer, site and API (helmet): a Content-Security-Policy
// that allows no inline script, style or event handler (pages load only the portal's own files;
// JSON-LD data blocks are not scripts), framing by the portal's own pages only,
// Referrer-Policy, nosniff, and HSTS when the request came over HTTPS (directly or through a
// trusted proxy): a portal served over plain HTTP must not promise HTTPS it does not have.
// helmet's headers are read once, at start (this configuration sets the same ones on every
// answer), and added to each reply: @fastify/helmet built helmet's middleware again for every
// request, parsing the policy each time (8 % of a cached API request's CPU).

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FastifyInstance } from 'fastify';
import type { HelmetOptions } from 'helmet';
import helmet from 'helmet';

import type { ThirdPartyService } from '../../core/third-party.ts';
import { serviceOrigin } from '../../core/third-party.ts';

export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  // DSFR's stylesheets and Leaflet draw some icons from data: URIs.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/** Origins the configured third-party services load from, by CSP directive. */
export type ExtraSources = Partial<Record<string, string[]>>;

/**
 * Where each kind of service loads from. Allowing an origin in the policy loads nothing by
 * itself: pages put a service in only once the visitor consents (http/plugins/consent.ts), and
 * the policy must already allow it then, since it loads without a reload.
 */
export function thirdPartySources(services: readonly ThirdPartyService[]): ExtraSources {
  const sources: Record<string, string[]> = {};
  const add = (directive: string, origin: string) =>
    (sources[directive] ??= []).includes(origin) ? undefined : sources[directive].push(origin);
  for (const service of services) {
    const origin = serviceOrigin(service);
    if (service.kind === 'script') {
      // An audience tag sends its hits by beacon, fetch or image.
      for (const directive of ['script-src', 'connect-src', 'img-src']) add(directive, origin);
    } else if (service.kind === 'iframe') {
      add('frame-src', origin);
    } else {
      add('img-src', origin);
    }
  }
  return sources;
}

/** The policy's header value, with extra sources added to their directives. */
export function contentSecurityPolicy(extra: ExtraSources = {}): string {
  const directives: Record<string, string[]> = { ...CONTENT_SECURITY_POLICY };
  for (const [directive, origins] of Object.entries(extra)) {
    directives[directive] = [...(directives[directive] ?? ["'self'"]), ...(origins ?? [])];
  }
  return Object.entries(directives)
    .map(([directive, values]) => `${directive} ${values.join(' ')}`)
    .join(';');
}

/** One year; no includeSubDomains: the portal does not speak for its domain's other hosts. */
export const HSTS_VALUE = 'max-age=31536000';

/** API answers (and the download URL) may be embedded by other sites' pages; site files not. */
function crossOriginResource(path: string): boolean {
  return (
    path === '/api' ||
    path.startsWith('/api/') ||
    /^\/explore\/dataset\/[^/]+\/download(\/|$)/.test(path)
  );
}

/**
 * The headers helmet's middleware sets with `options`, read by running it once on a response
 * that only records them. Valid while no option is a function of the request (none is here).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    // helmet removes X-Powered-By, which neither Node nor Fastify sets.
    removeHeader() {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}

export function useSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
    crossOriginResourcePolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers);
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS_VALUE);
    const path = request.url.split('?')[0] ?? '';
    void reply.header(
      'cross-origin-resource-policy',
      crossOriginResource(path) ? 'cross-origin' : 'same-origin',
    );
    done();
  });
}
