// Checks the API key or access token of an API request. Accounts and keys do not exist yet
// (issue step 5), so any credential presented is unknown and answers ODS's 401; requests
// without one are anonymous.

import type { FastifyInstance } from 'fastify';

import { PortalError } from '../../core/errors.ts';
import { requestCredential } from '../credentials.ts';

export function useApiCredentials(scope: FastifyInstance): void {
  scope.addHook('preHandler', async (request) => {
    if (request.method === 'OPTIONS') return;
    const credential = requestCredential(request);
    if (credential !== null) throw new PortalError('DG_ERR_AUTH_INVALID_API_KEY');
  });
}
