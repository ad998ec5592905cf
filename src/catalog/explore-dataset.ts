// The Explore v2.1 `<Dataset>` object: what /catalog/datasets and /catalog/datasets/{id} return.

import type { Dataset } from '../core/dataset.ts';
import type { DcatMetas } from '../core/dcat-metas.ts';
import { dcatMetasOf, hasDcatMetas } from '../core/dcat-metas.ts';
import type { Field } from '../core/field.ts';
import { inLanguage } from './translated-dataset.ts';

export interface ExploreField {
  name: string;
  label: string;
  type: string;
  description: string | null;
  annotations: Record<string, string[]>;
}

/** An attachment as the dataset object lists it (`mimetype` here; `mime-type` in /attachments). */
export interface ExploreAttachment {
  id: string;
  title: string;
  mimetype: string;
  url: string;
}

export function exploreAttachments(dataset: Dataset): ExploreAttachment[] {
  return dataset.attachments.map((a) => ({
    id: a.id,
    title: a.title,
    mimetype: a.mimetype,
    url: `odsfile://${a.fileName}`,
  }));
}

export interface ExploreDataset {
  dataset_id: string;
  dataset_uid: string;
  attachments: ExploreAttachment[];
  alternative_exports: unknown[];
  has_records: boolean;
  data_visible: boolean;
  visibility: string;
  features: string[];
  fields: ExploreField[];
  /** The default template, and the DCAT one when the dataset has any DCAT metadata. */
  metas: { default: Record<string, unknown>; dcat?: DcatMetas };
}

/** ODS writes metadata dates with an explicit offset: `2024-05-14T10:22:31+00:00`. */
function odsDate(iso: string | null, withMicroseconds = false): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const base = date.toISOString().slice(0, 19);
  const micros = withMicroseconds
    ? `.${String(date.getUTCMilliseconds()).padStart(3, '0')}000`
    : '';
  return `${base}${micros}+00:00`;
}

/** Features as ODS derives them from the schema: geo, timeserie, analyze. */
export function datasetFeatures(fields: readonly Field[], hasRecords: boolean): string[] {
  const features: string[] = [];
  if (fields.some((f) => f.type === 'date' || f.type === 'datetime')) features.push('timeserie');
  if (fields.some((f) => f.type === 'geo_point_2d' || f.type === 'geo_shape')) features.push('geo');
  if (hasRecords) features.push('analyze');
  return features;
}

const DEFAULT_METAS_KEYS = [
  'title',
  'description',
  'theme',
  'keyword',
  'license',
  'license_url',
  'language',
  'metadata_languages',
  'publisher',
  'references',
  'attributions',
  'territory',
  'timezone',
  'geographic_reference',
  'geographic_reference_auto',
  'geographic_area',
  'geographic_area_mode',
  'parent_domain',
  'shared_catalog',
  'source_domain',
  'source_domain_address',
  'source_domain_title',
  'source_dataset',
  'federated',
  'oauth_scope',
] as const;

/**
 * Not part of the default template: `translations` serves the API's `lang` (ODS's metadata have
 * no such key) and `dcat` is a template of its own, `metas.dcat`, as ODS gives it.
 */
const HIDDEN_METAS = new Set(['translations', 'dcat']);

/** The `<Dataset>` object, its metadata in `lang` where they are translated. */
export function toExploreDataset(original: Dataset, lang?: string): ExploreDataset {
  const dataset = inLanguage(original, lang);
  const version = dataset.current;
  const fields = version?.fields ?? [];
  const recordsCount = version?.recordsCount ?? 0;
  const dcat = dcatMetasOf(dataset.metas);
  const metas: Record<string, unknown> = {};
  for (const key of DEFAULT_METAS_KEYS) metas[key] = dataset.metas[key] ?? null;
  for (const [key, value] of Object.entries(dataset.metas)) {
    if (!(key in metas) && !HIDDEN_METAS.has(key)) metas[key] = value;
  }
  Object.assign(metas, {
    modified: odsDate(dataset.modifiedAt),
    modified_updates_on_data_change: true,
    modified_updates_on_metadata_change: false,
    data_processed: odsDate(dataset.dataProcessedAt, true),
    metadata_processed: odsDate(dataset.metadataProcessedAt, true),
    records_count: recordsCount,
    federated: metas['federated'] ?? false,
  });
  return {
    dataset_id: dataset.id,
    dataset_uid: dataset.uid,
    attachments: exploreAttachments(dataset),
    alternative_exports: [],
    has_records: recordsCount > 0,
    data_visible: true,
    visibility: dataset.visibility,
    features: datasetFeatures(fields, recordsCount > 0),
    fields: fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      description: f.description,
      annotations: f.annotations,
    })),
    metas: hasDcatMetas(dcat) ? { default: metas, dcat } : { default: metas },
  };
}
