// Which language a visitor gets: the language cookie if it names a site language, then the
// browser's Accept-Language preferences (by quality), then the default; only among the
// languages the portal offers (its settings).

import type { Lang } from './languages.ts';
import { DEFAULT_LANG, LANGUAGES, isLang } from './languages.ts';

interface Preference {
  lang: string;
  quality: number;
  order: number;
}

/** The primary subtags of an Accept-Language header, best first (`q=0` ones dropped). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  const preferences: Preference[] = [];
  header.split(',').forEach((part, order) => {
    const [tag, ...params] = part.trim().split(';');
    if (!tag) return;
    let quality = 1;
    for (const param of params) {
      const [name, value] = param.trim().split('=');
      if (name === 'q') quality = Number(value);
    }
    if (!Number.isFinite(quality) || quality <= 0) return;
    const lang = tag.trim().toLowerCase().split('-')[0] ?? '';
    preferences.push({ lang, quality, order });
  });
  preferences.sort((a, b) => b.quality - a.quality || a.order - b.order);
  return preferences.map((p) => p.lang);
}

/** The languages a portal offers (its settings), and the one it falls back to. */
export interface OfferedLanguages {
  languages: readonly Lang[];
  defaultLanguage: Lang;
}

export function negotiateLanguage(
  cookie: string | undefined,
  acceptLanguage: string | undefined,
  offered: OfferedLanguages = { languages: LANGUAGES, defaultLanguage: DEFAULT_LANG },
): Lang {
  const ok = (lang: unknown): lang is Lang => isLang(lang) && offered.languages.includes(lang);
  if (ok(cookie)) return cookie;
  for (const lang of acceptedLanguages(acceptLanguage)) {
    if (ok(lang)) return lang;
  }
  return offered.defaultLanguage;
}
