// Reads a multipart form whose file goes to disk as it arrives (never held in memory), within
// the size limit. The CSRF token must come first: the route's check (`csrfTokenInMultipart`)
// runs on that field before any file byte is written.

import { rm } from 'node:fs/promises';

import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';

import { CSRF_FIELD, verifyCsrfField } from '../../http/plugins/csrf.ts';
import { streamToFile, tooLarge } from '../../ingest/stream-to-file.ts';

export interface UploadedFile {
  path: string;
  /** The name the browser gave (the user's file name, without folders). */
  fileName: string;
  size: number;
}

export interface UploadForm {
  fields: Record<string, string>;
  /** The file, or null when none was chosen (or it was empty, then removed). */
  file: UploadedFile | null;
}

/** Registers multipart parsing on this scope only (the upload routes). */
export async function useMultipart(scope: FastifyInstance, maxBytes: number): Promise<void> {
  await scope.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 30, fieldSize: 100_000, parts: 40 },
  });
}

function isBusboyLimit(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Reads the form; the file is written to `target` (only if the token came before it and is
 * valid). DG_ERR_IMPORT_TOO_LARGE past `maxBytes`, the partial file removed.
 */
export async function readUploadForm(
  request: FastifyRequest,
  target: string,
  maxBytes: number,
): Promise<UploadForm> {
  const fields: Record<string, string> = {};
  let tokenChecked = false;
  let file: UploadedFile | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      const value = typeof part.value === 'string' ? part.value : '';
      if (part.fieldname === CSRF_FIELD && !tokenChecked) {
        verifyCsrfField(request, value);
        tokenChecked = true;
      } else fields[part.fieldname] = value;
      continue;
    }
    if (!tokenChecked) verifyCsrfField(request, undefined);
    if (part.filename === '') {
      part.file.resume();
      continue;
    }
    let size: number;
    try {
      size = await streamToFile(part.file, target, maxBytes);
    } catch (error) {
      throw isBusboyLimit(error) ? tooLarge(maxBytes) : error;
    }
    if (part.file.truncated || size === 0) {
      await rm(target, { force: true });
      if (part.file.truncated) throw tooLarge(maxBytes);
      continue;
    }
    file = { path: target, fileName: part.filename.split(/[\\/]/).pop()!, size };
  }
  if (!tokenChecked) verifyCsrfField(request, undefined);
  return { fields, file };
}
