// multipart/form-data bodies as a browser sends a form with a file: parts in the order given
// (the CSRF token first, as the back office's forms put it).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

export const MULTIPART_BOUNDARY = '----datagora-test-boundary';

export type Part = [name: string, value: string] | [name: string, file: Buffer, fileName: string];

export function multipartBody(parts: Part[], type = 'application/octet-stream'): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.length === 3
        ? `form-data; name="${part[0]}"; filename="${part[2]}"\r\nContent-Type: ${type}`
        : `form-data; name="${part[0]}"`;
    chunks.push(
      Buffer.from(`--${MULTIPART_BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`),
    );
    chunks.push(typeof part[1] === 'string' ? Buffer.from(part[1]) : part[1]);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${MULTIPART_BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

export const MULTIPART_TYPE = `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`;

export interface FilePart {
  field: string;
  path: string;
  fileName: string;
  type?: string;
}

/**
 * Sends a multipart form over real HTTP as a browser does: the parts in the order given (the
 * form's order), the file streamed from disk, never held in memory. Resolves with the answer
 * (redirects not followed).
 */
export async function postMultipartFile(
  url: string,
  headers: Record<string, string>,
  parts: ([name: string, value: string] | FilePart)[],
): Promise<{ status: number; headers: Headers; body: string }> {
  const pieces: (Buffer | string)[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) {
      pieces.push(Buffer.from(`${partHead(`form-data; name="${part[0]}"`)}${part[1]}\r\n`));
      continue;
    }
    const disposition = `form-data; name="${part.field}"; filename="${part.fileName}"`;
    pieces.push(
      Buffer.from(partHead(`${disposition}\r\nContent-Type: ${part.type ?? 'text/csv'}`)),
    );
    pieces.push(part.path, Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${MULTIPART_BOUNDARY}--\r\n`));
  let length = 0;
  for (const piece of pieces)
    length += typeof piece === 'string' ? (await stat(piece)).size : piece.length;
  async function* body() {
    for (const piece of pieces) {
      if (typeof piece !== 'string') yield piece;
      else for await (const chunk of createReadStream(piece)) yield chunk as Buffer;
    }
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': MULTIPART_TYPE, 'content-length': String(length) },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream,
    redirect: 'manual',
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function partHead(disposition: string): string {
  return `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`;
}
