// The cookie policy texts form: one textarea per text and language, named `KEY:LANG`.

import type { PortalTextKey } from '../core/portal-texts.ts';
import type { Lang } from '../i18n/languages.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import type { FieldProblem } from './service-form.ts';

export const POLICY_TEXT_KEYS: readonly PortalTextKey[] = [
  'cookie-policy.before',
  'cookie-policy.after',
];

export type TextFieldName = `${PortalTextKey}:${Lang}`;
export const TEXT_FIELDS: readonly TextFieldName[] = POLICY_TEXT_KEYS.flatMap((key) =>
  LANGUAGES.map((lang) => `${key}:${lang}` as TextFieldName),
);
export type TextValues = Record<TextFieldName, string>;
export type TextProblems = Partial<Record<TextFieldName, FieldProblem>>;

export function textValuesFromBody(body: Record<string, unknown> | undefined): TextValues {
  return Object.fromEntries(
    TEXT_FIELDS.map((name) => {
      const value = body?.[name];
      return [name, typeof value === 'string' ? value : ''];
    }),
  ) as TextValues;
}
