// Month and weekday names for date_format(), in the languages of ODS's `lang` parameter, from
// the CLDR data of the JavaScript runtime (Intl), so that both engines print the same names.

/** The values of the `lang` parameter, as ODS lists them; ODS's default is French. */
export const LANGUAGES = [
  'en',
  'fr',
  'nl',
  'pt',
  'it',
  'ar',
  'de',
  'es',
  'ca',
  'eu',
  'sv',
] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export interface DateNames {
  /** January first. */
  months: string[];
  monthsShort: string[];
  /** Monday first, as ISO weekdays (1 = Monday). */
  days: string[];
  daysShort: string[];
}

const cache = new Map<string, DateNames>();

function names(lang: string, option: Intl.DateTimeFormatOptions, dates: number[]): string[] {
  const format = new Intl.DateTimeFormat(lang, { ...option, timeZone: 'UTC' });
  return dates.map((ms) => format.format(ms));
}

/** The names for `lang` (English for a language the runtime does not know). */
export function dateNames(lang: string): DateNames {
  const known = cache.get(lang);
  if (known) return known;
  const months = Array.from({ length: 12 }, (_, i) => Date.UTC(2001, i, 15));
  // 2001-01-01 was a Monday.
  const days = Array.from({ length: 7 }, (_, i) => Date.UTC(2001, 0, 1 + i));
  const locale = isLanguage(lang) ? lang : 'en';
  const result: DateNames = {
    months: names(locale, { month: 'long' }, months),
    monthsShort: names(locale, { month: 'short' }, months),
    days: names(locale, { weekday: 'long' }, days),
    daysShort: names(locale, { weekday: 'short' }, days),
  };
  cache.set(lang, result);
  return result;
}
