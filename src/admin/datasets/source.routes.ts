// /backoffice/datasets/{id}/source/ (administrators and the dataset's editors): the source tab. Its forms post, then come
// back with a notice (303), or, refused, show the page again with the message next to the field
// (400; 409 while an import runs). `jobs.json` feeds the progress script.

import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { Dataset } from '../../core/dataset.ts';
import { isPortalError } from '../../core/errors.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { checkSeparator } from '../../ingest/dataset-sources.ts';
import { checkSourceUrl } from '../../ingest/fetch-remote.ts';
import { normaliseSchedule } from '../../ingest/refresh-schedule.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import type { SiteOptions } from '../../web/site-options.ts';
import type { ById } from '../managed-dataset.ts';
import { managedDataset } from '../managed-dataset.ts';
import type { Problems } from '../form-fields.tsx';
import { formatBytes } from './format-bytes.ts';
import type { SourceField, SourcePageState } from './source-page.tsx';
import { SourcePage, sourcePath } from './source-page.tsx';
import { readUploadForm, useMultipart } from './upload-form.ts';

type Params = { Params: { id: string } };
type Form = Record<string, unknown> | undefined;

const NOTICES: Record<string, SourcePageState['notice']> = {
  started: { kind: 'success', key: 'imp.notice.started' },
  saved: { kind: 'success', key: 'imp.notice.saved' },
};

function text(body: Form, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

function isBusy(error: unknown): boolean {
  return isPortalError(error) && error.code === 'DG_ERR_IMPORT_BUSY';
}

export async function sourceRoutes(scope: FastifyInstance, options: SiteOptions) {
  const { sources, imports } = options.services;

  /** The dataset, or null once a refusal (sign-in, 403, 404) is sent. */
  async function datasetOf(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
  ): Promise<Dataset | null> {
    const managed = await managedDataset(
      request as FastifyRequest<ById>,
      reply,
      options,
      'source/',
    );
    return managed?.dataset ?? null;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    dataset: Dataset,
    more: Partial<SourcePageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const source = await sources.getSource(dataset.id);
    const state: SourcePageState = {
      dataset,
      source,
      jobs: await sources.listJobs(dataset.id),
      maxBytes: imports.maxBytes,
      notice: NOTICES[ctx.query.get('done') ?? ''] ?? null,
      urlForm: {
        url: source?.kind === 'url' ? source.location : '',
        schedule: source?.kind === 'url' ? source.schedule : 'none',
        separator: source?.options.separator ?? '',
      },
      problems: {},
      ...more,
    };
    return sendPage(reply, ctx, SourcePage({ ctx, state }), status);
  }

  const refused = (
    request: FastifyRequest,
    reply: FastifyReply,
    dataset: Dataset,
    problems: Problems<SourceField>,
    more: Partial<SourcePageState> = {},
  ) => {
    const key: MessageKey = 'imp.problem.summary';
    return render(
      request,
      reply,
      dataset,
      { problems, notice: { kind: 'error', key }, ...more },
      400,
    );
  };

  const busy = (request: FastifyRequest, reply: FastifyReply, dataset: Dataset) =>
    render(request, reply, dataset, { notice: { kind: 'error', key: 'imp.notice.busy' } }, 409);

  scope.get<Params>('/backoffice/datasets/:id/source', async (request, reply) => {
    const dataset = await datasetOf(request, reply);
    if (!dataset) return reply;
    return render(request, reply, dataset, {});
  });

  scope.get<Params>('/backoffice/datasets/:id/source/jobs.json', async (request, reply) => {
    const dataset = await datasetOf(request, reply);
    if (!dataset) return reply;
    const jobs = await sources.listJobs(dataset.id, 5);
    return reply.header('cache-control', 'no-store').send({
      jobs: jobs.map((job) => ({
        id: job.id,
        state: job.state,
        rowsRead: job.rowsRead,
        rowsRejected: job.rowsRejected,
        error: job.error,
      })),
    });
  });

  scope.post<Params & { Body: Form }>(
    '/backoffice/datasets/:id/source/refresh',
    async (request, reply) => {
      const dataset = await datasetOf(request, reply);
      if (!dataset) return reply;
      try {
        await sources.refreshNow(dataset.id, request.viewer.userId);
      } catch (error) {
        if (isBusy(error)) return busy(request, reply, dataset);
        throw error;
      }
      return reply.redirect(`${sourcePath(dataset.id)}?done=started`, 303);
    },
  );

  scope.post<Params & { Body: Form }>(
    '/backoffice/datasets/:id/source/url',
    async (request, reply) => {
      const dataset = await datasetOf(request, reply);
      if (!dataset) return reply;
      const urlForm = {
        url: text(request.body, 'url').trim(),
        schedule: text(request.body, 'schedule').trim() || 'none',
        separator: text(request.body, 'separator'),
      };
      const problems: Problems<SourceField> = {};
      let url = '';
      try {
        url = checkSourceUrl(urlForm.url);
      } catch {
        problems.url = { key: 'imp.problem.urlInvalid' };
      }
      try {
        normaliseSchedule(urlForm.schedule);
      } catch {
        problems.schedule = { key: 'imp.problem.schedule' };
      }
      let separator = {};
      try {
        separator = checkSeparator(urlForm.separator);
      } catch {
        problems.separator = { key: 'imp.problem.separator' };
      }
      if (Object.keys(problems).length > 0) {
        return refused(request, reply, dataset, problems, { urlForm });
      }
      await sources.setUrl(dataset.id, url, urlForm.schedule, separator, request.viewer.userId);
      return reply.redirect(`${sourcePath(dataset.id)}?done=saved`, 303);
    },
  );

  await scope.register(async (uploads) => {
    await useMultipart(uploads, imports.maxBytes);
    uploads.post<Params>(
      '/backoffice/datasets/:id/source/file',
      { config: { csrfTokenInMultipart: true } },
      async (request, reply) => {
        const dataset = await datasetOf(request, reply);
        if (!dataset) return reply;
        const target = sources.replacementPath(dataset.id);
        let form;
        try {
          form = await readUploadForm(request, target, imports.maxBytes);
        } catch (error) {
          if (!isPortalError(error) || error.code !== 'DG_ERR_IMPORT_TOO_LARGE') throw error;
          await rm(dirname(target), { recursive: true, force: true });
          return refused(request, reply, dataset, {
            file: {
              key: 'imp.problem.tooLarge',
              params: { max: formatBytes(pageContext(request, options).lang, imports.maxBytes) },
            },
          });
        }
        const problems: Problems<SourceField> = {};
        let separator = {};
        try {
          separator = checkSeparator(form.fields['separator'] ?? '');
        } catch {
          problems.separator = { key: 'imp.problem.separator' };
        }
        if (form.file === null) problems.file = { key: 'imp.problem.fileMissing' };
        if (Object.keys(problems).length > 0 || form.file === null) {
          await rm(dirname(target), { recursive: true, force: true });
          return refused(request, reply, dataset, problems);
        }
        try {
          await sources.replaceFile(dataset.id, form.file, separator, request.viewer.userId);
        } catch (error) {
          if (isBusy(error)) return busy(request, reply, dataset);
          throw error;
        }
        return reply.redirect(`${sourcePath(dataset.id)}?done=started`, 303);
      },
    );
  });
}
