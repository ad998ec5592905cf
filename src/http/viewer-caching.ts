// HTTP caching of answers that depend on who asks. An answer about a restricted or draft dataset,
// or a catalog-wide answer given to a signed-in caller, is `Cache-Control: private` (no shared cache
// stores it) and varies by the headers that carry the caller (the session cookie, an API key).
// Answers about public datasets keep their validators and no Cache-Control, as before.

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Viewer } from '../core/access.ts';
import type { Dataset } from '../core/dataset.ts';
import type { CatalogService } from '../catalog/index.ts';

/** The request headers that tell one caller from another. */
export const CALLER_HEADERS = ['Cookie', 'Authorization'] as const;

/** Adds header names to the reply's Vary, keeping those already there (once each). */
export function addVary(reply: FastifyReply, names: readonly string[]): void {
  const current = reply.getHeader('vary');
  const listed = typeof current === 'string' ? current.split(',').map((n) => n.trim()) : [];
  const present = new Set(listed.filter((n) => n !== '').map((n) => n.toLowerCase()));
  const added = names.filter((n) => !present.has(n.toLowerCase()));
  if (added.length > 0) {
    void reply.header('vary', [...listed.filter((n) => n !== ''), ...added].join(', '));
  }
}

/** Keeps the answer out of shared caches, and makes private caches tell callers apart. */
export function keepPrivate(reply: FastifyReply): void {
  void reply.header('cache-control', 'private');
  addVary(reply, CALLER_HEADERS);
}

/** An answer about one dataset: private when the dataset is restricted or a draft. */
export function cacheForDataset(reply: FastifyReply, dataset: Dataset): void {
  if (dataset.visibility !== 'domain' || !dataset.published) keepPrivate(reply);
}

/**
 * A catalog-wide answer (lists, counts, feeds): it depends on which datasets the caller may
 * read, so it varies by caller, and is private when the caller is signed in.
 */
export function cacheForViewer(reply: FastifyReply, viewer: Viewer): void {
  if (viewer.via === 'anonymous') addVary(reply, CALLER_HEADERS);
  else keepPrivate(reply);
}

/**
 * The dataset a request names, if its caller may read it (DG_ERR_DATASET_NOT_FOUND otherwise,
 * exactly as for a missing dataset), with the reply's caching set for it.
 */
export async function readableDataset(
  catalog: CatalogService,
  request: FastifyRequest,
  reply: FastifyReply,
  datasetId: string,
): Promise<Dataset> {
  const dataset = await catalog.getDataset(datasetId, request.viewer);
  cacheForDataset(reply, dataset);
  return dataset;
}
