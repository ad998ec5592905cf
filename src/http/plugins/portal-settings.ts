// Puts the portal settings on every request of a page scope (site, back office), read once per
// request from the settings service's short cache, so that rendering stays synchronous.

import type { FastifyInstance } from 'fastify';

import type { PortalSettings, PortalSettingsService } from '../../settings/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The portal settings of this request (null outside the page scopes). */
    portalSettings: PortalSettings | null;
  }
}

export function usePortalSettings(scope: FastifyInstance, settings: PortalSettingsService): void {
  if (!scope.hasRequestDecorator('portalSettings')) scope.decorateRequest('portalSettings', null);
  scope.addHook('onRequest', async (request) => {
    request.portalSettings = await settings.current();
  });
}
