// API v1's output formats: `format` (json by default), JSONP through `callback` (`jsonp`,
// `geojsonp`, or any JSON answer given a callback), and `pretty_print`.

import type { FastifyReply } from 'fastify';

import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { boolean, single } from '../../http/query-params.ts';

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

/** `format`, lower-cased, checked against the endpoint's list (default json). */
export function v1Format(query: QueryValues, allowed: readonly string[]): string {
  const format = (single(query, 'format') ?? '').trim().toLowerCase() || 'json';
  if (!allowed.includes(format)) {
    throw invalid(
      `Invalid value for format API parameter: "${format}" is not one of ${allowed.join(', ')}.`,
    );
  }
  return format;
}

/** A dotted JavaScript name: what a JSONP callback may be (nothing else reaches the page). */
const CALLBACK = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

function callbackOf(query: QueryValues, jsonp: boolean): string | null {
  const callback = single(query, 'callback');
  if (callback === undefined || callback === '') {
    if (jsonp) throw invalid('The callback API parameter is required with a JSONP format.');
    return null;
  }
  if (!CALLBACK.test(callback) || callback.length > 100) {
    throw invalid(
      `Invalid value for callback API parameter: "${callback}" is not a JavaScript name.`,
    );
  }
  return callback;
}

/** Sends a JSON answer as JSON, or as JSONP when a callback is given or the format asks for it. */
export function sendV1Json(
  reply: FastifyReply,
  query: QueryValues,
  format: string,
  body: unknown,
): FastifyReply {
  const callback = callbackOf(query, format.endsWith('jsonp'));
  const json = boolean(query, 'pretty_print', false)
    ? JSON.stringify(body, null, 2)
    : JSON.stringify(body);
  if (callback === null) {
    return reply.type('application/json; charset=utf-8').send(json);
  }
  return reply
    .type('application/javascript; charset=utf-8')
    .header('x-content-type-options', 'nosniff')
    .send(`/**/ typeof ${callback} === 'function' && ${callback}(${json});`);
}
