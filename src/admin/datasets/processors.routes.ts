// /backoffice/datasets/{id}/processors/: the dataset's processors, for administrators and the
// dataset's editors. Each change posts, then comes back to the list with a notice (303); a
// refused form shows again with what was typed and the messages next to the fields (400); a
// change made on a list that changed meanwhile shows the list as it is now (409). "Save and
// re-import" and the list's re-import queue an import of the source with the processors.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { Dataset } from '../../core/dataset.ts';
import type { PortalError } from '../../core/errors.ts';
import { isPortalError } from '../../core/errors.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { ProcessorsChange } from '../../ingest/dataset-processors.ts';
import { pageContext } from '../../web/page-context.ts';
import { ErrorPage } from '../../web/pages/error-page.tsx';
import { sendPage } from '../../web/render.ts';
import type { SiteOptions } from '../../web/site-options.ts';
import { formField } from '../form-fields.tsx';
import { managedDataset } from '../managed-dataset.ts';
import type { ProcessorFormState } from './processor-form-page.tsx';
import { ProcessorFormPage } from './processor-form-page.tsx';
import {
  emptyValues,
  isProcessorType,
  placeProcessorError,
  readProcessor,
  valuesFromBody,
  valuesOf,
} from './processor-form.ts';
import type { ProcessorsPageState } from './processors-page.tsx';
import { ProcessorsPage, processorsPath } from './processors-page.tsx';

type Form = Record<string, unknown> | undefined;
type ById = { Params: { id: string }; Body: Form; Querystring: Record<string, string> };
type ByPosition = { Params: { id: string; n: string }; Body: Form };
type Request = FastifyRequest<{ Params: { id: string }; Body: Form }>;

const DONE = ['add', 'update', 'delete', 'move', 'started', 'savedBusy'] as const;

function code(error: unknown): string | null {
  return isPortalError(error) ? error.code : null;
}

export function processorsRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { processors, sources } = options.services;

  async function list(
    request: Request,
    reply: FastifyReply,
    dataset: Dataset,
    notice: ProcessorsPageState['notice'] = null,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const { viewer } = request;
    const [current, preview, jobs] = await Promise.all([
      processors.get(viewer, dataset.id),
      processors.preview(viewer, dataset.id),
      sources.listJobs(dataset.id, 1),
    ]);
    const done = ctx.query.get('done') ?? '';
    const state: ProcessorsPageState = {
      dataset,
      ...current,
      preview,
      latestJob: jobs[0] ?? null,
      notice:
        notice ??
        ((DONE as readonly string[]).includes(done)
          ? { kind: 'success', text: ctx.t(`proc.notice.${done}` as MessageKey) }
          : null),
    };
    return sendPage(reply, ctx, ProcessorsPage({ ctx, state }), status);
  }

  /** The list again with what went wrong; errors of no known kind go to the error handler. */
  function refused(request: Request, reply: FastifyReply, dataset: Dataset, error: unknown) {
    const t = pageContext(request, options).t;
    const alert = (key: MessageKey, params?: Record<string, string>) => ({
      kind: 'error' as const,
      text: t(key, params),
    });
    switch (code(error)) {
      case 'DG_ERR_PROCESSORS_CHANGED':
        return list(request, reply, dataset, alert('proc.notice.changed'), 409);
      case 'DG_ERR_IMPORT_BUSY':
        return list(request, reply, dataset, alert('proc.notice.busy'), 409);
      case 'DG_ERR_IMPORT_SOURCE_INVALID':
        return list(request, reply, dataset, alert('proc.noSource'), 400);
      case 'DG_ERR_PROCESSOR_INVALID':
        return list(
          request,
          reply,
          dataset,
          alert('proc.notice.refused', { detail: (error as PortalError).message }),
          400,
        );
      default:
        throw error;
    }
  }

  const unknownKind = (request: Request, reply: FastifyReply, dataset: Dataset) => {
    const text = pageContext(request, options).t('proc.problem.kind');
    return list(request, reply, dataset, { kind: 'error', text }, 400);
  };

  const done = (reply: FastifyReply, dataset: Dataset, what: (typeof DONE)[number]) =>
    reply.redirect(`${processorsPath(dataset.id)}?done=${what}`, 303);

  /** Saves an added or edited processor, then imports again if asked. */
  async function save(request: Request, reply: FastifyReply, dataset: Dataset, at: number | null) {
    const ctx = pageContext(request, options);
    const type = formField(request.body, 'type');
    if (!isProcessorType(type)) return unknownKind(request, reply, dataset);
    const revision = formField(request.body, 'revision');
    const values = valuesFromBody(type, request.body);
    const form = (more: Partial<ProcessorFormState>) =>
      formPage(request, reply, dataset, {
        type,
        position: at,
        revision,
        values,
        problems: {},
        other: null,
        ...more,
      });
    const { config, problems } = readProcessor(type, values);
    if (config === null) return form({ problems });
    const current = await processors.get(request.viewer, dataset.id);
    const position = at ?? current.processors.length + 1;
    const change: ProcessorsChange =
      at === null ? { kind: 'add', config } : { kind: 'update', position: at, config };
    try {
      await processors.change(request.viewer, dataset.id, revision, change);
    } catch (error) {
      if (code(error) !== 'DG_ERR_PROCESSOR_INVALID')
        return refused(request, reply, dataset, error);
      const kindLabel = (kind: string) => ctx.t(`proc.kind.${kind}` as MessageKey);
      return form(placeProcessorError(error as PortalError, type, position, kindLabel));
    }
    if (formField(request.body, 'then') !== 'reimport') return done(reply, dataset, change.kind);
    try {
      await processors.reimport(request.viewer, dataset.id);
    } catch (error) {
      if (code(error) === 'DG_ERR_IMPORT_BUSY') return done(reply, dataset, 'savedBusy');
      return refused(request, reply, dataset, error);
    }
    return done(reply, dataset, 'started');
  }

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    dataset: Dataset,
    form: Omit<ProcessorFormState, 'dataset' | 'fields'>,
  ) {
    const ctx = pageContext(request, options);
    const current = await processors.get(request.viewer, dataset.id);
    const at = form.position ?? current.processors.length + 1;
    const fields = await processors.fieldsAt(request.viewer, dataset.id, at);
    const state: ProcessorFormState = { dataset, fields, ...form };
    const refusedForm = Object.keys(form.problems).length > 0 || form.other !== null;
    return sendPage(reply, ctx, ProcessorFormPage({ ctx, state }), refusedForm ? 400 : 200);
  }

  /** `n` of the URL (from 1), or null once a 404 page is sent. */
  async function positionOf(request: FastifyRequest<ByPosition>, reply: FastifyReply) {
    if (/^[1-9][0-9]{0,3}$/.test(request.params.n)) return Number(request.params.n);
    const ctx = pageContext(request, options);
    await sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
    return null;
  }

  const base = '/backoffice/datasets/:id/processors';

  scope.get<ById>(base, async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'processors/');
    if (!overview) return reply;
    return list(request, reply, overview.dataset);
  });

  scope.get<ById>(`${base}/new`, async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'processors/');
    if (!overview) return reply;
    const { dataset } = overview;
    const type = request.query['type'] ?? '';
    const current = await processors.get(request.viewer, dataset.id);
    if (current.source === null) {
      const notice = {
        kind: 'error' as const,
        text: pageContext(request, options).t('proc.noSource'),
      };
      return list(request, reply, dataset, notice, 400);
    }
    if (!isProcessorType(type)) return unknownKind(request, reply, dataset);
    return formPage(request, reply, dataset, {
      type,
      position: null,
      revision: current.revision,
      values: emptyValues(type),
      problems: {},
      other: null,
    });
  });

  scope.post<ById>(`${base}/new`, async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'processors/');
    if (!overview) return reply;
    return save(request, reply, overview.dataset, null);
  });

  scope.post<ById>(`${base}/reimport`, async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'processors/');
    if (!overview) return reply;
    try {
      await processors.reimport(request.viewer, overview.dataset.id);
    } catch (error) {
      return refused(request, reply, overview.dataset, error);
    }
    return done(reply, overview.dataset, 'started');
  });

  scope.get<ByPosition>(`${base}/:n`, async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'processors/');
    if (!overview) return reply;
    const n = await positionOf(request, reply);
    if (n === null) return reply;
    const current = await processors.get(request.viewer, overview.dataset.id);
    const processor = current.processors[n - 1];
    if (processor === undefined) {
      const ctx = pageContext(request, options);
      return sendPage(reply, ctx, ErrorPage({ ctx, status: 404 }), 404);
    }
    return formPage(request, reply, overview.dataset, {
      type: processor.type,
      position: n,
      revision: current.revision,
      values: valuesOf(processor),
      problems: {},
      other: null,
    });
  });

  scope.post<ByPosition>(`${base}/:n`, async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'processors/');
    if (!overview) return reply;
    const n = await positionOf(request, reply);
    if (n === null) return reply;
    return save(request, reply, overview.dataset, n);
  });

  scope.post<ByPosition>(`${base}/:n/delete`, async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'processors/');
    if (!overview) return reply;
    const n = await positionOf(request, reply);
    if (n === null) return reply;
    const change: ProcessorsChange = { kind: 'delete', position: n };
    return apply(request, reply, overview.dataset, change);
  });

  scope.post<ByPosition>(`${base}/:n/move`, async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'processors/');
    if (!overview) return reply;
    const n = await positionOf(request, reply);
    if (n === null) return reply;
    const direction = formField(request.body, 'direction') === 'up' ? 'up' : 'down';
    const change: ProcessorsChange = { kind: 'move', position: n, direction };
    return apply(request, reply, overview.dataset, change);
  });

  async function apply(
    request: Request,
    reply: FastifyReply,
    dataset: Dataset,
    change: ProcessorsChange,
  ) {
    const revision = formField(request.body, 'revision');
    try {
      await processors.change(request.viewer, dataset.id, revision, change);
    } catch (error) {
      return refused(request, reply, dataset, error);
    }
    return done(reply, dataset, change.kind);
  }
}
