// API v1 downloads and record lookup: /api/records/1.0/download/?dataset=… (GET or POST) and
// /api/datasets/1.0/{dataset_id}/records/{record_id}/.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { PortalError } from '../../core/errors.ts';
import { answerNotModified } from '../../http/conditional.ts';
import { READ_ONLY_POST } from '../../http/plugins/api-credentials.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { single } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { readableDataset } from '../../http/viewer-caching.ts';
import { sendV1Download } from '../download/v1-download.ts';
import { v1Record } from './v1-record.ts';

function parameters(request: FastifyRequest): QueryValues {
  const body =
    request.body && typeof request.body === 'object' ? (request.body as QueryValues) : {};
  return { ...(request.query as QueryValues), ...body };
}

export function recordsV1Routes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { records, catalog } = options.services;

  const download = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = parameters(request);
    const datasetId = single(query, 'dataset');
    if (!datasetId) {
      throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
        detail: 'The dataset API parameter is required.',
      });
    }
    return sendV1Download(request, reply, options.services, datasetId, query);
  };
  scope.get('/records/1.0/download', download);
  scope.post('/records/1.0/download', READ_ONLY_POST, download);

  scope.get<{ Params: { dataset_id: string; record_id: string } }>(
    '/datasets/1.0/:dataset_id/records/:record_id',
    async (request, reply) => {
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      const found = await records.getRecordRow({
        datasetId: dataset.id,
        viewer: request.viewer,
        recordId: request.params.record_id,
        timezone: single(request.query as QueryValues, 'timezone'),
      });
      const committed = found.version.committedAt ?? dataset.modifiedAt;
      const timestamp = `${new Date(committed).toISOString().slice(0, 19)}+00:00`;
      return v1Record(
        dataset.id,
        [...found.row, request.params.record_id],
        found.columns,
        found.row.length,
        found.timezone,
        timestamp,
      );
    },
  );
}
