// /backoffice/datasets/{id}/schema/: the schema editor, for those who manage the dataset (the
// metadata editor's door, CSRF check and form conventions). A refused form comes back with what
// was typed and the messages (400); a type change a stored value does not survive comes back
// with that value next to the type (400); a save made on data that changed meanwhile shows the
// current schema again (409); a saved one redirects to the page with a notice (303). A move
// button's post saves nothing: the form comes back as typed in the new order (200).

import type { FastifyInstance } from 'fastify';

import type { Dataset } from '../core/dataset.ts';
import { isPortalError } from '../core/errors.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { PageContext } from '../web/page-context.ts';
import { pageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { datasetPath } from './dataset-tabs.tsx';
import { formField } from './form-fields.tsx';
import type { ById } from './managed-dataset.ts';
import { managedDataset } from './managed-dataset.ts';
import type { SchemaForm } from './schema-form.ts';
import {
  controlName,
  movedOrder,
  readSchemaForm,
  schemaFormFromBody,
  schemaFormOf,
} from './schema-form.ts';
import type { SchemaPageState } from './schema-page.tsx';
import { SchemaPage } from './schema-page.tsx';
import { translationLanguages } from './translation-languages.ts';

const NOTICES: Record<string, SchemaPageState['notice']> = {
  saved: { text: 'schema.saved', kind: 'success' },
  rebuilt: { text: 'schema.savedRebuilt', kind: 'success' },
  unchanged: { text: 'schema.unchanged', kind: 'info' },
};

function freshState(dataset: Dataset, notice?: SchemaPageState['notice']): SchemaPageState {
  const languages = translationLanguages(dataset);
  const form = schemaFormOf(dataset.current?.fields ?? [], languages);
  return { dataset, form, problems: {}, languages, notice };
}

function typeLabel(ctx: PageContext, type: string): string {
  return ctx.t(`schema.type.${type}` as MessageKey);
}

export function schemaRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { schemas } = options.services;

  scope.get<ById>('/backoffice/datasets/:id/schema', async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'schema/');
    if (!overview) return reply;
    const ctx = pageContext(request, options);
    const notice = NOTICES[ctx.query.get('done') ?? ''];
    return sendPage(reply, ctx, SchemaPage({ ctx, state: freshState(overview.dataset, notice) }));
  });

  scope.post<ById>('/backoffice/datasets/:id/schema', async (request, reply) => {
    const overview = await managedDataset(request, reply, options, 'schema/');
    if (!overview) return reply;
    const ctx = pageContext(request, options);
    const { dataset } = overview;
    const fields = dataset.current?.fields ?? [];
    const languages = translationLanguages(dataset);
    const form: SchemaForm = schemaFormFromBody(request.body, fields, languages);
    const formAgain = (state: Partial<SchemaPageState>, status: number) =>
      sendPage(
        reply,
        ctx,
        SchemaPage({ ctx, state: { dataset, form, problems: {}, languages, ...state } }),
        status,
      );
    const move = formField(request.body, 'move');
    if (move !== '') {
      const order = movedOrder(form.order, move) ?? form.order;
      const name = move.slice(move.indexOf(':') + 1);
      const direction = move.startsWith('up:') ? ('up' as const) : ('down' as const);
      const notice = {
        text: 'schema.moved' as const,
        kind: 'info' as const,
        params: { name, position: order.indexOf(name) + 1, count: order.length },
      };
      const moved = order.includes(name) ? { field: name, direction } : undefined;
      return formAgain({ form: { ...form, order }, moved, notice: moved && notice }, 200);
    }
    const versionId = Number(formField(request.body, 'version'));
    if (dataset.current === null || dataset.current.id !== versionId) {
      const notice = { text: 'schema.stale' as const, kind: 'error' as const };
      return sendPage(reply, ctx, SchemaPage({ ctx, state: freshState(dataset, notice) }), 409);
    }
    const { desired, problems } = readSchemaForm(form, fields, languages);
    if (Object.keys(problems).length > 0) return formAgain({ problems }, 400);
    try {
      const saved = await schemas.save(request.viewer, dataset.id, {
        versionId,
        fields: desired,
        order: form.order,
      });
      const done = !saved.changed ? 'unchanged' : saved.rebuiltVersion ? 'rebuilt' : 'saved';
      return reply.redirect(`${datasetPath(dataset.id, 'schema/')}?done=${done}`, 303);
    } catch (error) {
      if (!isPortalError(error)) throw error;
      if (error.code === 'DG_ERR_SCHEMA_CONVERSION') {
        const field = String(error.params['field']);
        const before = fields.find((f) => f.name === field);
        const wanted = desired[field];
        const part = before && wanted && before.type === wanted.type ? 'multivalued' : 'type';
        const problem = {
          key: 'schema.problem.conversion' as const,
          params: {
            type: typeLabel(ctx, wanted?.type ?? 'text'),
            value: String(error.params['value']),
          },
        };
        return formAgain({ problems: { [controlName(field, part)]: problem } }, 400);
      }
      if (error.code === 'DG_ERR_SCHEMA_STALE') {
        const fresh = await options.services.datasets.overview(request.viewer, dataset.id);
        const notice = { text: 'schema.stale' as const, kind: 'error' as const };
        return sendPage(
          reply,
          ctx,
          SchemaPage({ ctx, state: freshState(fresh.dataset, notice) }),
          409,
        );
      }
      if (error.code === 'DG_ERR_SCHEMA_INVALID') {
        return formAgain({ notice: { text: 'schema.invalid', kind: 'error' } }, 400);
      }
      throw error;
    }
  });
}
