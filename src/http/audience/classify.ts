// Which audience events a finished request makes, from its route's URL pattern (the router's,
// never the raw URL), its parameters and its status. Routes the measurement ignores (assets,
// the consent and language forms, robots.txt, the back office) give null.

import type { ApiSource, AudienceEvent } from '../../analytics/events.ts';
import { normalizeTerm } from '../../analytics/events.ts';

export interface FinishedRequest {
  method: string;
  /** The route's pattern (`/api/explore/v2.1/catalog/datasets/:dataset_id/records`), or null. */
  route: string | null;
  /** The path, without the query string. */
  path: string;
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  status: number;
  source: ApiSource;
  /** The id of the API key the request used, or null. */
  apiKey: string | null;
  /** What the handler said it found, for a search. */
  results: number | null;
}

const V21 = '/api/explore/v2.1';
const DATASET_TABS = new Set(['information', 'table', 'map', 'analyze', 'api', 'export']);
const SITE_PAGES: Record<string, string> = {
  '/': 'home',
  '/explore': 'catalog',
  '/cookies': 'cookies',
  '/cookies/preferences': 'cookie-preferences',
  '/legal-notice': 'legal',
  '/accessibility': 'legal',
  '/personal-data': 'legal',
  '/sitemap': 'sitemap',
  '/login': 'login',
  '/logout': 'login',
  '/account': 'account',
};
const IGNORED_PREFIXES = ['/static/', '/backoffice', '/i18n/', '/favicon'];
const IGNORED_ROUTES = new Set(['/robots.txt', '/sitemap.xml', '/cookies/registry.json']);

export function classify(request: FinishedRequest): AudienceEvent[] | null {
  if (request.method !== 'GET' && request.method !== 'POST') return null;
  const route = request.route === null ? null : trimSlash(request.route);
  if (IGNORED_PREFIXES.some((prefix) => request.path.startsWith(prefix))) return null;
  if (route !== null && IGNORED_ROUTES.has(route)) return null;
  if (route === '*') return null;
  if (request.status >= 400) return [{ type: 'error', status: request.status }];
  if (route === null) return null;
  // Forms posted to the site are not views; the API's read-only POSTs are calls.
  if (request.method === 'POST' && !route.startsWith('/api/')) return null;
  if (route.startsWith(V21)) return v21Events(route.slice(V21.length), request);
  if (route.startsWith('/api/')) return v1Events(route.slice('/api'.length), request);
  return siteEvents(route, request);
}

/**
 * An API call event. A function of the module, not a closure made per request: the measurement
 * runs on every request, and a closure costs its creation (and its name) each time.
 */
function apiCall(
  request: FinishedRequest,
  endpoint: string,
  dataset: string | null,
  format: string,
): AudienceEvent {
  return {
    type: 'api',
    endpoint,
    dataset,
    format: format.toLowerCase(),
    source: request.source,
    apiKey: request.apiKey,
  };
}

const DATASET_ROUTE = '/catalog/datasets/:dataset_id';

function v21Events(route: string, request: FinishedRequest): AudienceEvent[] {
  const dataset = request.params['dataset_id'] ?? null;
  const rest = route.startsWith(DATASET_ROUTE)
    ? `/dataset${route.slice(DATASET_ROUTE.length)}`
    : route;
  const format = request.params['format'] ?? 'json';
  switch (rest) {
    case '/catalog/datasets':
      return withSearch(
        [apiCall(request, 'v2.1/catalog', dataset, format)],
        'catalog',
        null,
        simpleTextSearch(request.query),
        request,
      );
    case '/catalog/facets':
      return [apiCall(request, 'v2.1/catalog-facets', dataset, format)];
    case '/catalog/exports/:format':
      return [
        apiCall(request, 'v2.1/catalog-exports', dataset, format),
        download(null, format, 'catalog-export'),
      ];
    case '/dataset':
      return [apiCall(request, 'v2.1/dataset', dataset, format)];
    case '/dataset/records':
      return withSearch(
        [apiCall(request, 'v2.1/records', dataset, format)],
        'records',
        dataset,
        simpleTextSearch(request.query),
        request,
      );
    case '/dataset/records/:record_id':
      return [apiCall(request, 'v2.1/record', dataset, format)];
    case '/dataset/exports/:format':
      return [
        apiCall(request, 'v2.1/exports', dataset, format),
        download(dataset, format, 'v2.1-export'),
      ];
    case '/dataset/facets':
      return [apiCall(request, 'v2.1/facets', dataset, format)];
    default:
      if (rest.startsWith('/dataset/attachments'))
        return [apiCall(request, 'v2.1/attachments', dataset, format)];
      if (rest.startsWith('/dataset/exports'))
        return [apiCall(request, 'v2.1/exports', dataset, format)];
      return [apiCall(request, 'v2.1/root', dataset, format)];
  }
}

function v1Events(route: string, request: FinishedRequest): AudienceEvent[] {
  const queryDataset = text(request.query['dataset']);
  const dataset = request.params['dataset_id'] ?? queryDataset;
  const format = (text(request.query['format']) ?? 'json').toLowerCase();
  switch (route) {
    case '/records/1.0/search':
      return withSearch(
        [apiCall(request, 'v1/search', dataset, format)],
        'records',
        dataset,
        text(request.query['q']),
        request,
      );
    case '/records/1.0/download': {
      const fileFormat = text(request.query['format'])?.toLowerCase() ?? 'csv';
      return [
        apiCall(request, 'v1/download', dataset, fileFormat),
        download(dataset, fileFormat, 'v1-download'),
      ];
    }
    case '/records/1.0/analyze':
      return [apiCall(request, 'v1/analyze', dataset, format)];
    case '/records/1.0/geocluster':
      return [apiCall(request, 'v1/geocluster', dataset, format)];
    case '/datasets/1.0/search':
      return withSearch(
        [apiCall(request, 'v1/datasets', dataset, format)],
        'catalog',
        null,
        text(request.query['q']),
        request,
      );
    case '/datasets/1.0/:dataset_id':
      return [apiCall(request, 'v1/dataset', dataset, format)];
    default: {
      const endpoint = route.includes('attachments') ? 'attachments' : 'record';
      return [apiCall(request, `v1/${endpoint}`, dataset, format)];
    }
  }
}

function siteEvents(route: string, request: FinishedRequest): AudienceEvent[] | null {
  const dataset = request.params['dataset_id'] ?? null;
  if (route === '/explore/dataset/:dataset_id/download') {
    const format = text(request.query['format'])?.toLowerCase() ?? 'csv';
    return [download(dataset, format, 'download-url')];
  }
  if (route === '/explore/dataset/:dataset_id') {
    return [{ type: 'page', page: 'dataset-information', dataset }];
  }
  const tab = /^\/explore\/dataset\/:dataset_id\/([a-z]+)$/.exec(route)?.[1];
  if (tab && DATASET_TABS.has(tab)) {
    const page: AudienceEvent = { type: 'page', page: `dataset-${tab}`, dataset };
    if (tab !== 'table') return [page];
    return withSearch([page], 'records', dataset, text(request.query['q']), request);
  }
  const kind = SITE_PAGES[route];
  if (kind === undefined) return null;
  const page: AudienceEvent = { type: 'page', page: kind, dataset: null };
  if (kind !== 'catalog') return [page];
  return withSearch([page], 'catalog', null, text(request.query['q']), request);
}

function download(dataset: string | null, format: string, via: string): AudienceEvent {
  return { type: 'download', dataset, format: format.toLowerCase(), via };
}

function withSearch(
  events: AudienceEvent[],
  scope: 'catalog' | 'records',
  dataset: string | null,
  raw: string | null,
  request: FinishedRequest,
): AudienceEvent[] {
  const term = raw === null ? null : normalizeTerm(raw);
  if (term === null) return events;
  const found = request.results === null ? null : request.results > 0;
  return [...events, { type: 'search', scope, dataset, term, found }];
}

/** A v2.1 `where` (or `q`) that is only a full-text search: `"words"` or `search("words")`. */
function simpleTextSearch(query: Record<string, unknown>): string | null {
  const where = text(query['where']) ?? text(query['q']);
  if (where === null) return null;
  const match = /^\s*(?:search\s*\(\s*)?"((?:[^"\\]|\\.)*)"\s*\)?\s*$/i.exec(where);
  return match ? match[1]!.replace(/\\(.)/g, '$1') : null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

function trimSlash(route: string): string {
  return route.length > 1 && route.endsWith('/') ? route.slice(0, -1) : route;
}
