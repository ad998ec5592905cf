// Every read endpoint of the portal, as the access matrix calls them: those about one dataset
// (the API v2.1 and v1, the download URL, the site's dataset tabs) and the catalog-wide ones
// (lists, searches, facet counts, feeds, the home, catalog and site map pages, sitemap.xml).

import type { LightMyRequestResponse } from 'fastify';

import { EXPORT_FORMATS } from '../../src/api/exports/formats.ts';
import type { AccessPortal, Caller } from './access-fixture.ts';
import { ATTACHMENT_ID } from './access-fixture.ts';

export interface Call {
  method: 'GET' | 'POST';
  url: string;
  /** A form body (API v1 accepts its parameters posted). */
  form?: string;
}

export interface DatasetEndpoint {
  name: string;
  surface: 'api' | 'site';
  call(datasetId: string, recordId: string): Call;
}

const V21 = '/api/explore/v2.1/catalog/datasets';
const get = (url: string): Call => ({ method: 'GET', url });
const api = (name: string, call: DatasetEndpoint['call']): DatasetEndpoint => ({
  name,
  surface: 'api',
  call,
});
const site = (name: string, path: (id: string, recordId: string) => string): DatasetEndpoint => ({
  name,
  surface: 'site',
  call: (id, recordId) => get(path(id, recordId)),
});

export const DATASET_ENDPOINTS: DatasetEndpoint[] = [
  api('v2.1 dataset', (id) => get(`${V21}/${id}`)),
  api('v2.1 dataset with select', (id) => get(`${V21}/${id}?select=title,records_count`)),
  api('v2.1 records', (id) => get(`${V21}/${id}/records?limit=10`)),
  api('v2.1 records, aggregated', (id) =>
    get(`${V21}/${id}/records?select=count(*) as n&group_by=city`),
  ),
  api('v2.1 record', (id, recordId) => get(`${V21}/${id}/records/${recordId}`)),
  api('v2.1 facets', (id) => get(`${V21}/${id}/facets?facet=city`)),
  api('v2.1 facets, refined (cached)', (id) =>
    get(`${V21}/${id}/facets?facet=city&refine=city:Paris`),
  ),
  api('v2.1 export list', (id) => get(`${V21}/${id}/exports`)),
  ...EXPORT_FORMATS.map((format) =>
    api(`v2.1 export ${format.name}`, (id) => get(`${V21}/${id}/exports/${format.name}`)),
  ),
  api('v2.1 attachments', (id) => get(`${V21}/${id}/attachments`)),
  api('v2.1 attachment file', (id) => get(`${V21}/${id}/attachments/${ATTACHMENT_ID}`)),
  api('v1 dataset', (id) => get(`/api/datasets/1.0/${id}/`)),
  api('v1 record', (id, recordId) => get(`/api/datasets/1.0/${id}/records/${recordId}/`)),
  api('v1 attachment file', (id) => get(`/api/datasets/1.0/${id}/attachments/${ATTACHMENT_ID}/`)),
  api('v1 records search', (id) => get(`/api/records/1.0/search/?dataset=${id}&facet=city`)),
  api('v1 records search, posted', (id) => ({
    method: 'POST',
    url: '/api/records/1.0/search/',
    form: `dataset=${id}&rows=5`,
  })),
  api('v1 analyze', (id) => get(`/api/records/1.0/analyze/?dataset=${id}&x=city&y.n.func=COUNT`)),
  api('v1 geocluster', (id) =>
    get(`/api/records/1.0/geocluster/?dataset=${id}&clusterprecision=4`),
  ),
  ...['csv', 'json', 'geojson', 'shp', 'kml', 'gpx'].map((format) =>
    api(`v1 download ${format}`, (id) =>
      get(`/api/records/1.0/download/?dataset=${id}&format=${format}`),
    ),
  ),
  ...['csv', 'json', 'geojson'].map((format) =>
    api(`download URL ${format}`, (id) => get(`/explore/dataset/${id}/download/?format=${format}`)),
  ),
  site('information tab', (id) => `/explore/dataset/${id}/`),
  site('information tab (named)', (id) => `/explore/dataset/${id}/information/`),
  site('table tab', (id) => `/explore/dataset/${id}/table/?refine.city=Paris`),
  site(
    'table tab with a record',
    (id, recordId) => `/explore/dataset/${id}/table/?record=${recordId}`,
  ),
  site('map tab', (id) => `/explore/dataset/${id}/map/`),
  site('analyze tab', (id) => `/explore/dataset/${id}/analyze/?x=city`),
  site('export tab', (id) => `/explore/dataset/${id}/export/`),
  site('API tab', (id) => `/explore/dataset/${id}/api/`),
  site('API tab with a console query', (id) => `/explore/dataset/${id}/api/?select=name&run=1`),
];

/** Adds `extra` (already encoded) to a URL's query string. */
export function withQuery(url: string, extra: string): string {
  if (extra === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${extra}`;
}

/** Sends a call as a caller, through inject(). */
export async function send(
  fixture: AccessPortal,
  caller: Caller,
  call: Call,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return fixture.portal.app.inject({
    method: call.method,
    url: withQuery(call.url, caller.query),
    headers: {
      ...caller.headers,
      ...headers,
      ...(call.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      ...(call.method === 'POST' && caller.csrfToken ? { 'x-csrftoken': caller.csrfToken } : {}),
    },
    ...(call.form === undefined ? {} : { payload: call.form }),
  });
}

/** The Vary header's names, lowercased. */
export function varyOf(response: LightMyRequestResponse): string[] {
  const vary = response.headers['vary'];
  return typeof vary === 'string' ? vary.split(',').map((n) => n.trim().toLowerCase()) : [];
}

/** Whether the answer is kept out of shared caches and varies by caller. */
export function isPrivate(response: LightMyRequestResponse): boolean {
  const vary = varyOf(response);
  const cacheControl = String(response.headers['cache-control'] ?? '');
  return (
    /(^|,)\s*private\b/.test(cacheControl) &&
    vary.includes('cookie') &&
    vary.includes('authorization')
  );
}

/**
 * A page's body without its CSRF token: each page masks the token afresh (against BREACH), so
 * two pages never share it, whatever else they hold.
 */
export function withoutCsrfToken(body: string): string {
  return body.replace(/(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+"/g, '$1…"');
}
