// The languages of the site: French first (the default), then English.

export const LANGUAGES = ['fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'fr';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Each language named in itself, for the language selector. */
export const LANGUAGE_NAMES: Record<Lang, string> = { fr: 'Français', en: 'English' };
