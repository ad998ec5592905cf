// The language of a dataset's full text. PostgreSQL stems words in it (SQLite's FTS5 does not
// stem); the dataset's `language` metadata chooses it, French unless it says English.

export type FtsLanguage = 'fr' | 'en';

export const DEFAULT_FTS_LANGUAGE: FtsLanguage = 'fr';

/** `en`, `EN`, `en-GB`, `english` → 'en'; anything else (null, `fr`, `de`…) → 'fr'. */
export function ftsLanguageOf(language: string | null | undefined): FtsLanguage {
  return typeof language === 'string' && /^en(?![a-z])|^english$/i.test(language.trim())
    ? 'en'
    : DEFAULT_FTS_LANGUAGE;
}
