// The name under which an export's file is kept (export-cache.ts): the dataset's state as it was
// read (its stamp) and every part of the request that can change the file's bytes, beside the
// format's own options, which the surface names. The viewer is not in it: access is checked
// before the cache is asked, and the rows of an export do not depend on who asks.

import { createHash } from 'node:crypto';

import type { Dataset } from '../core/dataset.ts';
import type { ExportRequest } from './export-query.ts';
import { checkTimezone } from './timezone.ts';

/** The request's parts an export's bytes depend on, in a fixed order. */
const EXPORT_PARTS = [
  'select',
  'where',
  'groupBy',
  'orderBy',
  'refine',
  'exclude',
  'qv1',
  'limit',
  'offset',
  'timezone',
  'lang',
  'withRecordIds',
  'withRecordId',
] as const satisfies readonly (keyof ExportRequest)[];

// A part added to ExportRequest must be named above (or here, if the file cannot depend on it):
// this fails to compile until it is.
type Unkeyed = Exclude<keyof ExportRequest, (typeof EXPORT_PARTS)[number]>;
const UNKEYED: Record<Unkeyed, true> = {
  // In the group, with the dataset's stamp.
  datasetId: true,
  viewer: true,
  trace: true,
  // The stamp is made from it.
  dataset: true,
};
void UNKEYED;

const hex = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * The dataset's state an export is written from: the version, and the metadata the writers read
 * without a new version (the fields' labels, translations and annotations, the dates).
 */
export function exportGroup(dataset: Dataset): string | null {
  const version = dataset.current;
  if (version === null) return null;
  const state = JSON.stringify([
    dataset.id,
    dataset.createdAt,
    dataset.modifiedAt,
    dataset.metadataProcessedAt,
    version.id,
    version.table,
    version.committedAt,
    version.fields,
  ]);
  return `${dataset.id}~${hex(state, 24)}`;
}

/**
 * The file name of `request`'s export written as `format` says (a JSON-able value naming the
 * surface, the format and its options), or null when the dataset has no data to keep.
 */
export function exportFileName(
  dataset: Dataset,
  request: ExportRequest,
  format: unknown,
): string | null {
  const group = exportGroup(dataset);
  if (group === null) return null;
  const timezone = checkTimezone(request.timezone);
  const parts = EXPORT_PARTS.map((part) =>
    part === 'timezone' ? timezone : (request[part] ?? null),
  );
  return `${group}~${hex(JSON.stringify([format, parts]), 32)}`;
}
