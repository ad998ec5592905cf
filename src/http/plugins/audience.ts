// The portal's own audience measurement at the door: once a response has gone, the request is
// classified into events and pushed to the recorder's buffer (never awaited, never thrown). A
// visitor who opted out (cookies_preferences), who sends `DNT: 1` or `Sec-GPC: 1`, is not counted
// at all: no event, no visitor hash.

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { agentTraits, isRobotFor } from '../../analytics/agent-cache.ts';
import type { ApiSource } from '../../analytics/events.ts';
import { referrerDomain } from '../../analytics/referrer.ts';
import type { AudienceRecorder } from '../../analytics/recorder.ts';
import { parsePreferences } from '../../core/consent.ts';
import { CONSENT_COOKIE } from '../../core/cookies.ts';
import { classify } from '../audience/classify.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** How many results a search found, when the route says (for "searches with no result"). */
    audienceResults: number | null;
  }
}

/** Routes that answer a search tell the measurement whether it found anything. */
export function noteResultCount(request: FastifyRequest, count: number): void {
  request.audienceResults = count;
}

export interface AudienceOptions {
  recorder: AudienceRecorder;
  /** The portal's public URL: its host is "the site" for referrers and API sources. */
  baseUrl: string;
  onError?: (error: unknown) => void;
}

export function useAudience(app: FastifyInstance, options: AudienceOptions): void {
  const portalHost = new URL(options.baseUrl).hostname;
  app.decorateRequest('audienceResults', null);
  app.addHook('onResponse', (request, reply, done) => {
    try {
      if (!optedOut(request)) count(request, reply.statusCode);
    } catch (error) {
      options.onError?.(error);
    }
    done();
  });

  function count(request: FastifyRequest, status: number): void {
    const url = request.url;
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const events = classify({
      method: request.method,
      route: request.routeOptions.url ?? null,
      path,
      params: request.params as Record<string, string | undefined>,
      query: (request.query ?? {}) as Record<string, unknown>,
      status,
      source: path.startsWith('/api/') ? apiSource(request) : 'other',
      apiKey: request.apiKeyId ?? null,
      results: request.audienceResults,
    });
    if (events === null) return;
    const userAgent = request.headers['user-agent'] ?? '';
    const traits = agentTraits(userAgent);
    const kind = events[0]!.type;
    options.recorder.record(
      {
        at: options.recorder.now(),
        robot: isRobotFor(traits, kind),
        device: traits.device,
        referrerDomain: kind === 'page' ? otherSite(request) : null,
        events,
      },
      { address: request.ip, userAgent },
    );
  }

  /** The host name of the site a page view came from, unless it is the portal itself. */
  function otherSite(request: FastifyRequest): string | null {
    const domain = referrerDomain(request.headers.referer, portalHost);
    return domain === null || domain === hostName(request.headers.host) ? null : domain;
  }

  function apiSource(request: FastifyRequest): ApiSource {
    if (request.viewer?.via === 'apikey') return 'apikey';
    if (request.headers['ods-widgets-version'] !== undefined) return 'widgets';
    if (request.headers['sec-fetch-site'] === 'same-origin') return 'site';
    const from = referrerDomain(request.headers.referer, '');
    if (from !== null && (from === portalHost || from === hostName(request.headers.host))) {
      return 'site';
    }
    return 'other';
  }
}

function optedOut(request: FastifyRequest): boolean {
  if (request.headers['dnt'] === '1' || request.headers['sec-gpc'] === '1') return true;
  const preferences = parsePreferences(request.cookies?.[CONSENT_COOKIE.name]);
  return preferences?.statisticsOptOut === true;
}

function hostName(host: string | undefined): string {
  return (host ?? '').replace(/:\d+$/, '').toLowerCase();
}
