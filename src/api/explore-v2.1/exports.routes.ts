// Exports of a dataset: GET …/exports (the formats) and GET …/exports/{format} (the file).

import type { FastifyInstance } from 'fastify';

import { answerNotModified } from '../../http/conditional.ts';
import type { QueryValues } from '../../http/query-params.ts';
import { boolean } from '../../http/query-params.ts';
import type { SurfaceOptions } from '../../http/services.ts';
import { readableDataset } from '../../http/viewer-caching.ts';
import { findFormat, formatsFor } from '../exports/formats.ts';
import { sendCachedExport } from '../exports/cached-export.ts';
import { recordsQueryInput } from './query-input.ts';

interface DatasetParams {
  dataset_id: string;
}

export function exportsRoutes(scope: FastifyInstance, options: SurfaceOptions): void {
  const { records, catalog, exportCache } = options.services;
  const base = `${options.baseUrl}/api/explore/v2.1/catalog/datasets`;

  scope.get<{ Params: DatasetParams }>(
    '/catalog/datasets/:dataset_id/exports',
    async (request, reply) => {
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      return {
        _links: formatsFor(dataset.current?.fields ?? []).map((f) => ({
          href: `${base}/${encodeURIComponent(dataset.id)}/exports/${f.name}`,
          rel: f.name,
        })),
      };
    },
  );

  scope.get<{ Params: DatasetParams & { format: string } }>(
    '/catalog/datasets/:dataset_id/exports/:format',
    async (request, reply) => {
      const query = request.query as QueryValues;
      const format = findFormat(request.params.format);
      const compressed = boolean(query, 'compressed', false);
      const writer = await format.writer(query);
      const dataset = await readableDataset(catalog, request, reply, request.params.dataset_id);
      if (answerNotModified(request, reply, dataset)) return reply;
      const { key, ...write } = writer;
      return sendCachedExport(reply, exportCache, {
        dataset,
        request: recordsQueryInput(request.params.dataset_id, request.viewer, query),
        format: ['v2.1', format.name, key, compressed],
        file: {
          ...write,
          contentType: format.contentType,
          extension: format.extension,
          compressed,
        },
        open: async (input) => {
          const data = await records.openExport(input);
          format.check?.(data);
          return data;
        },
      });
    },
  );
}
