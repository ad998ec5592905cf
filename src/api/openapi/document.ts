// The OpenAPI 3 description of the API as Datagora serves it, built from the route table.

import type { ApiRoute } from './routes-table.ts';
import { API_ROUTES } from './routes-table.ts';

function pathParameters(path: string): unknown[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

const VERSION_SEGMENTS: Record<string, string> = { 'explore/v2.1': '', '1.0': 'V1' };

/**
 * A stable operationId from the method and the path: `getCatalogDatasetsByDatasetIdRecords`,
 * `postV1RecordsSearch`, `getExploreDatasetByDatasetIdDownload`.
 */
export function operationId(method: string, path: string): string {
  const segments = path
    .replace(/^\/api\//, '')
    .replace('explore/v2.1', '')
    .split('/')
    .filter((s) => s !== '' && !(s in VERSION_SEGMENTS));
  const v1 = path.includes('/1.0/') ? 'V1' : '';
  const words = segments.map((s) => {
    const param = /^\{(\w+)\}$/.exec(s);
    const text = param ? `by_${param[1]}` : s;
    return text
      .split(/[^A-Za-z0-9]+/)
      .filter((w) => w !== '')
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('');
  });
  return `${method}${v1}${words.join('') || 'Root'}`;
}

function operation(route: ApiRoute): unknown {
  return {
    operationId: operationId(route.method, route.path),
    summary: route.summary,
    tags: [route.tag],
    parameters: [
      ...pathParameters(route.path),
      ...route.parameters.map((p) => ({
        name: p.name,
        in: 'query',
        description: p.description,
        required: p.required ?? false,
        ...(p.repeated
          ? { explode: true, schema: { type: 'array', items: { type: p.type } } }
          : { schema: { type: p.type } }),
      })),
    ],
    responses: {
      '200': { description: 'Success', content: { [route.produces]: {} } },
      '400': { $ref: '#/components/responses/BadRequest' },
      '404': { $ref: '#/components/responses/NotFound' },
    },
  };
}

export function openApiDocument(baseUrl: string, version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    (paths[route.path] ??= {})[route.method] = operation(route);
  }
  const error = {
    description: 'An ODS error body',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['error_code', 'message'],
          properties: { error_code: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Datagora API (Opendatasoft Explore v2.1 and API v1 compatible)',
      version,
      description:
        'Datasets, records, facets and exports. See docs/api-compat.md for the differences from Opendatasoft.',
    },
    servers: [{ url: baseUrl }],
    paths,
    components: { responses: { BadRequest: error, NotFound: error } },
  };
}
