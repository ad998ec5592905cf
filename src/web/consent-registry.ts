// The cookie registry as a public JSON document: every cookie the portal sets, every
// third-party service with what it loads and the cookies it declares, and the policy version.
// The cookie audit (`datagora audit-cookies`) checks a running portal against it.

import type { ConsentPolicy } from '../consent/index.ts';
import { PORTAL_COOKIES } from '../core/cookies.ts';
import { serviceOrigin } from '../core/third-party.ts';

export function registryDocument(policy: ConsentPolicy, portalName: string) {
  return {
    policyVersion: policy.version,
    cookies: PORTAL_COOKIES.map((cookie) => ({
      name: cookie.name,
      category: cookie.category,
      provider: portalName,
      maxAgeSeconds: cookie.maxAgeSeconds,
      httpOnly: cookie.httpOnly,
      sameSite: cookie.sameSite,
      path: cookie.path,
      secureOverHttps: true,
    })),
    services: policy.services.map((service) => ({
      id: service.id,
      name: service.name,
      provider: service.provider,
      category: service.category,
      kind: service.kind,
      url: service.url,
      origin: serviceOrigin(service),
      cookies: service.cookies.map((cookie) => ({
        name: cookie.name,
        maxAgeSeconds: cookie.maxAgeSeconds,
      })),
    })),
  };
}
