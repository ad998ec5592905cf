// Conditional GETs: ETag and Last-Modified from the dataset version, and 304 Not Modified when
// the client already holds the answer, before any query runs.

import { createHash } from 'node:crypto';

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Dataset } from '../core/dataset.ts';

interface Validators {
  etag: string;
  lastModified: string;
}

/** URLs whose validators are kept per dataset object; more start the list again. */
const KEPT_URLS = 512;

/**
 * Validators by dataset object and URL. The SQLite store answers the same object while the
 * dataset is unchanged, so a repeated request skips the hash; a changed dataset is a new object.
 */
const kept = new WeakMap<Dataset, Map<string, Validators>>();

/** The validators of an answer that depends on `dataset` and the request URL. */
export function datasetValidators(request: FastifyRequest, dataset: Dataset): Validators {
  let byUrl = kept.get(dataset);
  if (byUrl === undefined) kept.set(dataset, (byUrl = new Map()));
  const known = byUrl.get(request.url);
  if (known !== undefined) return known;
  const state = `${dataset.id}|${dataset.current?.id ?? 0}|${dataset.metadataProcessedAt}|${request.url}`;
  const etag = `W/"${createHash('sha1').update(state).digest('base64url').slice(0, 27)}"`;
  const lastModified = new Date(dataset.modifiedAt).toUTCString();
  if (byUrl.size >= KEPT_URLS) byUrl.clear();
  const validators = { etag, lastModified };
  byUrl.set(request.url, validators);
  return validators;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return header === '*' || header.split(',').some((tag) => weak(tag) === weak(etag));
}

/**
 * Sets ETag and Last-Modified; answers 304 (and returns true) when the client's copy is
 * current. If-None-Match wins over If-Modified-Since, as HTTP says.
 */
export function answerNotModified(
  request: FastifyRequest,
  reply: FastifyReply,
  dataset: Dataset,
): boolean {
  const { etag, lastModified } = datasetValidators(request, dataset);
  void reply.header('etag', etag).header('last-modified', lastModified);
  const ifNoneMatch = request.headers['if-none-match'];
  let fresh: boolean;
  if (ifNoneMatch !== undefined) {
    fresh = matchesEtag(ifNoneMatch, etag);
  } else {
    const since = Date.parse(request.headers['if-modified-since'] ?? '');
    fresh =
      !Number.isNaN(since) && Math.floor(Date.parse(dataset.modifiedAt) / 1000) * 1000 <= since;
  }
  if (fresh) void reply.code(304).send();
  return fresh;
}
