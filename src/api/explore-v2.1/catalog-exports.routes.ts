// Catalog exports: GET /catalog/exports (the formats) and /catalog/exports/{format}: the
// datasets the catalog parameters select (where, refine, exclude, order_by, select, group_by,
// limit, offset) as CSV, JSON, XLSX, an RSS feed, and DCAT-AP (JSON-LD, Turtle, RDF/XML) for
// harvesters such as data.gouv.fr.

import type { FastifyInstance } from 'fastify';

import type { CatalogRequest } from '../../catalog/index.ts';
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
import { cacheForViewer } from '../../http/viewer-caching.ts';
import { v21CsvOptions } from '../exports/formats.ts';
import { catalogQueryInput } from './catalog-input.ts';
import { catalogCsv, catalogTable, catalogXlsx } from './catalog-table.ts';

const FORMATS = ['csv', 'json', 'xlsx', 'rss', 'dcat', 'jsonld', 'ttl', 'rdf'];

/**
 * ODS's national DCAT-AP profiles, served only where a portal activates them. Each needs
 * metadata Datagora does not keep (docs/api-compat.md says which), so none is activated.
 */
const DCAT_PROFILES = [
  'dcat_ap_ch',
  'dcat_ap_de',
  'dcat_ap_se',
  'dcat_ap_sp',
  'dcat_ap_it',
  'dcat_ap_vl',
  'dcat_ap_benap',
];

export function catalogExportsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { catalogQueries, settings } = options.services;
  const base = `${options.baseUrl}/api/explore/v2.1/catalog/exports`;

  scope.get('/catalog/exports', async () => ({
    _links: FORMATS.map((format) => ({ href: `${base}/${format}`, rel: format })),
  }));

  scope.get<{ Params: { format: string } }>('/catalog/exports/:format', async (request, reply) => {
    const query = request.query as QueryValues;
    const format = request.params.format.toLowerCase().replace(/-/g, '_');
    if (DCAT_PROFILES.includes(format)) {
      throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
        detail:
          `The ${format} export is not activated on this portal: the national DCAT-AP profiles ` +
          'need metadata it does not keep. The dcat, jsonld, ttl and rdf exports give DCAT-AP.',
      });
    }
    if (!FORMATS.includes(format)) {
      throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
        detail: `Invalid value for format: "${request.params.format}" is not one of ${FORMATS.join(', ')}.`,
      });
    }
    const input = catalogQueryInput(query, request.viewer);
    cacheForViewer(reply, request.viewer);
    const csvOptions = format === 'csv' ? await v21CsvOptions(query) : undefined;
    const answer = () => catalogQueries.query(input, 'export');
    // Feeds and DCAT describe whole datasets: select and group_by do not apply to them.
    const datasets = async (): Promise<Dataset[]> => {
      const whole: CatalogRequest = { ...input, select: undefined, groupBy: undefined };
      const found = await catalogQueries.query(whole, 'export');
      return found.kind === 'datasets' ? found.datasets : [];
    };
    // The name an administrator gave the portal in the back office (the configured one else).
    const title = async () => (await settings.current()).portalName;
    const attachment = (extension: string) =>
      reply.header('content-disposition', `attachment; filename="catalog.${extension}"`);
    switch (format) {
      case 'csv':
        attachment('csv').type('text/csv; charset=utf-8');
        return catalogCsv(catalogTable(await answer()), csvOptions!);
      case 'xlsx':
        attachment('xlsx').type(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        return catalogXlsx(catalogTable(await answer()));
      case 'json': {
        attachment('json').type('application/json; charset=utf-8');
        const found = await answer();
        return found.kind === 'datasets'
          ? found.datasets.map((d) => toExploreDataset(d))
          : found.results;
      }
      case 'rss':
        reply.type('application/rss+xml; charset=utf-8');
        return catalogRss(await datasets(), options.baseUrl, await title());
      case 'ttl':
        attachment('ttl').type('text/turtle; charset=utf-8');
        return jsonLdToTurtle(dcatCatalog(await datasets(), options.baseUrl, await title()));
      case 'rdf':
        attachment('rdf').type('application/rdf+xml; charset=utf-8');
        return jsonLdToRdfXml(dcatCatalog(await datasets(), options.baseUrl, await title()));
      default:
        attachment('jsonld').type('application/ld+json; charset=utf-8');
        return dcatCatalog(await datasets(), options.baseUrl, await title());
    }
  });
}
