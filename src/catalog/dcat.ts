// The catalog as DCAT-AP in JSON-LD (what data.gouv.fr and other harvesters read): a
// dcat:Catalog of dcat:Dataset entries, each with its landing page and one dcat:Distribution
// per export format.

import type { Dataset } from '../core/dataset.ts';
import type { DcatMetas } from '../core/dcat-metas.ts';
import { FREQUENCY_AUTHORITY, dcatMetasOf } from '../core/dcat-metas.ts';
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

export const DCAT_CONTEXT = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

function dateTime(iso: string | null): unknown {
  return iso === null ? undefined : { '@value': iso, '@type': 'xsd:dateTime' };
}

function date(day: string | null): unknown {
  return day === null ? undefined : { '@value': day, '@type': 'xsd:date' };
}

const agent = (name: string | null) =>
  name === null ? undefined : { '@type': 'foaf:Agent', 'foaf:name': name };

/** The licence as a resource where its URL is known, its name otherwise. */
function license(name: string | null, url: string | null): unknown {
  return url ? { '@id': url } : (name ?? undefined);
}

/** What the dataset's DCAT template adds: contact point, creator, frequency, coverage. */
function dcatTemplate(dcat: DcatMetas): Record<string, unknown> {
  const contact =
    dcat.contact_name === null && dcat.contact_email === null
      ? undefined
      : compact({
          '@type': 'vcard:Kind',
          'vcard:fn': dcat.contact_name,
          'vcard:hasEmail':
            dcat.contact_email === null ? undefined : { '@id': `mailto:${dcat.contact_email}` },
        });
  const temporal =
    dcat.temporal_coverage_start === null && dcat.temporal_coverage_end === null
      ? undefined
      : compact({
          '@type': 'dct:PeriodOfTime',
          'dcat:startDate': date(dcat.temporal_coverage_start),
          'dcat:endDate': date(dcat.temporal_coverage_end),
        });
  return {
    'dcat:contactPoint': contact,
    'dct:creator': agent(dcat.creator),
    'dct:contributor': agent(dcat.contributor),
    'dct:accrualPeriodicity':
      dcat.accrualperiodicity === null
        ? undefined
        : { '@id': `${FREQUENCY_AUTHORITY}${dcat.accrualperiodicity}` },
    'dct:temporal': temporal,
    'dct:created': date(dcat.created),
  };
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
  const dcat = dcatMetasOf(metas);
  return compact({
    '@id': landing,
    '@type': 'dcat:Dataset',
    'dct:identifier': dataset.id,
    'dct:title': metas.title,
    'dct:description': metas.description,
    'dcat:keyword': metas.keyword ?? undefined,
    'dcat:theme': metas.theme ?? undefined,
    'dct:language': metas.language,
    'dct:license': license(metas.license, metas.license_url),
    'dct:publisher': metas.publisher
      ? { '@type': 'foaf:Agent', 'foaf:name': metas.publisher }
      : undefined,
    'dct:spatial': dcat.spatial ?? metas.territory ?? undefined,
    'dct:issued': dcat.issued === null ? dateTime(dataset.createdAt) : date(dcat.issued),
    ...dcatTemplate(dcat),
    'dct:modified': dateTime(dataset.modifiedAt),
    'dcat:landingPage': { '@id': landing },
    'dcat:distribution': DISTRIBUTIONS.filter((d) => !d.geo || hasGeo).map((d) =>
      compact({
        '@id': `${api}/exports/${d.format}`,
        '@type': 'dcat:Distribution',
        'dct:title': `${metas.title} (${d.format.toUpperCase()})`,
        'dcat:accessURL': { '@id': landing },
        'dcat:downloadURL': { '@id': `${api}/exports/${d.format}` },
        'dct:format': d.format.toUpperCase(),
        'dcat:mediaType': d.mediaType,
        'dct:license': license(metas.license, metas.license_url),
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
    '@context': DCAT_CONTEXT,
    '@id': `${baseUrl}/`,
    '@type': 'dcat:Catalog',
    'dct:title': title,
    'foaf:homepage': { '@id': `${baseUrl}/` },
    'dcat:dataset': datasets.map((d) => dcatDataset(d, baseUrl)),
  };
}
