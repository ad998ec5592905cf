// The dataset pages, one route per tab as on ODS portals (/explore/dataset/{id}/table/…): each
// reads its state from the URL, loads its model from the services and renders its tab.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isValidDatasetId } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import { pageContext } from './page-context.ts';
import { loadAnalyze } from './pages/dataset/analyze-model.ts';
import { readChartSpec } from './pages/dataset/analyze-state.ts';
import { AnalyzeTab } from './pages/dataset/analyze-tab.tsx';
import { loadConsoleOperations, readConsoleForm, runConsole } from './pages/dataset/api-console.ts';
import { ApiTab } from './pages/dataset/api-tab.tsx';
import { loadExportModel } from './pages/dataset/export-model.ts';
import { ExportTab } from './pages/dataset/export-tab.tsx';
import { InformationTab } from './pages/dataset/information-tab.tsx';
import { mapFields } from './pages/dataset/map-fields.ts';
import { MapTab } from './pages/dataset/map-tab.tsx';
import { loadTable } from './pages/dataset/table-model.ts';
import { readTableState } from './pages/dataset/table-state.ts';
import { TableTab } from './pages/dataset/table-tab.tsx';
import { sendPage } from './render.ts';
import { cacheForDataset } from '../http/viewer-caching.ts';
import type { SiteOptions } from './site-options.ts';
import { noteResultCount } from '../http/plugins/audience.ts';

type DatasetRequest = FastifyRequest<{ Params: { dataset_id: string } }>;

export function datasetRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { catalog } = options.services;

  /**
   * A dataset the visitor may read, or the 404 page (an invalid id never reaches the store);
   * the page of a restricted dataset is private to its caller.
   */
  const readable = async (request: DatasetRequest, reply: FastifyReply) => {
    const id = request.params.dataset_id;
    if (!isValidDatasetId(id))
      throw new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: id });
    const dataset = await catalog.getDataset(id, request.viewer);
    cacheForDataset(reply, dataset);
    return dataset;
  };

  const informationTab = async (request: DatasetRequest, reply: FastifyReply) => {
    const dataset = await readable(request, reply);
    const ctx = pageContext(request, options);
    return sendPage(reply, ctx, InformationTab({ ctx, dataset }));
  };
  scope.get<{ Params: { dataset_id: string } }>('/explore/dataset/:dataset_id', informationTab);
  scope.get<{ Params: { dataset_id: string } }>(
    '/explore/dataset/:dataset_id/information',
    informationTab,
  );

  scope.get<{ Params: { dataset_id: string } }>(
    '/explore/dataset/:dataset_id/table',
    async (request, reply) => {
      const dataset = await readable(request, reply);
      const ctx = pageContext(request, options);
      const state = readTableState(ctx.query, dataset.current?.fields ?? []);
      const model = await loadTable(options.services, dataset, state, ctx.viewer);
      noteResultCount(request, model.total);
      const status = model.error === null ? 200 : 400;
      return sendPage(reply, ctx, TableTab({ ctx, dataset, state, model }), status);
    },
  );

  scope.get<{ Params: { dataset_id: string } }>(
    '/explore/dataset/:dataset_id/map',
    async (request, reply) => {
      const dataset = await readable(request, reply);
      const geo = mapFields(dataset.current?.fields ?? []);
      if (geo === null) return reply.callNotFound();
      const ctx = pageContext(request, options);
      const state = readTableState(ctx.query, dataset.current?.fields ?? []);
      return sendPage(reply, ctx, MapTab({ ctx, dataset, state, geo }));
    },
  );

  scope.get<{ Params: { dataset_id: string } }>(
    '/explore/dataset/:dataset_id/analyze',
    async (request, reply) => {
      const dataset = await readable(request, reply);
      const ctx = pageContext(request, options);
      const fields = dataset.current?.fields ?? [];
      const state = readTableState(ctx.query, fields);
      const spec = readChartSpec(ctx.query, fields);
      const model = spec
        ? await loadAnalyze(
            options.services,
            dataset,
            state,
            spec,
            ctx.t('analyze.empty.label'),
            ctx.viewer,
          )
        : null;
      const status = model?.error ? 400 : 200;
      return sendPage(reply, ctx, AnalyzeTab({ ctx, dataset, state, spec, model }), status);
    },
  );

  scope.get<{ Params: { dataset_id: string } }>(
    '/explore/dataset/:dataset_id/export',
    async (request, reply) => {
      const dataset = await readable(request, reply);
      const ctx = pageContext(request, options);
      const state = readTableState(ctx.query, dataset.current?.fields ?? []);
      const model = await loadExportModel(options.services, dataset, state, ctx.viewer);
      return sendPage(reply, ctx, ExportTab({ ctx, dataset, state, model }));
    },
  );

  scope.get<{ Params: { dataset_id: string } }>(
    '/explore/dataset/:dataset_id/api',
    async (request, reply) => {
      const dataset = await readable(request, reply);
      const ctx = pageContext(request, options);
      const state = readTableState(ctx.query, dataset.current?.fields ?? []);
      const operations = await loadConsoleOperations(request.server);
      const form = readConsoleForm(ctx.query, operations, dataset.id, state);
      const answer = form?.run ? await runConsole(request.server, form, request.headers) : null;
      const status = answer && answer.status >= 400 ? answer.status : 200;
      return sendPage(
        reply,
        ctx,
        ApiTab({ ctx, dataset, state, operations, form, answer }),
        status,
      );
    },
  );
}
