// The download formats the export tab offers, and a size estimate of each from a sample of
// the records (the real file depends on every value; the estimate says so).

import type { Field } from '../../../core/field.ts';

export interface SiteExportFormat {
  name: string;
  /** Only for datasets with a geo_point_2d or geo_shape field. */
  geo: boolean;
  /** Bytes of the file per character of the records' JSON (measured on the demo dataset). */
  ratio: number;
}

export const SITE_EXPORT_FORMATS: readonly SiteExportFormat[] = [
  { name: 'csv', geo: false, ratio: 0.39 },
  { name: 'json', geo: false, ratio: 1 },
  { name: 'jsonl', geo: false, ratio: 1 },
  { name: 'xlsx', geo: false, ratio: 0.25 },
  { name: 'parquet', geo: false, ratio: 0.15 },
  { name: 'geojson', geo: true, ratio: 1.12 },
  { name: 'shp', geo: true, ratio: 0.15 },
  { name: 'kml', geo: true, ratio: 1.84 },
  { name: 'gpx', geo: true, ratio: 1.53 },
];

export function hasGeometry(fields: readonly Field[]): boolean {
  return fields.some((f) => f.type === 'geo_point_2d' || f.type === 'geo_shape');
}

export function availableFormats(fields: readonly Field[]): SiteExportFormat[] {
  const geo = hasGeometry(fields);
  return SITE_EXPORT_FORMATS.filter((f) => geo || !f.geo);
}

/** Estimated bytes of a whole export: the sample's mean JSON size × count × the ratio. */
export function estimateBytes(
  sample: readonly unknown[],
  count: number,
  format: SiteExportFormat,
): number {
  if (sample.length === 0 || count === 0) return 0;
  const sampleBytes = sample.reduce<number>((n, r) => n + JSON.stringify(r).length, 0);
  return Math.round((sampleBytes / sample.length) * count * format.ratio);
}

/** `12 ko`, `3,4 Mo` / `12 kB`, `3.4 MB`. */
export function formatBytes(bytes: number, lang: 'fr' | 'en'): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  const text = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
  return `${text} ${units[unit]}`;
}
