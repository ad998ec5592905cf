// /backoffice/datasets/{id}/attachments/ (administrators and the dataset's editors): list the
// attachments, add one, replace one's file, delete one (confirmed). Files are streamed to disk
// by @fastify/multipart, registered on the two upload routes only, within the upload size
// limit. A refused form comes back with the message next to the field (400; 409 for a name
// another attachment has; 413 past the limit) and the received file removed; a done one
// redirects to the list with a notice (303).

import { rm } from 'node:fs/promises';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { Attachment } from '../../core/attachment.ts';
import { ATTACHMENT_TITLE_MAX, attachmentNameProblem } from '../../core/attachment.ts';
import type { Dataset } from '../../core/dataset.ts';
import { isPortalError } from '../../core/errors.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { pageContext } from '../../web/page-context.ts';
import { ErrorPage } from '../../web/pages/error-page.tsx';
import { sendPage } from '../../web/render.ts';
import type { SiteOptions } from '../../web/site-options.ts';
import type { Problems } from '../form-fields.tsx';
import { formField } from '../form-fields.tsx';
import type { ById } from '../managed-dataset.ts';
import { managedDataset } from '../managed-dataset.ts';
import type { AttachmentAction } from './attachment-action-page.tsx';
import { AttachmentActionPage } from './attachment-action-page.tsx';
import type { AttachmentField, AttachmentsPageState } from './attachments-page.tsx';
import { AttachmentsPage, attachmentsPath } from './attachments-page.tsx';
import { formatBytes } from './format-bytes.ts';
import type { UploadForm } from './upload-form.ts';
import { readUploadForm, useMultipart } from './upload-form.ts';

type ByAttachment = { Params: { id: string; attachment: string }; Body: Record<string, unknown> };

const DONE: Record<string, MessageKey> = {
  added: 'att.notice.added',
  replaced: 'att.notice.replaced',
  deleted: 'att.notice.deleted',
};

/** What is wrong with the form before the service is asked (the service checks again). */
function formProblems(form: UploadForm): Problems<AttachmentField> {
  const problems: Problems<AttachmentField> = {};
  if ([...(form.fields['title'] ?? '').trim()].length > ATTACHMENT_TITLE_MAX) {
    problems.title = { key: 'att.problem.titleLong' };
  }
  if (form.file === null) problems.file = { key: 'att.problem.fileMissing' };
  else if (attachmentNameProblem(form.file.fileName) !== null) {
    problems.file = { key: 'att.problem.name' };
  }
  return problems;
}

function takenBy(error: unknown): string | null {
  if (!isPortalError(error) || error.code !== 'DG_ERR_ATTACHMENT_NAME_TAKEN') return null;
  return String(error.params['attachment_id']);
}

export async function attachmentsRoutes(scope: FastifyInstance, options: SiteOptions) {
  const { datasetAttachments, imports } = options.services;
  const maxBytes = imports.maxBytes;

  const datasetOf = async (request: FastifyRequest<ById>, reply: FastifyReply) =>
    (await managedDataset(request, reply, options, 'attachments/'))?.dataset ?? null;

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    dataset: Dataset,
    more: Partial<AttachmentsPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const done = DONE[ctx.query.get('done') ?? ''];
    const state: AttachmentsPageState = {
      dataset,
      attachments: await datasetAttachments.list(request.viewer, dataset.id),
      maxBytes,
      notice: done ? { kind: 'success', text: ctx.t(done) } : null,
      title: '',
      problems: {},
      ...more,
    };
    return sendPage(reply, ctx, AttachmentsPage({ ctx, state }), status);
  }

  const refusedList = (
    request: FastifyRequest,
    reply: FastifyReply,
    dataset: Dataset,
    title: string,
    problems: Problems<AttachmentField>,
    status: number,
  ) => {
    const ctx = pageContext(request, options);
    const notice = { kind: 'error' as const, text: ctx.t('att.problem.summary') };
    return listPage(request, reply, dataset, { title, problems, notice }, status);
  };

  /** The attachment the URL names, with its dataset; or null once a 403/404 page is sent. */
  async function attachmentOf(
    request: FastifyRequest<ByAttachment>,
    reply: FastifyReply,
  ): Promise<{ dataset: Dataset; attachment: Attachment } | null> {
    const dataset = await datasetOf(request, reply);
    if (!dataset) return null;
    const attachment = dataset.attachments.find((a) => a.id === request.params.attachment);
    if (attachment) return { dataset, attachment };
    const ctx = pageContext(request, options);
    await sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
    return null;
  }

  function actionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    found: { dataset: Dataset; attachment: Attachment },
    action: AttachmentAction,
    more: { title?: string; problems?: Problems<AttachmentField | 'confirm'> } = {},
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const state = { ...found, action, maxBytes, title: '', problems: {}, ...more };
    return sendPage(reply, ctx, AttachmentActionPage({ ctx, state }), status);
  }

  /** Reads the multipart form into `target`; a file over the limit gives null (removed). */
  async function received(request: FastifyRequest, target: string): Promise<UploadForm | null> {
    try {
      return await readUploadForm(request, target, maxBytes);
    } catch (error) {
      await rm(target, { force: true });
      if (isPortalError(error) && error.code === 'DG_ERR_IMPORT_TOO_LARGE') return null;
      throw error;
    }
  }

  const tooLarge = (request: FastifyRequest): Problems<AttachmentField> => ({
    file: {
      key: 'att.problem.tooLarge',
      params: { max: formatBytes(pageContext(request, options).lang, maxBytes) },
    },
  });

  scope.get<ById>('/backoffice/datasets/:id/attachments', async (request, reply) => {
    const dataset = await datasetOf(request, reply);
    if (!dataset) return reply;
    return listPage(request, reply, dataset, {});
  });

  for (const action of ['replace', 'delete'] as const) {
    scope.get<ByAttachment>(
      `/backoffice/datasets/:id/attachments/:attachment/${action}`,
      async (request, reply) => {
        const found = await attachmentOf(request, reply);
        if (!found) return reply;
        return actionPage(request, reply, found, action);
      },
    );
  }

  scope.post<ByAttachment>(
    '/backoffice/datasets/:id/attachments/:attachment/delete',
    async (request, reply) => {
      const found = await attachmentOf(request, reply);
      if (!found) return reply;
      if (formField(request.body, 'confirm') !== 'yes') {
        const problems = { confirm: { key: 'att.problem.unconfirmed' as const } };
        return actionPage(request, reply, found, 'delete', { problems }, 400);
      }
      await datasetAttachments.remove(request.viewer, found.dataset.id, found.attachment.id);
      return reply.redirect(`${attachmentsPath(found.dataset.id)}?done=deleted`, 303);
    },
  );

  await scope.register(async (uploads) => {
    await useMultipart(uploads, maxBytes);

    uploads.post<ById>(
      '/backoffice/datasets/:id/attachments',
      { config: { csrfTokenInMultipart: true } },
      async (request, reply) => {
        const dataset = await datasetOf(request, reply);
        if (!dataset) return reply;
        const form = await received(request, datasetAttachments.incomingPath(dataset.id));
        if (form === null) return refusedList(request, reply, dataset, '', tooLarge(request), 413);
        const title = form.fields['title'] ?? '';
        const problems = formProblems(form);
        if (Object.keys(problems).length > 0 || form.file === null) {
          if (form.file) await rm(form.file.path, { force: true });
          return refusedList(request, reply, dataset, title, problems, 400);
        }
        try {
          await datasetAttachments.add(request.viewer, dataset.id, form.file, title);
        } catch (error) {
          const taken = takenBy(error);
          if (taken === null) throw error;
          const problem = { key: 'att.problem.nameTaken' as const, params: { id: taken } };
          return refusedList(request, reply, dataset, title, { file: problem }, 409);
        }
        return reply.redirect(`${attachmentsPath(dataset.id)}?done=added`, 303);
      },
    );

    uploads.post<ByAttachment>(
      '/backoffice/datasets/:id/attachments/:attachment/replace',
      { config: { csrfTokenInMultipart: true } },
      async (request, reply) => {
        const found = await attachmentOf(request, reply);
        if (!found) return reply;
        const { dataset, attachment } = found;
        const form = await received(request, datasetAttachments.incomingPath(dataset.id));
        if (form === null) {
          return actionPage(request, reply, found, 'replace', { problems: tooLarge(request) }, 413);
        }
        const title = form.fields['title'] ?? '';
        const problems = formProblems(form);
        if (Object.keys(problems).length > 0 || form.file === null) {
          if (form.file) await rm(form.file.path, { force: true });
          return actionPage(request, reply, found, 'replace', { title, problems }, 400);
        }
        try {
          await datasetAttachments.replace(
            request.viewer,
            dataset.id,
            attachment.id,
            form.file,
            title,
          );
        } catch (error) {
          const taken = takenBy(error);
          if (taken === null) throw error;
          const problem = { key: 'att.problem.nameTaken' as const, params: { id: taken } };
          return actionPage(
            request,
            reply,
            found,
            'replace',
            { title, problems: { file: problem } },
            409,
          );
        }
        return reply.redirect(`${attachmentsPath(dataset.id)}?done=replaced`, 303);
      },
    );
  });
}
