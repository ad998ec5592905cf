// Catalog exports: GET /catalog/exports (the formats) and /catalog/exports/{format}: the
// datasets the catalog parameters select (where, refine, exclude, order_by, select, group_by,
// limit, offset) as CSV, JSON, XLSX, an RSS feed, and DCAT-AP (JSON-LD, Turtle, RDF/XML) for
// harvesters such as data.gouv.fr.

import type { FastifyInstance } from 'fastify';

import type { CatalogRequest } from '../../catalog/index.ts';
import {
  catalogRss,
  dcatCatalog,
  dcatProfileCatalog,
  jsonLdToRdfXml,
  jsonLdToTurtle,
  toExploreDataset,
} from '../../catalog/index.ts';
import type { Dataset } from '../../core/dataset.ts';
import { DCAT_PROFILE_IDS, isDcatProfileId } from '../../core/dcat-profiles.ts';
import { PortalError } from '../../core/errors.ts';
import type { QueryValues } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { cacheForViewer } from '../../http/viewer-caching.ts';
import { v21CsvOptions } from '../exports/formats.ts';
import { catalogQueryInput } from './catalog-input.ts';
import { catalogCsv, catalogTable, catalogXlsx } from './catalog-table.ts';

const FORMATS = ['csv', 'json', 'xlsx', 'rss', 'dcat', 'jsonld', 'ttl', 'rdf'];

export function catalogExportsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { catalogQueries, settings } = options.services;
  const base = `${options.baseUrl}/api/explore/v2.1/catalog/exports`;

  // The national DCAT-AP profiles an administrator activated follow DCAT-AP's own formats.
  const activated = async () => {
    const profiles = (await settings.current()).dcatProfiles;
    return DCAT_PROFILE_IDS.filter((id) => profiles[id] !== undefined);
  };

  scope.get('/catalog/exports', async () => ({
    _links: [...FORMATS, ...(await activated())].map((format) => ({
      href: `${base}/${format}`,
      rel: format,
    })),
  }));

  scope.get<{ Params: { format: string } }>('/catalog/exports/:format', async (request, reply) => {
    const query = request.query as QueryValues;
    const format = request.params.format.toLowerCase().replace(/-/g, '_');
    const profile = isDcatProfileId(format)
      ? (await settings.current()).dcatProfiles[format]
      : null;
    if (profile === undefined) {
      throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
        detail:
          `The ${format} export is not activated on this portal: an administrator activates a ` +
          'national DCAT-AP profile in the back office settings, with the identifiers it needs. ' +
          'The dcat, jsonld, ttl and rdf exports give DCAT-AP.',
      });
    }
    if (!FORMATS.includes(format) && !profile) {
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
    if (isDcatProfileId(format) && profile) {
      // Served as RDF/XML, as ODS serves its profiles.
      attachment(`${format}.rdf`).type('application/rdf+xml; charset=utf-8');
      const graph = dcatProfileCatalog(
        format,
        profile,
        await datasets(),
        options.baseUrl,
        await title(),
      );
      return jsonLdToRdfXml(graph);
    }
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
