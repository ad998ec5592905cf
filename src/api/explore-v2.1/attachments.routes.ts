// A dataset's attachments: GET …/attachments (the list, as ODS shapes it: `metas` with
// `mime-type`) and GET …/attachments/{attachment_id} (the file).

import type { FastifyInstance } from 'fastify';

import type { SurfaceOptions } from '../../http/services.ts';
import { cacheForDataset } from '../../http/viewer-caching.ts';
import { sendAttachment } from '../attachments/send-attachment.ts';

interface DatasetParams {
  dataset_id: string;
}

export function attachmentsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { attachments } = options.services;
  const base = `${options.baseUrl}/api/explore/v2.1/catalog/datasets`;

  scope.get<{ Params: DatasetParams }>(
    '/catalog/datasets/:dataset_id/attachments',
    async (request, reply) => {
      const id = request.params.dataset_id;
      const { dataset, attachments: list } = await attachments.list(id, request.viewer);
      cacheForDataset(reply, dataset);
      return {
        attachments: list.map((a) => ({
          href: `${base}/${encodeURIComponent(id)}/attachments/${encodeURIComponent(a.id)}`,
          metas: {
            'mime-type': a.mimetype,
            title: a.title,
            url: `odsfile://${a.fileName}`,
            id: a.id,
          },
        })),
      };
    },
  );

  scope.get<{ Params: DatasetParams & { attachment_id: string } }>(
    '/catalog/datasets/:dataset_id/attachments/:attachment_id',
    async (request, reply) =>
      sendAttachment(
        reply,
        await attachments.find(
          request.params.dataset_id,
          request.params.attachment_id,
          request.viewer,
        ),
      ),
  );
}
