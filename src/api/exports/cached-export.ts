// The export cache at the surface: an export whose file is kept (same dataset state, same
// request, same format and options) streams that file; otherwise it is rendered, and its bytes
// are kept as they are sent. Access is checked before (the dataset was read for the viewer).
// `X-Datagora-Export-Cache` says which (hit or miss; absent when the cache is off).

import type { FastifyReply } from 'fastify';

import type { Dataset } from '../../core/dataset.ts';
import type { ExportCache, ExportRequest, KeptFile, RecordsExport } from '../../records/index.ts';
import { exportFileName } from '../../records/index.ts';
import type { ExportFile } from './send-export.ts';
import { exportHeaders, sendExport } from './send-export.ts';

export const EXPORT_CACHE_HEADER = 'x-datagora-export-cache';
const KEPT_READ_BYTES = 1024 * 1024;

export interface CachedExport {
  /** The dataset as the route read it for the viewer (access checked). */
  dataset: Dataset;
  /** The export's request; its file is written from `dataset`. */
  request: ExportRequest;
  /** The surface, the format and its options, JSON-able (`options-key.ts`). */
  format: unknown;
  file: ExportFile;
  /** Opens the export (a miss): the request (with `dataset`) run, checked, ready to write. */
  open(request: ExportRequest): Promise<RecordsExport>;
}

function sendKept(reply: FastifyReply, kept: KeptFile, datasetId: string, file: ExportFile) {
  exportHeaders(reply, datasetId, file);
  void reply.header('content-length', kept.size).header(EXPORT_CACHE_HEADER, 'hit');
  // Reads of 1 MiB: a third of the CPU time of the default 64 KiB for a large file (Session 9).
  return reply.send(kept.handle.createReadStream({ highWaterMark: KEPT_READ_BYTES }));
}

export async function sendCachedExport(
  reply: FastifyReply,
  cache: ExportCache,
  exported: CachedExport,
): Promise<FastifyReply> {
  const request = { ...exported.request, dataset: exported.dataset };
  const name = cache.enabled ? exportFileName(exported.dataset, request, exported.format) : null;
  if (name !== null) {
    // A file evicted between the check and the open is a miss: the export is rendered.
    const kept = await cache.open(name);
    if (kept !== null) return sendKept(reply, kept, exported.dataset.id, exported.file);
  }
  const data = await exported.open(request);
  const sink = name === null ? null : await cache.begin(name);
  if (name !== null) void reply.header(EXPORT_CACHE_HEADER, 'miss');
  try {
    return await sendExport(reply, data, exported.file, sink);
  } catch (error) {
    await sink?.abort();
    throw error;
  }
}
