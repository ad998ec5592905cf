// Reads the registry a portal publishes at /cookies/registry.json, checking its shape: the audit
// judges the portal against it, so a malformed registry stops the audit with a clear message
// rather than passing it by default.

import type { CookieCategory } from '../core/cookies.ts';
import { COOKIE_CATEGORIES } from '../core/cookies.ts';
import type { AuditRegistry, RegistryCookie, RegistryService } from './model.ts';

export const REGISTRY_PATH = '/cookies/registry.json';

class RegistryShapeError extends Error {
  constructor(where: string, what: string) {
    super(`${REGISTRY_PATH}: ${where} ${what}`);
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RegistryShapeError(where, 'is not an object');
  }
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new RegistryShapeError(where, 'is not a list');
  return value;
}

function string(record: Json, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') {
    throw new RegistryShapeError(`${where}.${key}`, 'is not a text');
  }
  return value;
}

function seconds(record: Json, key: string, where: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RegistryShapeError(`${where}.${key}`, 'is not a whole number of seconds');
  }
  return value;
}

function boolean(record: Json, key: string, where: string): boolean {
  const value = record[key];
  if (typeof value !== 'boolean')
    throw new RegistryShapeError(`${where}.${key}`, 'is not true/false');
  return value;
}

function category(record: Json, where: string): CookieCategory {
  const value = record['category'];
  if (!COOKIE_CATEGORIES.includes(value as CookieCategory)) {
    throw new RegistryShapeError(
      `${where}.category`,
      `is not one of ${COOKIE_CATEGORIES.join(', ')}`,
    );
  }
  return value as CookieCategory;
}

function portalCookie(value: unknown, where: string): RegistryCookie {
  const record = object(value, where);
  const sameSite = record['sameSite'];
  if (sameSite !== 'lax' && sameSite !== 'strict') {
    throw new RegistryShapeError(`${where}.sameSite`, 'is neither "lax" nor "strict"');
  }
  return {
    name: string(record, 'name', where),
    category: category(record, where),
    provider: string(record, 'provider', where),
    maxAgeSeconds: seconds(record, 'maxAgeSeconds', where),
    httpOnly: boolean(record, 'httpOnly', where),
    sameSite,
    path: string(record, 'path', where),
    secureOverHttps: boolean(record, 'secureOverHttps', where),
  };
}

function service(value: unknown, where: string): RegistryService {
  const record = object(value, where);
  return {
    id: string(record, 'id', where),
    name: string(record, 'name', where),
    provider: string(record, 'provider', where),
    category: category(record, where),
    kind: string(record, 'kind', where),
    url: string(record, 'url', where),
    origin: string(record, 'origin', where),
    cookies: array(record['cookies'], `${where}.cookies`).map((cookie, i) => {
      const at = `${where}.cookies[${i}]`;
      const entry = object(cookie, at);
      return {
        name: string(entry, 'name', at),
        maxAgeSeconds: seconds(entry, 'maxAgeSeconds', at),
      };
    }),
  };
}

/** The registry in a parsed /cookies/registry.json answer. */
export function parseRegistry(json: unknown): AuditRegistry {
  const root = object(json, 'the answer');
  const version = root['policyVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new RegistryShapeError('policyVersion', 'is not a positive whole number');
  }
  return {
    policyVersion: version,
    cookies: array(root['cookies'], 'cookies').map((c, i) => portalCookie(c, `cookies[${i}]`)),
    services: array(root['services'], 'services').map((s, i) => service(s, `services[${i}]`)),
  };
}
