// /backoffice/settings/ (administrators only): the portal settings, the legal pages' texts, the
// logo and the national DCAT-AP profiles. The logo's form is the only multipart one:
// @fastify/multipart is registered for that route alone, holds at most one file of
// LOGO_MAX_BYTES in memory, and hands the fields (the CSRF token among them) to the CSRF check
// like any form's.

import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { PortalTextKey } from '../core/portal-texts.ts';
import type { Lang } from '../i18n/languages.ts';
import { LOGO_MAX_BYTES } from '../settings/index.ts';
import type { PageContext } from '../web/page-context.ts';
import { pageContext } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import type { SiteOptions } from '../web/site-options.ts';
import { diffOf, logAction } from './account-activity.ts';
import { adminOnly } from './admin-access.ts';
import type { Notice } from './backoffice-frame.tsx';
import { SETTINGS_PATH } from './backoffice-menu.tsx';
import {
  checkDcatProfilesForm,
  dcatProfilesOf,
  dcatProfilesValuesFromBody,
  dcatProfilesValuesOf,
} from './dcat-profiles-form.ts';
import { DCAT_PROFILES_PATH } from './dcat-profiles-section.tsx';
import type { SettingsPageState } from './settings-page.tsx';
import { SettingsPage } from './settings-page.tsx';
import {
  PAGE_TEXT_FIELDS,
  checkSettingsForm,
  settingsInputOf,
  settingsValuesFromBody,
  settingsValuesOf,
} from './settings-form.ts';

type Form = Record<string, unknown> | undefined;

const NOTICES = ['saved', 'logo', 'logoRemoved', 'profiles'] as const;

function noticeOf(ctx: PageContext): Notice | null {
  const done = ctx.query.get('done');
  if (!(NOTICES as readonly string[]).includes(done ?? '')) return null;
  return { kind: 'success', text: ctx.t(`bo.settings.notice.${done as (typeof NOTICES)[number]}`) };
}

export async function settingsRoutes(scope: FastifyInstance, options: SiteOptions): Promise<void> {
  const { settings, texts } = options.services;
  const allowed = (request: FastifyRequest, reply: FastifyReply) =>
    adminOnly(request, reply, pageContext(request, options), SETTINGS_PATH);

  async function storedTexts(): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    for (const name of PAGE_TEXT_FIELDS) {
      const [key, lang] = name.split(':') as [PortalTextKey, Lang];
      values[name] = (await texts.text(key, lang)) ?? '';
    }
    return values;
  }

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    state: Partial<SettingsPageState>,
    status = 200,
  ) {
    const ctx = pageContext(request, options);
    const current = await settings.current();
    const full: SettingsPageState = {
      values: settingsValuesOf(current, await storedTexts()),
      problems: {},
      logoUrl: current.logo ? `/assets/${current.logo}` : null,
      logoProblem: null,
      profiles: dcatProfilesValuesOf(current.dcatProfiles, current.contactEmail),
      profileProblems: {},
      notice: noticeOf(ctx),
      ...state,
    };
    return sendPage(reply, ctx, SettingsPage({ ctx, state: full }), status);
  }

  const errors = (request: FastifyRequest): Notice => ({
    kind: 'error',
    text: pageContext(request, options).t('bo.notice.errors'),
  });

  scope.get('/backoffice/settings', async (request, reply) => {
    if (!(await allowed(request, reply))) return reply;
    return page(request, reply, {});
  });

  scope.post<{ Body: Form }>('/backoffice/settings', async (request, reply) => {
    if (!(await allowed(request, reply))) return reply;
    const values = settingsValuesFromBody(request.body);
    const problems = checkSettingsForm(values);
    if (Object.keys(problems).length > 0) {
      return page(request, reply, { values, problems, notice: errors(request) }, 400);
    }
    const { before, after } = await settings.save(settingsInputOf(values));
    const textsBefore = await storedTexts();
    for (const name of PAGE_TEXT_FIELDS) {
      const [key, lang] = name.split(':') as [PortalTextKey, Lang];
      await texts.save(key, lang, values.texts[name] ?? '');
    }
    const diff = {
      ...diffOf({ ...before, logo: null }, { ...after, logo: null }),
      ...diffOf(textsBefore, await storedTexts()),
    };
    if (Object.keys(diff).length > 0) {
      await logAction(options.services, request, 'settings.update', diff);
    }
    return reply.redirect(`${SETTINGS_PATH}?done=saved`, 303);
  });

  scope.post<{ Body: Form }>(DCAT_PROFILES_PATH, async (request, reply) => {
    if (!(await allowed(request, reply))) return reply;
    const profiles = dcatProfilesValuesFromBody(request.body);
    const profileProblems = checkDcatProfilesForm(profiles);
    if (Object.keys(profileProblems).length > 0) {
      return page(request, reply, { profiles, profileProblems, notice: errors(request) }, 400);
    }
    const { before, after } = await settings.saveDcatProfiles(dcatProfilesOf(profiles));
    const diff = diffOf(before, after);
    if (Object.keys(diff).length > 0)
      await logAction(options.services, request, 'settings.update', diff);
    return reply.redirect(`${SETTINGS_PATH}?done=profiles#dcat-profiles`, 303);
  });

  scope.post('/backoffice/settings/logo/remove', async (request, reply) => {
    if (!(await allowed(request, reply))) return reply;
    const before = (await settings.current()).logo;
    await settings.removeLogo();
    if (before) {
      await logAction(options.services, request, 'settings.update', {
        logo: { before, after: null },
      });
    }
    return reply.redirect(`${SETTINGS_PATH}?done=logoRemoved`, 303);
  });

  await scope.register(async (upload) => {
    await upload.register(multipart, {
      attachFieldsToBody: 'keyValues',
      // One byte over the limit tells a file too large from one just at it; the rest is cut.
      limits: { fileSize: LOGO_MAX_BYTES + 1, files: 1, fields: 4, parts: 5 },
      throwFileSizeLimit: false,
    });
    upload.post<{ Body: Form }>('/backoffice/settings/logo', async (request, reply) => {
      if (!(await allowed(request, reply))) return reply;
      const file = request.body?.['logo'];
      const body = Buffer.isBuffer(file) ? file : Buffer.alloc(0);
      const before = (await settings.current()).logo;
      const result = await settings.setLogo(body);
      if ('problem' in result) {
        const logoProblem = {
          key: `bo.settings.logoError.${result.problem}` as const,
          params: { max: Math.round(LOGO_MAX_BYTES / 1024) },
        };
        return page(request, reply, { logoProblem, notice: errors(request) }, 400);
      }
      await logAction(options.services, request, 'settings.update', {
        logo: { before, after: result.name },
      });
      return reply.redirect(`${SETTINGS_PATH}?done=logo`, 303);
    });
  });
}
