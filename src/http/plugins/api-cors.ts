// CORS for the API: browser clients of other sites may call it, including the official
// client (Authorization) and ods-widgets (ODS-Widgets-Version) whose headers need a preflight.

import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'ODS-Widgets-Version',
  'Content-Type',
  'X-Requested-With',
  'If-None-Match',
  'If-Modified-Since',
];

export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'Last-Modified',
  'Server-Timing',
  'Content-Disposition',
  'Link',
  'ODS-Explore-API-Deprecation',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
];

/** Registers CORS on an encapsulated API scope (the site's pages do not get it). */
export async function useApiCors(scope: FastifyInstance): Promise<void> {
  await scope.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 86_400,
  });
}
