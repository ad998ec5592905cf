// The schema.org `Dataset` description of a dataset page, for search engines (JSON-LD).

import type { Dataset } from '../../../core/dataset.ts';
import { plainText } from '../../components/rich-text.tsx';

const DOWNLOAD_FORMATS: [string, string][] = [
  ['csv', 'text/csv'],
  ['json', 'application/json'],
  ['geojson', 'application/geo+json'],
];

export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function schemaOrgDataset(dataset: Dataset, baseUrl: string): Record<string, unknown> {
  const m = dataset.metas;
  const page = `${baseUrl}/explore/dataset/${encodeURIComponent(dataset.id)}/`;
  const api = `${baseUrl}/api/explore/v2.1/catalog/datasets/${encodeURIComponent(dataset.id)}`;
  const hasGeo = (dataset.current?.fields ?? []).some(
    (f) => f.type === 'geo_point_2d' || f.type === 'geo_shape',
  );
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: m.title,
    description: plainText(m.description ?? '') || m.title,
    url: page,
    identifier: dataset.id,
    ...(m.keyword ? { keywords: m.keyword } : {}),
    ...(m.license_url && isWebUrl(m.license_url)
      ? { license: m.license_url }
      : m.license
        ? { license: m.license }
        : {}),
    ...(m.publisher ? { creator: { '@type': 'Organization', name: m.publisher } } : {}),
    ...(m.territory ? { spatialCoverage: m.territory.join(', ') } : {}),
    ...(m.language ? { inLanguage: m.language } : {}),
    dateCreated: dataset.createdAt,
    dateModified: dataset.modifiedAt,
    isAccessibleForFree: true,
    distribution: DOWNLOAD_FORMATS.filter(([format]) => format !== 'geojson' || hasGeo).map(
      ([format, type]) => ({
        '@type': 'DataDownload',
        encodingFormat: type,
        contentUrl: `${api}/exports/${format}`,
      }),
    ),
  };
}

/** JSON for a <script> element: `<` escaped so that no `</script>` can end it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
