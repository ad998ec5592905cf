// The consent policy as visitors are told it: the portal's cookies and every third-party
// service, written as canonical JSON. Its SHA-256 names a policy version: adding, removing or
// changing a service (or a portal cookie) makes a new version, and the banner asks again.

import { createHash } from 'node:crypto';

import { PORTAL_COOKIES } from '../core/cookies.ts';
import type { ThirdPartyService } from '../core/third-party.ts';

export function policyRegistry(services: readonly ThirdPartyService[]): string {
  return JSON.stringify({
    cookies: PORTAL_COOKIES.map((cookie) => ({ ...cookie })),
    services: services.map((service) => ({ ...service })),
  });
}

export function policyDigest(registry: string): string {
  return createHash('sha256').update(registry).digest('hex');
}
