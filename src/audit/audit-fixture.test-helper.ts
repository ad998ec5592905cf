// Registries and observations for the audit's unit tests, built by hand: what a portal on
// http://portal.test publishes, and helpers that write sightings the way the recorder does.

import type {
  AuditRecord,
  AuditRegistry,
  AuditState,
  CookieAttributes,
  CookieSighting,
  RequestSighting,
  StateRecord,
} from './model.ts';

export const PORTAL = 'http://portal.test:8080';

export const REGISTRY: AuditRegistry = {
  policyVersion: 3,
  cookies: [
    {
      name: 'sessionid',
      category: 'necessary',
      provider: 'Portal',
      maxAgeSeconds: 1_209_600,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secureOverHttps: true,
    },
    {
      name: 'csrftoken',
      category: 'necessary',
      provider: 'Portal',
      maxAgeSeconds: 31_449_600,
      httpOnly: false,
      sameSite: 'lax',
      path: '/',
      secureOverHttps: true,
    },
  ],
  services: [
    {
      id: 'tag',
      name: 'Tag',
      provider: 'Tag Inc.',
      category: 'statistics',
      kind: 'script',
      url: 'https://tag.example.org/tag.js',
      origin: 'https://tag.example.org',
      cookies: [{ name: 'tp_visitor', maxAgeSeconds: 86_400 }],
    },
    {
      id: 'tiles',
      name: 'Tiles',
      provider: 'Tiles Ltd',
      category: 'third-party',
      kind: 'tiles',
      url: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png',
      origin: 'https://*.tiles.example.org',
      cookies: [{ name: 'tp_session', maxAgeSeconds: 0 }],
    },
  ],
};

/** The attributes the portal gives sessionid over http. */
export const SESSION_ATTRIBUTES: CookieAttributes = {
  path: '/',
  domain: null,
  httpOnly: true,
  secure: false,
  sameSite: 'lax',
  maxAgeSeconds: 1_209_600,
};

export function header(
  name: string,
  attributes: Partial<CookieAttributes> = {},
  origin = PORTAL,
): CookieSighting {
  return {
    name,
    source: 'set-cookie',
    origin,
    page: 'home',
    attributes: { ...SESSION_ATTRIBUTES, ...attributes },
    deletes: (attributes.maxAgeSeconds ?? 1) <= 0,
  };
}

export function jar(
  name: string,
  attributes: Partial<CookieAttributes> = {},
  domain = 'portal.test',
): CookieSighting {
  return { ...header(name, attributes), source: 'jar', origin: domain, deletes: false };
}

export function script(name: string, origin = PORTAL): CookieSighting {
  return {
    name,
    source: 'document.cookie',
    origin,
    page: 'home',
    attributes: null,
    deletes: false,
  };
}

export function request(url: string, page = 'home'): RequestSighting {
  return { url, origin: new URL(url).origin, resourceType: 'script', page };
}

export function state(
  name: AuditState,
  cookies: CookieSighting[] = [],
  requests: RequestSighting[] = [],
  problems: string[] = [],
): StateRecord {
  return {
    state: name,
    pages: [{ name: 'home', path: '/', status: 200, signedIn: false }],
    cookies,
    requests,
    problems,
  };
}

export function record(states: StateRecord[], portalUrl = PORTAL): AuditRecord {
  return {
    portalUrl,
    startedAt: '2026-11-29T10:00:00.000Z',
    finishedAt: '2026-11-29T10:02:00.000Z',
    chromiumVersion: '156.0.0.0',
    signedInAs: 'ann@example.org',
    states,
  };
}
