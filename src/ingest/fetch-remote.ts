// Fetches a remote source (HTTP or HTTPS) to a file: streamed, within the upload size limit
// and a time limit, with failures (DNS, connection, status, size) as DG_ERR_IMPORT_* errors.

import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

import { PortalError, isPortalError } from '../core/errors.ts';
import { streamToFile, tooLarge } from './stream-to-file.ts';

export interface FetchLimits {
  maxBytes: number;
  /** The whole transfer's time limit. */
  timeoutMs: number;
}

export interface FetchedFile {
  bytes: number;
  /** The name the URL suggests (its last path segment), for the user's eyes. */
  fileName: string;
}

/** The URL if it is http(s), else DG_ERR_IMPORT_SOURCE_INVALID. */
export function checkSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new PortalError('DG_ERR_IMPORT_SOURCE_INVALID', { detail: `"${raw}" is not a URL` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PortalError('DG_ERR_IMPORT_SOURCE_INVALID', {
      detail: `"${raw}" must start with http:// or https://`,
    });
  }
  return url.href;
}

export function fileNameOfUrl(url: string): string {
  const segment = new URL(url).pathname.split('/').filter(Boolean).pop();
  return segment ? decodeURIComponent(segment) : new URL(url).hostname;
}

function failure(url: string, detail: string, cause?: unknown): PortalError {
  return new PortalError('DG_ERR_IMPORT_FETCH_FAILED', { url, detail }, { cause });
}

/** Why fetch() threw, in words (undici puts the system error in `cause`). */
function reasonOf(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no complete answer within ${timeoutMs / 1000} s`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  switch (cause?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve (DNS)';
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'ECONNRESET':
      return 'the server closed the connection';
    default:
      return cause?.message ?? (error as Error).message;
  }
}

export async function fetchToFile(
  url: string,
  path: string,
  limits: FetchLimits,
): Promise<FetchedFile> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch (error) {
    throw failure(url, reasonOf(error, limits.timeoutMs), error);
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw failure(url, `the server answered HTTP ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body.cancel();
    throw tooLarge(limits.maxBytes);
  }
  try {
    const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
    const bytes = await streamToFile(body, path, limits.maxBytes);
    return { bytes, fileName: fileNameOfUrl(url) };
  } catch (error) {
    if (isPortalError(error)) throw error;
    throw failure(url, reasonOf(error, limits.timeoutMs), error);
  }
}
