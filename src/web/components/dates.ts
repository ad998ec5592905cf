// Dates as the site writes them, in the visitor's language (the portal's time zone, Paris).

import type { Lang } from '../../i18n/languages.ts';

const SITE_TIME_ZONE = 'Europe/Paris';
const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: SITE_TIME_ZONE,
    });
    formats.set(key, found);
  }
  return found;
}

/** `29 novembre 2026` / `29 November 2026`; the text itself when it is not a date. */
export function formatDate(lang: Lang, iso: string, withTime = false): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format(lang, withTime).format(date);
}
