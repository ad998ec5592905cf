// The texts administrators write around the portal's generated pages (Markdown, one per key and
// language). The keys are fixed here so that a page only ever shows a text it expects.

import { PortalError } from './errors.ts';

/** `PAGE.PLACE`: where the text goes (`.body`: the whole page's text, replacing the default). */
export const PORTAL_TEXT_KEYS = [
  'cookie-policy.before',
  'cookie-policy.after',
  'legal-notice.body',
  'accessibility.body',
] as const;
export type PortalTextKey = (typeof PORTAL_TEXT_KEYS)[number];

/** Long enough for a page's worth of prose, short enough to keep a row small. */
export const PORTAL_TEXT_MAX_LENGTH = 20_000;

export function isPortalTextKey(value: unknown): value is PortalTextKey {
  return typeof value === 'string' && (PORTAL_TEXT_KEYS as readonly string[]).includes(value);
}

/** Checks a text before it is stored (DG_ERR_PORTAL_TEXT_INVALID); returns the key. */
export function validPortalTextKey(key: string): PortalTextKey {
  if (!isPortalTextKey(key)) {
    throw new PortalError('DG_ERR_PORTAL_TEXT_INVALID', {
      detail: `unknown text "${key}"; use ${PORTAL_TEXT_KEYS.join(', ')}.`,
    });
  }
  return key;
}

export function checkPortalTextBody(body: string): void {
  if (body.length > PORTAL_TEXT_MAX_LENGTH) {
    throw new PortalError('DG_ERR_PORTAL_TEXT_INVALID', {
      detail: `the text is longer than ${PORTAL_TEXT_MAX_LENGTH} characters.`,
    });
  }
}
