// Dates as the site writes them, in the visitor's language; instants are shown in a time zone
// (the portal's, Europe/Paris, unless a dataset names its own).

import type { Lang } from '../../i18n/languages.ts';

export const SITE_TIME_ZONE = 'Europe/Paris';
const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, withTime: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}:${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone,
    });
    formats.set(key, found);
  }
  return found;
}

/** `29 novembre 2026` / `29 November 2026`; the text itself when it is not a date. */
export function formatDate(
  lang: Lang,
  iso: string,
  withTime = false,
  timeZone = SITE_TIME_ZONE,
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return format(lang, withTime, timeZone).format(date);
  } catch {
    return format(lang, withTime, SITE_TIME_ZONE).format(date);
  }
}

/** A calendar date (`YYYY-MM-DD`), written without any time-zone shift. */
export function formatCalendarDate(lang: Lang, day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(lang, `${day}T12:00:00Z`, false, 'UTC') : day;
}
