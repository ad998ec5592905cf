// The API's error envelope: ODS's `{"error_code", "message"}` JSON, from any thrown error.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { PortalError, isPortalError } from '../core/errors.ts';
import { keepPrivate } from './viewer-caching.ts';

export interface OdsErrorBody {
  error_code: string;
  message: string;
}

export function odsErrorBody(error: PortalError): OdsErrorBody {
  return { error_code: error.odsCode, message: error.message };
}

/** Maps whatever was thrown to a registry error; unexpected errors become DG_ERR_INTERNAL. */
export function toPortalError(error: unknown): { portal: PortalError; unexpected: boolean } {
  if (isPortalError(error)) return { portal: error, unexpected: false };
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      portal: new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
        detail: fastifyError.message ?? 'Bad request.',
      }),
      unexpected: false,
    };
  }
  return { portal: new PortalError('DG_ERR_INTERNAL', {}, { cause: error }), unexpected: true };
}

/**
 * Installs the ODS JSON error handler on an encapsulated API scope, and its not-found handler
 * unless the scope has no path prefix of its own (the site's 404 pages answer there).
 */
export function useOdsErrors(scope: FastifyInstance, options: { notFound?: boolean } = {}): void {
  scope.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { portal, unexpected } = toPortalError(error);
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    // Another caller may read the dataset: the answer must not be shared (nor tell which case).
    if (portal.code === 'DG_ERR_DATASET_NOT_FOUND') keepPrivate(reply);
    void reply.status(portal.status).send(odsErrorBody(portal));
  });
  if (options.notFound === false) return;
  scope.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const portal = new PortalError('DG_ERR_ROUTE_NOT_FOUND', {
      path: request.url.split('?')[0] ?? '',
    });
    void reply.status(portal.status).send(odsErrorBody(portal));
  });
}
