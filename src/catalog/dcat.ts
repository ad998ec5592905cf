// The catalog as DCAT-AP in JSON-LD (what data.gouv.fr and other harvesters read): a
// dcat:Catalog of dcat:Dataset entries, each with its landing page and one dcat:Distribution
// per export format.

import type { Dataset } from '../core/dataset.ts';
import { datasetFeatures } from './explore-dataset.ts';

interface DistributionFormat {
  format: string;
  mediaType: string;
  /** Offered only for datasets with a geo field. */
  geo?: boolean;
}

const DISTRIBUTIONS: DistributionFormat[] = [
  { format: 'csv', mediaType: 'text/csv' },
  { format: 'json', mediaType: 'application/json' },
  {
    format: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  { format: 'parquet', mediaType: 'application/vnd.apache.parquet' },
  { format: 'geojson', mediaType: 'application/geo+json', geo: true },
  { format: 'shp', mediaType: 'application/zip', geo: true },
  { format: 'kml', mediaType: 'application/vnd.google-earth.kml+xml', geo: true },
  { format: 'gpx', mediaType: 'application/gpx+xml', geo: true },
];

const CONTEXT = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

function dateTime(iso: string | null): unknown {
  return iso === null ? undefined : { '@value': iso, '@type': 'xsd:dateTime' };
}

/** Drops undefined and null members, so absent metadata is absent, not null. */
function compact(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, v]) => v !== undefined && v !== null),
  );
}

export function dcatDataset(dataset: Dataset, baseUrl: string): Record<string, unknown> {
  const metas = dataset.metas;
  const landing = `${baseUrl}/explore/dataset/${encodeURIComponent(dataset.id)}/`;
  const api = `${baseUrl}/api/explore/v2.1/catalog/datasets/${encodeURIComponent(dataset.id)}`;
  const hasGeo = datasetFeatures(dataset.current?.fields ?? [], true).includes('geo');
  return compact({
    '@id': landing,
    '@type': 'dcat:Dataset',
    'dct:identifier': dataset.id,
    'dct:title': metas.title,
    'dct:description': metas.description,
    'dcat:keyword': metas.keyword ?? undefined,
    'dcat:theme': metas.theme ?? undefined,
    'dct:language': metas.language,
    'dct:license': metas.license_url ?? metas.license,
    'dct:publisher': metas.publisher
      ? { '@type': 'foaf:Agent', 'foaf:name': metas.publisher }
      : undefined,
    'dct:spatial': metas.territory ?? undefined,
    'dct:issued': dateTime(dataset.createdAt),
    'dct:modified': dateTime(dataset.modifiedAt),
    'dcat:landingPage': landing,
    'dcat:distribution': DISTRIBUTIONS.filter((d) => !d.geo || hasGeo).map((d) =>
      compact({
        '@id': `${api}/exports/${d.format}`,
        '@type': 'dcat:Distribution',
        'dct:title': `${metas.title} (${d.format.toUpperCase()})`,
        'dcat:accessURL': landing,
        'dcat:downloadURL': `${api}/exports/${d.format}`,
        'dct:format': d.format.toUpperCase(),
        'dcat:mediaType': d.mediaType,
        'dct:license': metas.license_url ?? metas.license,
        'dct:modified': dateTime(dataset.dataProcessedAt),
      }),
    ),
  });
}

export function dcatCatalog(
  datasets: Dataset[],
  baseUrl: string,
  title: string,
): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    '@id': `${baseUrl}/`,
    '@type': 'dcat:Catalog',
    'dct:title': title,
    'foaf:homepage': `${baseUrl}/`,
    'dcat:dataset': datasets.map((d) => dcatDataset(d, baseUrl)),
  };
}
