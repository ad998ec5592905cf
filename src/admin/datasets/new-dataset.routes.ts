// /backoffice/datasets/new/ (administrators and editors): upload a file or fetch a URL, see the
// preview, then create the dataset (a draft, or published once its first import succeeds). The
// creator owns it, and an editor of given datasets gets it among theirs. An upload waits for
// the one who sent it: to anyone else, its preview is gone. The upload route alone parses
// multipart bodies, streaming the file to disk.

import { rm } from 'node:fs/promises';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isPortalError } from '../../core/errors.ts';
import { DatasetSources } from '../../ingest/dataset-sources.ts';
import { fetchToFile } from '../../ingest/fetch-remote.ts';
import { previewSourceFile } from '../../ingest/import-source-file.ts';
import { pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import type { SiteOptions } from '../../web/site-options.ts';
import { staffOnly } from '../admin-access.ts';
import type { Problems } from '../form-fields.tsx';
import { formatBytes } from './format-bytes.ts';
import type { NewDatasetField, NewDatasetValues } from './new-dataset-form.ts';
import { checkNewDataset, newDatasetValues } from './new-dataset-form.ts';
import { NEW_DATASET_PATH, NewDatasetPage } from './new-dataset-page.tsx';
import type { PreviewState } from './preview-page.tsx';
import { CREATE_PATH, PreviewPage } from './preview-page.tsx';
import { sourcePath } from './source-page.tsx';
import { readUploadForm, useMultipart } from './upload-form.ts';

const PREVIEW_PATH = `${NEW_DATASET_PATH}preview/`;

export async function newDatasetRoutes(scope: FastifyInstance, options: SiteOptions) {
  const { sources, imports } = options.services;

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: NewDatasetValues,
    problems: Problems<NewDatasetField>,
    status: number,
  ) => {
    const ctx = pageContext(request, options);
    const state = { values, problems, maxBytes: imports.maxBytes };
    return sendPage(reply, ctx, NewDatasetPage({ ctx, state }), status);
  };

  scope.get('/backoffice/datasets/new', async (request, reply) => {
    if (!(await staffOnly(request, reply, pageContext(request, options), NEW_DATASET_PATH))) {
      return reply;
    }
    return renderForm(request, reply, newDatasetValues(), {}, 200);
  });

  await scope.register(async (uploads) => {
    await useMultipart(uploads, imports.maxBytes);
    uploads.post(
      '/backoffice/datasets/new',
      { config: { csrfTokenInMultipart: true } },
      async (request, reply) => {
        if (!(await staffOnly(request, reply, pageContext(request, options), NEW_DATASET_PATH))) {
          return reply;
        }
        const { token, path } = sources.pending.reserve();
        let form;
        try {
          form = await readUploadForm(request, path, imports.maxBytes);
        } catch (error) {
          if (!isPortalError(error) || error.code !== 'DG_ERR_IMPORT_TOO_LARGE') throw error;
          await sources.pending.discard(token);
          const max = formatBytes(pageContext(request, options).lang, imports.maxBytes);
          return renderForm(
            request,
            reply,
            newDatasetValues(),
            { file: { key: 'imp.problem.tooLarge', params: { max } } },
            413,
          );
        }
        const values = newDatasetValues(form.fields);
        const refuse = async (problems: Problems<NewDatasetField>, status = 400) => {
          await sources.pending.discard(token);
          return renderForm(request, reply, values, problems, status);
        };
        const fileName = values.kind === 'file' ? (form.file?.fileName ?? null) : null;
        const checked = await checkNewDataset(values, fileName, (id) => sources.exists(id));
        const problems = { ...checked.problems };
        if (values.kind === 'file' && form.file === null) {
          problems.file = { key: 'imp.problem.fileMissing' };
        }
        if (Object.keys(problems).length > 0) return refuse(problems);
        let size = form.file?.size ?? 0;
        let name = fileName ?? '';
        if (values.kind === 'url') {
          if (form.file) await rm(form.file.path, { force: true });
          try {
            const fetched = await fetchToFile(checked.url!, path, {
              maxBytes: imports.maxBytes,
              timeoutMs: imports.fetchTimeoutMs,
            });
            size = fetched.bytes;
            name = fetched.fileName;
          } catch (error) {
            if (!isPortalError(error)) throw error;
            const detail = String(error.params['detail'] ?? error.message);
            return refuse({ url: { key: 'imp.problem.fetch', params: { detail } } });
          }
        }
        const id = checked.id || DatasetSources.suggestId(name);
        if (id === '') return refuse({ id: { key: 'imp.problem.idMissing' } });
        await sources.pending.save({
          token,
          kind: values.kind,
          url: checked.url,
          fileName: name,
          size,
          datasetId: id,
          title: values.title,
          options: checked.options,
          schedule: checked.schedule,
          createdBy: request.viewer.userId,
        });
        return reply.redirect(`${PREVIEW_PATH}?upload=${token}`, 303);
      },
    );
  });

  scope.get('/backoffice/datasets/new/preview', async (request, reply) => {
    const ctx = pageContext(request, options);
    if (!(await staffOnly(request, reply, ctx, NEW_DATASET_PATH))) return reply;
    const upload = await sources.pending.get(ctx.query.get('upload') ?? '', request.viewer.userId);
    let state: PreviewState;
    if (upload === null) state = { kind: 'gone' };
    else {
      try {
        const preview = await previewSourceFile(sources.pending.dataPath(upload.token), {
          ...upload.options,
          fileName: upload.fileName,
        });
        state = { kind: 'ready', upload, fields: preview.fields, rows: preview.rows };
      } catch (error) {
        if (!isPortalError(error)) throw error;
        state = { kind: 'unreadable', upload, detail: String(error.params['detail'] ?? '') };
      }
    }
    const status = state.kind === 'ready' ? 200 : state.kind === 'gone' ? 404 : 400;
    return sendPage(reply, ctx, PreviewPage({ ctx, state }), status);
  });

  scope.post<{ Body: Record<string, unknown> | undefined }>(CREATE_PATH, async (request, reply) => {
    const ctx = pageContext(request, options);
    if (!(await staffOnly(request, reply, ctx, NEW_DATASET_PATH))) return reply;
    const token = typeof request.body?.['upload'] === 'string' ? request.body['upload'] : '';
    const upload = await sources.pending.get(token, request.viewer.userId);
    if (upload === null) {
      return sendPage(reply, ctx, PreviewPage({ ctx, state: { kind: 'gone' } }), 404);
    }
    if (await sources.exists(upload.datasetId)) {
      await sources.pending.discard(token);
      const values = newDatasetValues({
        kind: upload.kind,
        url: upload.url ?? '',
        schedule: upload.schedule,
        separator: upload.options.separator ?? '',
        id: upload.datasetId,
        title: upload.title,
      });
      return renderForm(request, reply, values, { id: { key: 'imp.problem.idTaken' } }, 409);
    }
    const publish = request.body?.['publish'] === 'yes';
    const created = await sources.createFromPending(upload, request.viewer.userId, publish);
    return reply.redirect(`${sourcePath(created.datasetId)}?done=started`, 303);
  });
}
