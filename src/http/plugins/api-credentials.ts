// Checks the API key of an API request (`Authorization: Apikey KEY` in any case, `?apikey=`):
// a live key makes the request its owner's, with the key's scope; an unknown, revoked or expired
// key, or an OAuth token (none is issued), answers ODS's 401. A read-only key cannot write.

import type { FastifyInstance } from 'fastify';

import type { ApiKeysService } from '../../auth/index.ts';
import { viewerOf } from '../../auth/index.ts';
import { PortalError } from '../../core/errors.ts';
import { requestCredential } from '../credentials.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export function useApiCredentials(scope: FastifyInstance, apiKeys: ApiKeysService): void {
  scope.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS') return;
    const credential = requestCredential(request);
    if (credential === null) return;
    const verified = credential.kind === 'apikey' ? await apiKeys.verify(credential.key) : null;
    if (!verified) throw new PortalError('DG_ERR_AUTH_INVALID_API_KEY');
    request.viewer = viewerOf(verified.user, 'apikey', verified.apiKey.scope);
    request.account = verified.user;
    if (verified.apiKey.scope === 'read' && !SAFE_METHODS.has(request.method)) {
      throw new PortalError('DG_ERR_AUTH_READ_ONLY_KEY');
    }
  });
}
