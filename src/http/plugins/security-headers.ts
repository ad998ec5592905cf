// Security headers on every answer, site and API (@fastify/helmet): a Content-Security-Policy
// that allows no inline script, style or event handler (pages load only the portal's own files;
// JSON-LD data blocks are not scripts), framing by the portal's own pages only,
// Referrer-Policy, nosniff, and HSTS when the request came over HTTPS (directly or through a
// trusted proxy): a portal served over plain HTTP must not promise HTTPS it does not have.

import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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

export async function useSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
    crossOriginResourcePolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS_VALUE);
    const path = request.url.split('?')[0] ?? '';
    void reply.header(
      'cross-origin-resource-policy',
      crossOriginResource(path) ? 'cross-origin' : 'same-origin',
    );
  });
}
