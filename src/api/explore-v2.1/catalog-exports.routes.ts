// Catalog exports: GET /catalog/exports (the formats) and /catalog/exports/{format}: the
// datasets as CSV, JSON, an RSS feed, and DCAT-AP JSON-LD for harvesters such as data.gouv.fr.

import type { FastifyInstance } from 'fastify';

import {
  catalogRss,
  dcatCatalog,
  jsonLdToRdfXml,
  jsonLdToTurtle,
  toExploreDataset,
} from '../../catalog/index.ts';
import type { Dataset } from '../../core/dataset.ts';
import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { quoter } from '../exports/csv.ts';
import { v21CsvOptions } from '../exports/formats.ts';

const FORMATS = ['csv', 'json', 'rss', 'dcat', 'jsonld', 'ttl', 'rdf'];

function catalogCsv(datasets: Dataset[], query: QueryValues): string {
  const options = v21CsvOptions(query);
  const quote = quoter(options.delimiter, options.quoteAll);
  const list = (values: string[] | null) => (values ?? []).join(options.listSeparator);
  const header = [
    'dataset_id',
    'title',
    'description',
    'theme',
    'keyword',
    'license',
    'language',
    'publisher',
    'modified',
    'data_processed',
    'records_count',
  ];
  const lines = datasets.map((d) =>
    [
      d.id,
      d.metas.title,
      d.metas.description ?? '',
      list(d.metas.theme),
      list(d.metas.keyword),
      d.metas.license ?? '',
      d.metas.language ?? '',
      d.metas.publisher ?? '',
      d.modifiedAt,
      d.dataProcessedAt ?? '',
      String(d.current?.recordsCount ?? 0),
    ]
      .map(quote)
      .join(options.delimiter),
  );
  return `${options.withBom ? '\ufeff' : ''}${[header.join(options.delimiter), ...lines].join('\r\n')}\r\n`;
}

export function catalogExportsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { catalog } = options.services;
  const base = `${options.baseUrl}/api/explore/v2.1/catalog/exports`;
  const title = options.portalName ?? 'Datagora';

  scope.get('/catalog/exports', async () => ({
    _links: FORMATS.map((format) => ({ href: `${base}/${format}`, rel: format })),
  }));

  scope.get<{ Params: { format: string } }>('/catalog/exports/:format', async (request, reply) => {
    const query = request.query as QueryValues;
    const format = request.params.format.toLowerCase().replace(/-/g, '_');
    const datasets = await catalog.listDatasets();
    const attachment = (extension: string) =>
      reply.header('content-disposition', `attachment; filename="catalog.${extension}"`);
    switch (format) {
      case 'csv':
        attachment('csv').type('text/csv; charset=utf-8');
        return catalogCsv(datasets, query);
      case 'json':
        attachment('json').type('application/json; charset=utf-8');
        return datasets.map(toExploreDataset);
      case 'rss':
        reply.type('application/rss+xml; charset=utf-8');
        return catalogRss(datasets, options.baseUrl, title);
      case 'dcat':
      case 'jsonld':
        attachment('jsonld').type('application/ld+json; charset=utf-8');
        return dcatCatalog(datasets, options.baseUrl, title);
      case 'ttl':
        attachment('ttl').type('text/turtle; charset=utf-8');
        return jsonLdToTurtle(dcatCatalog(datasets, options.baseUrl, title));
      case 'rdf':
        attachment('rdf').type('application/rdf+xml; charset=utf-8');
        return jsonLdToRdfXml(dcatCatalog(datasets, options.baseUrl, title));
      default:
        throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
          detail: `Invalid value for format: "${request.params.format}" is not one of ${FORMATS.join(', ')}.`,
        });
    }
  });
}
