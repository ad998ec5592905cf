// Looking messages up in the catalogues, with `{name}` placeholders and plural forms.

import type { Lang } from './languages.ts';
import { en } from './messages/en.ts';
import type { MessageKey, Messages } from './messages/fr.ts';
import { fr } from './messages/fr.ts';

export type { MessageKey } from './messages/fr.ts';

export const CATALOGUES: Record<Lang, Messages> = { fr, en };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number the language's way; with `decimals`, exactly that many digits after the point. */
export function formatNumber(lang: Lang, value: number, decimals?: number): string {
  const key = `${lang}:${decimals ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    const digits =
      decimals === undefined
        ? {}
        : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', digits);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Fills `{name}` placeholders; numbers are written the language's way. */
export function interpolate(lang: Lang, text: string, params: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function translator(lang: Lang): Translate {
  const messages = CATALOGUES[lang];
  return (key, params) => interpolate(lang, messages[key], params);
}

/**
 * A count with its noun: `key` names a message with a `|` between its singular and plural
 * forms (`{count} jeu de données|{count} jeux de données`); French treats 0 and 1 as singular.
 */
export function plural(lang: Lang, key: MessageKey, count: number): string {
  const [one, other] = CATALOGUES[lang][key].split('|');
  const singular = lang === 'fr' ? count < 2 : count === 1;
  return interpolate(lang, (singular ? one : other) ?? one ?? '', { count });
}
