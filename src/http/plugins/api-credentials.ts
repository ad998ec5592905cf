// Checks the API key of an API request (`Authorization: Apikey KEY` in any case, `?apikey=`):
// a live key makes the request its owner's, with the key's scope; an unknown, revoked or expired
// key, or an OAuth token (none is issued), answers ODS's 401. A read-only key cannot write; it
// may POST to the routes marked `config: READ_ONLY_POST` (API v1 reads, posted for long queries).

import type { FastifyInstance } from 'fastify';

import type { ApiKeysService } from '../../auth/index.ts';
import { viewerOf } from '../../auth/index.ts';
import { PortalError } from '../../core/errors.ts';
import { requestCredential } from '../credentials.ts';
import { SAFE_METHODS } from './csrf.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The id (`ak_…`) of the live API key the request was made with, or null. */
    apiKeyId: string | null;
  }
  interface FastifyContextConfig {
    /** The route only reads, whatever its method (API v1 accepts queries posted as forms). */
    readsOnly?: boolean;
  }
}

/** The route option of a POST route that only reads. */
export const READ_ONLY_POST = { config: { readsOnly: true } } as const;

export function useApiCredentials(scope: FastifyInstance, apiKeys: ApiKeysService): void {
  if (!scope.hasRequestDecorator('apiKeyId')) scope.decorateRequest('apiKeyId', null);
  scope.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS') return;
    const credential = requestCredential(request);
    if (credential === null) return;
    const verified = credential.kind === 'apikey' ? await apiKeys.verify(credential.key) : null;
    if (!verified) throw new PortalError('DG_ERR_AUTH_INVALID_API_KEY');
    request.viewer = viewerOf(verified.user, 'apikey', verified.apiKey.scope);
    request.account = verified.user;
    request.apiKeyId = verified.apiKey.id;
    const reads =
      SAFE_METHODS.has(request.method) || request.routeOptions.config?.readsOnly === true;
    if (verified.apiKey.scope === 'read' && !reads) {
      throw new PortalError('DG_ERR_AUTH_READ_ONLY_KEY');
    }
  });
}
