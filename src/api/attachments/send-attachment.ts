// Sends an attachment's file, streamed, under its stored type and name.

import { createReadStream } from 'node:fs';

import type { FastifyReply } from 'fastify';

import type { AttachmentFile } from '../../catalog/index.ts';
import { cacheForDataset } from '../../http/viewer-caching.ts';

/** `Content-Disposition` with an ASCII fallback name and the UTF-8 one (RFC 6266). */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendAttachment(reply: FastifyReply, file: AttachmentFile): FastifyReply {
  cacheForDataset(reply, file.dataset);
  return reply
    .header('content-type', file.attachment.mimetype)
    .header('content-length', file.size)
    .header('content-disposition', disposition(file.attachment.fileName))
    .send(createReadStream(file.path));
}
