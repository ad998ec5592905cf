// The back office's portal settings form: the values as typed (kept on error), read into the
// settings service's input, and each refusal tied to its field. The legal notice and the
// accessibility statement are portal texts (Markdown), one textarea per language.

import type { PortalTextKey } from '../core/portal-texts.ts';
import { PORTAL_TEXT_MAX_LENGTH } from '../core/portal-texts.ts';
import type { Lang } from '../i18n/languages.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import type { PortalSettings, SettingsField, SettingsInput } from '../settings/index.ts';
import { PORTAL_NAME_MAX_LENGTH, checkSettings } from '../settings/index.ts';
import type { Problem, Problems } from './form-fields.tsx';
import { formField, formList } from './form-fields.tsx';

type Body = Record<string, unknown> | undefined;

export const PAGE_TEXT_KEYS: readonly PortalTextKey[] = ['legal-notice.body', 'accessibility.body'];
export type PageTextField = `${PortalTextKey}:${Lang}`;
export const PAGE_TEXT_FIELDS: readonly PageTextField[] = PAGE_TEXT_KEYS.flatMap((key) =>
  LANGUAGES.map((lang) => `${key}:${lang}` as PageTextField),
);

export interface SettingsValues {
  portalName: string;
  languages: string[];
  defaultLanguage: string;
  /** `state`: with the French State's identity; `neutral`: without. */
  theme: string;
  contactEmail: string;
  texts: Record<string, string>;
}

export type SettingsFormField = SettingsField | 'theme' | PageTextField;

export function settingsValuesOf(
  settings: PortalSettings,
  texts: Record<string, string>,
): SettingsValues {
  return {
    portalName: settings.portalName,
    languages: [...settings.languages],
    defaultLanguage: settings.defaultLanguage,
    theme: settings.stateIdentity ? 'state' : 'neutral',
    contactEmail: settings.contactEmail,
    texts,
  };
}

export function settingsValuesFromBody(body: Body): SettingsValues {
  return {
    portalName: formField(body, 'portalName'),
    languages: formList(body, 'languages'),
    defaultLanguage: formField(body, 'defaultLanguage'),
    theme: formField(body, 'theme'),
    contactEmail: formField(body, 'contactEmail'),
    texts: Object.fromEntries(PAGE_TEXT_FIELDS.map((name) => [name, formField(body, name)])),
  };
}

export function settingsInputOf(values: SettingsValues): SettingsInput {
  return {
    portalName: values.portalName,
    languages: values.languages,
    defaultLanguage: values.defaultLanguage as Lang,
    stateIdentity: values.theme === 'state',
    contactEmail: values.contactEmail,
  };
}

const MESSAGES: Record<string, Problem> = {
  required: { key: 'bo.error.required' },
  tooLong: { key: 'bo.error.tooLong', params: { max: PORTAL_NAME_MAX_LENGTH } },
  choice: { key: 'bo.error.choice' },
  email: { key: 'bo.users.error.email' },
  notOffered: { key: 'bo.settings.error.notOffered' },
};

export function checkSettingsForm(values: SettingsValues): Problems<SettingsFormField> {
  const problems: Problems<SettingsFormField> = {};
  for (const [field, problem] of Object.entries(checkSettings(settingsInputOf(values)))) {
    problems[field as SettingsField] = MESSAGES[problem];
  }
  if (values.theme !== 'state' && values.theme !== 'neutral') problems.theme = MESSAGES['choice'];
  for (const name of PAGE_TEXT_FIELDS) {
    if ((values.texts[name] ?? '').length > PORTAL_TEXT_MAX_LENGTH) {
      problems[name] = { key: 'bo.error.tooLong', params: { max: PORTAL_TEXT_MAX_LENGTH } };
    }
  }
  return problems;
}
