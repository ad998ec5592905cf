// Opening a whole-dataset export: the same ODSQL as /records, without the paging window,
// streamed in batches from one dataset version (so a republish never mixes two versions).

import type { Field } from '../core/field.ts';
import type { EncodedChunk, RowEncoding } from '../core/row-encoding.ts';
import { STREAM_BATCH_ROWS } from '../core/row-encoding.ts';
import { PortalError } from '../core/errors.ts';
import type { OutputColumn, RecordsQueryInput } from '../odsql/index.ts';
import { compileRecordsQuery, translateV1Query } from '../odsql/index.ts';
import type { EncodedQuery, SqlQuery, StorageEngine } from '../storage/engine.ts';
import type { CatalogService } from '../catalog/index.ts';
import { fieldsInLanguage } from '../catalog/index.ts';
import type { RecordsRequest } from './records-service.ts';
import { checkTimezone } from './timezone.ts';
import { tableSchemaOf } from './table-schema.ts';

/** The records request, where `limit` -1 (the default) exports every matching row. */
export interface ExportRequest extends RecordsRequest {
  /** Also stream each record's id (API v1 answers show it). */
  withRecordId?: boolean;
}

export interface RecordsExport {
  datasetId: string;
  /** The fields of the exported version, for labels and geometry. */
  fields: Field[];
  columns: OutputColumn[];
  timezone: string;
  /** The raw rows, in batches (read once: this or `encoded`). */
  rows: AsyncIterable<unknown[][]>;
  /** The rows encoded where they are read, in chunks (see streamEncoded). */
  encoded(encoding: RowEncoding): AsyncIterable<EncodedChunk>;
  /** Where the record id is in each row, with `withRecordId`. */
  recordIdPosition?: number;
  /** When the exported version was made current (ISO 8601), null without data. */
  committedAt: string | null;
}

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

function appendPaging(
  sql: string,
  params: unknown[],
  limit: number,
  offset: number,
  engine: string,
) {
  const placeholder = (n: number) => (engine === 'postgres' ? `$${n}::bigint` : '?');
  if (limit < 0 && offset === 0) return { sql, params };
  // Only SQLite reads LIMIT -1 as "no limit"; a huge bound means the same on both engines.
  const bound = limit < 0 ? Number.MAX_SAFE_INTEGER : limit;
  const n = params.length;
  return {
    sql: `${sql} LIMIT ${placeholder(n + 1)} OFFSET ${placeholder(n + 2)}`,
    params: [...params, bound, offset],
  };
}

export async function openExport(
  engine: StorageEngine,
  catalog: CatalogService,
  request: ExportRequest,
  queryTimeoutMs: number,
): Promise<RecordsExport> {
  const timezone = checkTimezone(request.timezone);
  const limit = request.limit ?? -1;
  const offset = request.offset ?? 0;
  if (limit < -1) {
    throw invalid(
      `Invalid value for limit API parameter: ${limit} was found but limit >= -1 is expected.`,
    );
  }
  if (offset < 0) {
    throw invalid(
      `Invalid value for offset API parameter: ${offset} was found but offset >= 0 is expected.`,
    );
  }
  // The dataset the caller read for this viewer, if given: the export cache keys the file by it.
  const dataset =
    request.dataset?.id === request.datasetId
      ? request.dataset
      : await catalog.getDataset(request.datasetId, request.viewer);
  const version = dataset.current;
  const fields = version?.fields ?? [];
  const v1 = (request.qv1 ?? []).map((q) => translateV1Query(q, fields)).filter((c) => c !== '');
  const input: RecordsQueryInput = {
    select: request.select,
    where: [...(request.where ?? []), ...v1],
    groupBy: request.groupBy,
    orderBy: request.orderBy,
    refine: request.refine,
    exclude: request.exclude,
    timezone,
    lang: request.lang,
    withRecordId: request.withRecordId,
    // Paging is added below: only a whole export may be read by ranges.
    rowidRanges: limit < 0 && offset === 0,
  };
  const compiled = compileRecordsQuery(input, tableSchemaOf(dataset), engine.name);
  const query: SqlQuery = appendPaging(compiled.sql, compiled.params, limit, offset, engine.name);
  const encodedQuery: EncodedQuery = compiled.ranged
    ? { ...query, ranged: compiled.ranged }
    : query;
  // Rows decoded on the main thread (shapefile, KML, GPX) come 4,096 at a time; encoded formats
  // say how many rows make a chunk (core/row-encoding.ts).
  const options = { batchSize: 4096, timeoutMs: queryTimeoutMs };
  async function* empty<T>(): AsyncIterable<T> {}
  return {
    datasetId: dataset.id,
    // Labels (CSV and XLSX headers with use_labels) in the language asked, where translated.
    fields: fieldsInLanguage(fields, request.lang),
    columns: compiled.columns,
    recordIdPosition: compiled.recordIdPosition,
    committedAt: version?.committedAt ?? null,
    timezone,
    rows: version ? engine.stream(query, options) : empty(),
    encoded: (encoding) =>
      version
        ? engine.streamEncoded(encodedQuery, encoding, {
            ...options,
            batchSize: encoding.batchRows ?? STREAM_BATCH_ROWS,
          })
        : empty(),
  };
}
