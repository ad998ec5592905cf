// /backoffice/consent/ (administrators only): the third-party services and the cookie policy
// texts. Each form posts, then comes back to the page with a notice (303), or, refused, shows the
// page again with what was typed and the message next to the field (400).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { isPortalError } from '../core/errors.ts';
import type { PortalTextKey } from '../core/portal-texts.ts';
import { PORTAL_TEXT_MAX_LENGTH } from '../core/portal-texts.ts';
import type { Lang } from '../i18n/languages.ts';
import { pageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { adminOnly } from './admin-access.ts';
import { CONSENT_PATH } from './backoffice-menu.tsx';
import type { ConsentNotice, ConsentPageState } from './consent-page.tsx';
import { ConsentAdminPage } from './consent-page.tsx';
import type { TextProblems, TextValues } from './policy-texts-form.ts';
import { POLICY_TEXT_KEYS, TEXT_FIELDS, textValuesFromBody } from './policy-texts-form.ts';
import {
  emptyServiceForm,
  problemOfDetail,
  readServiceForm,
  serviceFormFromBody,
  serviceFormOf,
} from './service-form.ts';

type Form = Record<string, unknown> | undefined;

function field(body: Form, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

/** The notice a redirect after a successful post asks for (`?done=saved&id=…`). */
function noticeOf(query: URLSearchParams): ConsentNotice | null {
  const done = query.get('done');
  const id = query.get('id') ?? '';
  if (done === 'saved' || done === 'removed') return { kind: done, id };
  if (done === 'texts') return { kind: 'texts' };
  return null;
}

export function consentAdminRoutes(scope: FastifyInstance, options: SiteOptions): void {
  const { consent, texts } = options.services;

  async function storedTexts(): Promise<TextValues> {
    const values = textValuesFromBody({});
    for (const key of POLICY_TEXT_KEYS) {
      const localized = await texts.texts(key);
      for (const [lang, body] of Object.entries(localized)) {
        values[`${key}:${lang as Lang}`] = body;
      }
    }
    return values;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    state: Partial<ConsentPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const services = await consent.listServices();
    const edit = services.find((s) => s.id === ctx.query.get('edit'));
    const full: ConsentPageState = {
      services,
      form: edit ? serviceFormOf(edit) : emptyServiceForm(),
      formProblems: {},
      texts: state.texts ?? (await storedTexts()),
      textProblems: {},
      removal: null,
      notice: noticeOf(ctx.query),
      ...state,
    };
    return sendPage(reply, ctx, ConsentAdminPage({ ctx, state: full }), status);
  }

  const done = (reply: FastifyReply, params: Record<string, string>) =>
    reply.redirect(`${CONSENT_PATH}?${new URLSearchParams(params).toString()}`, 303);

  scope.get('/backoffice/consent', async (request, reply) => {
    if (!(await adminOnly(request, reply, pageContext(request, options), CONSENT_PATH))) {
      return reply;
    }
    return render(request, reply, {});
  });

  scope.post<{ Body: Form }>('/backoffice/consent/services', async (request, reply) => {
    if (!(await adminOnly(request, reply, pageContext(request, options), CONSENT_PATH))) {
      return reply;
    }
    const form = serviceFormFromBody(request.body);
    const refused = (state: Partial<ConsentPageState>) =>
      render(request, reply, { form, notice: { kind: 'errors' }, ...state }, 400);
    const read = readServiceForm(form);
    if (!read.service) return refused({ formProblems: read.problems });
    try {
      const saved = await consent.saveService(read.service);
      return done(reply, { done: 'saved', id: saved.id });
    } catch (error) {
      if (!isPortalError(error) || error.code !== 'DG_ERR_SERVICE_INVALID') throw error;
      const detail = String(error.params['detail'] ?? '');
      const mapped = problemOfDetail(detail);
      if (mapped) return refused({ formProblems: { [mapped.field]: mapped.problem } });
      const ctx = pageContext(request, options);
      return refused({ notice: { kind: 'other', text: ctx.t('bo.error.other', { detail }) } });
    }
  });

  scope.post<{ Body: Form }>('/backoffice/consent/services/remove', async (request, reply) => {
    if (!(await adminOnly(request, reply, pageContext(request, options), CONSENT_PATH))) {
      return reply;
    }
    const id = field(request.body, 'id');
    if (field(request.body, 'confirm') !== 'yes') {
      return render(
        request,
        reply,
        { removal: { id, problem: 'bo.services.removeUnconfirmed' }, notice: { kind: 'errors' } },
        400,
      );
    }
    try {
      await consent.removeService(id);
    } catch (error) {
      if (!isPortalError(error) || error.code !== 'DG_ERR_SERVICE_NOT_FOUND') throw error;
      const ctx = pageContext(request, options);
      return render(
        request,
        reply,
        { notice: { kind: 'other', text: ctx.t('bo.services.unknown') } },
        404,
      );
    }
    return done(reply, { done: 'removed', id });
  });

  scope.post<{ Body: Form }>('/backoffice/consent/texts', async (request, reply) => {
    if (!(await adminOnly(request, reply, pageContext(request, options), CONSENT_PATH))) {
      return reply;
    }
    const values = textValuesFromBody(request.body);
    const problems: TextProblems = {};
    for (const name of TEXT_FIELDS) {
      if (values[name].length > PORTAL_TEXT_MAX_LENGTH) {
        problems[name] = { key: 'bo.error.tooLong', params: { max: PORTAL_TEXT_MAX_LENGTH } };
      }
    }
    if (Object.keys(problems).length > 0) {
      return render(
        request,
        reply,
        { texts: values, textProblems: problems, notice: { kind: 'errors' } },
        400,
      );
    }
    for (const name of TEXT_FIELDS) {
      const [key, lang] = name.split(':') as [PortalTextKey, Lang];
      await texts.save(key, lang, values[name]);
    }
    return done(reply, { done: 'texts' });
  });
}
