// The catalog as a virtual dataset: the metadata fields ODS exposes to ODSQL on
// /catalog/datasets (dataset_id, title, modified, records_count…), and each public dataset as a
// row of them. The `default.` prefix of ODS's metadata template names the same fields.

import type { Row } from '../core/cell.ts';
import type { Dataset } from '../core/dataset.ts';
import type { Field } from '../core/field.ts';
import { makeField } from '../core/field.ts';
import { datasetFeatures } from './explore-dataset.ts';

const LIST = { multivalued: [','] };
const SORTABLE = { sortable: [] };

export const CATALOG_FIELDS: Field[] = [
  makeField('dataset_id', 'text', SORTABLE),
  makeField('dataset_uid', 'text'),
  makeField('title', 'text', SORTABLE),
  makeField('description', 'text'),
  makeField('theme', 'text', LIST),
  makeField('keyword', 'text', LIST),
  makeField('publisher', 'text', SORTABLE),
  makeField('license', 'text', SORTABLE),
  makeField('license_url', 'text'),
  makeField('language', 'text', SORTABLE),
  makeField('references', 'text'),
  makeField('attributions', 'text', LIST),
  makeField('territory', 'text', LIST),
  makeField('timezone', 'text'),
  makeField('modified', 'datetime'),
  makeField('created', 'datetime'),
  makeField('data_processed', 'datetime'),
  makeField('metadata_processed', 'datetime'),
  makeField('records_count', 'int'),
  makeField('features', 'text', LIST),
  makeField('has_records', 'boolean'),
  makeField('visibility', 'text'),
];

/** The template prefix ODS accepts in front of metadata names (`default.modified`). */
export const CATALOG_NAME_PREFIX = 'default.';

/** Other names of the catalog fields: `default.<name>`. */
export const CATALOG_FIELD_ALIASES: ReadonlyMap<string, string> = new Map(
  CATALOG_FIELDS.filter((f) => !['dataset_id', 'dataset_uid', 'features'].includes(f.name)).map(
    (f) => [`${CATALOG_NAME_PREFIX}${f.name}`, f.name],
  ),
);

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function list(value: unknown): string[] | null {
  if (!Array.isArray(value)) return text(value) === null ? null : [String(value)];
  return value.length === 0 ? null : value.map(String);
}

/** `seconds`: ODS gives `modified` to the second (`2024-05-14T10:22:31+00:00`). */
function epoch(iso: string | null, seconds = false): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return seconds ? Math.floor(ms / 1000) * 1000 : ms;
}

/** A dataset as a row of CATALOG_FIELDS. */
export function catalogRow(dataset: Dataset): Row {
  const metas = dataset.metas;
  const recordsCount = dataset.current?.recordsCount ?? 0;
  return [
    dataset.id,
    dataset.uid,
    metas.title,
    text(metas.description),
    list(metas.theme),
    list(metas.keyword),
    text(metas.publisher),
    text(metas.license),
    text(metas.license_url),
    text(metas.language),
    text(metas.references),
    list(metas.attributions),
    list(metas.territory),
    text(metas.timezone),
    epoch(dataset.modifiedAt, true),
    epoch(dataset.createdAt, true),
    epoch(dataset.dataProcessedAt),
    epoch(dataset.metadataProcessedAt),
    recordsCount,
    datasetFeatures(dataset.current?.fields ?? [], recordsCount > 0),
    recordsCount > 0,
    dataset.visibility,
  ];
}
