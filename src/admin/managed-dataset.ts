// The door of every page of one dataset in the back office: the visitor must be staff (else
// sign-in or 403), the id valid and known (else 404), and the dataset theirs to manage (else
// 403). Pages get the dataset's overview, or null once the refusal has been sent.

import type { FastifyReply, FastifyRequest } from 'fastify';

import { isValidDatasetId } from '../core/dataset.ts';
import { isPortalError } from '../core/errors.ts';
import type { DatasetOverview } from '../datasets/index.ts';
import { pageContext } from '../web/page-context.ts';
import { ErrorPage } from '../web/pages/error-page.tsx';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { staffOnly } from './admin-access.ts';
import { datasetPath } from './dataset-tabs.tsx';
import { ForbiddenPage } from './forbidden-page.tsx';

export type ById<Body = Record<string, unknown> | undefined> = {
  Params: { id: string };
  Body: Body;
};

export async function managedDataset(
  request: FastifyRequest<ById>,
  reply: FastifyReply,
  options: SiteOptions,
  sub = '',
): Promise<DatasetOverview | null> {
  const { id } = request.params;
  const ctx = pageContext(request, options);
  if (!(await staffOnly(request, reply, ctx, datasetPath(id, sub)))) return null;
  if (!isValidDatasetId(id)) {
    await sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
    return null;
  }
  try {
    return await options.services.datasets.overview(request.viewer, id);
  } catch (error) {
    if (isPortalError(error) && error.code === 'DG_ERR_DATASET_EDIT_FORBIDDEN') {
      await sendPage(reply, ctx, ForbiddenPage({ ctx, text: 'bo.forbidden.dataset' }), 403);
      return null;
    }
    if (isPortalError(error) && error.code === 'DG_ERR_DATASET_NOT_FOUND') {
      await sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
      return null;
    }
    throw error;
  }
}
