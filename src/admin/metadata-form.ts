// The metadata editor's form: ODS's default template, the DCAT template and the translations of
// the four metadata ODS translates (title, description, keywords, publisher). Values travel as
// typed text; reading the form checks each one and says what is wrong next to its field, and
// only a form without problems becomes metadata (the rest of `metas` is kept as it was).

import type { DefaultMetas } from '../core/dataset.ts';
import type { DcatMetas } from '../core/dcat-metas.ts';
import { DCAT_KEYS, dcatMetasOf, hasDcatMetas, isAccrualPeriodicity } from '../core/dcat-metas.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { Problem } from './form-fields.tsx';

/** Form field names: `title`, `dcat.creator`, `translation.en.title`… */
export type MetadataValues = Record<string, string>;
export type MetadataProblems = Record<string, Problem>;

export const LIST_FIELDS = ['theme', 'keyword', 'territory'] as const;
export const TEXT_FIELDS = ['license', 'publisher'] as const;
export const URL_FIELDS = ['license_url', 'references'] as const;
export const TRANSLATED = ['title', 'description', 'keyword', 'publisher'] as const;

const MAX_TITLE = 300;
const MAX_TEXT = 500;
const MAX_DESCRIPTION = 50_000;
const MAX_ITEMS = 50;
const MAX_ITEM = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LANGUAGE = /^[a-z]{2,3}$/;

/** How the editor turns Markdown into the stored HTML, and back for editing. */
export interface DescriptionFormat {
  toHtml(markdown: string): string;
  toMarkdown(html: string): string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function listText(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map(String).join(separator) : text(value);
}

function translationsOf(metas: DefaultMetas): Record<string, Record<string, unknown>> {
  const all = metas['translations'];
  return typeof all === 'object' && all !== null
    ? (all as Record<string, Record<string, unknown>>)
    : {};
}

/** The form's values for the stored metadata, `languages` being the translations offered. */
export function metadataValuesOf(
  metas: DefaultMetas,
  languages: readonly string[],
  format: DescriptionFormat,
): MetadataValues {
  const values: MetadataValues = {
    title: metas.title,
    description: metas.description ? format.toMarkdown(metas.description) : '',
    language: text(metas.language),
    timezone: text(metas.timezone),
    attributions: listText(metas.attributions, '\n'),
  };
  for (const key of LIST_FIELDS) values[key] = listText(metas[key], ', ');
  for (const key of [...TEXT_FIELDS, ...URL_FIELDS]) values[key] = text(metas[key]);
  const dcat = dcatMetasOf(metas);
  for (const key of DCAT_KEYS) values[`dcat.${key}`] = dcat[key] ?? '';
  const translations = translationsOf(metas);
  for (const lang of languages) {
    const mine = translations[lang] ?? {};
    values[`translation.${lang}.title`] = text(mine['title']);
    values[`translation.${lang}.description`] = mine['description']
      ? format.toMarkdown(text(mine['description']))
      : '';
    values[`translation.${lang}.keyword`] = listText(mine['keyword'], ', ');
    values[`translation.${lang}.publisher`] = text(mine['publisher']);
  }
  return values;
}

/** The form's values as posted (trimmed), every expected field present. */
export function metadataValuesFromBody(
  body: Record<string, unknown> | undefined,
  languages: readonly string[],
): MetadataValues {
  const names = [
    'title',
    'description',
    'language',
    'timezone',
    'attributions',
    ...LIST_FIELDS,
    ...TEXT_FIELDS,
    ...URL_FIELDS,
    ...DCAT_KEYS.map((key) => `dcat.${key}`),
    ...languages.flatMap((lang) => TRANSLATED.map((key) => `translation.${lang}.${key}`)),
  ];
  const values: MetadataValues = {};
  for (const name of names) values[name] = text(body?.[name]).trim();
  return values;
}

function items(value: string, separator: RegExp): string[] {
  const seen = new Set<string>();
  for (const item of value.split(separator)) {
    const trimmed = item.trim();
    if (trimmed !== '') seen.add(trimmed);
  }
  return [...seen];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The problem of each field, by form name; empty when the form is acceptable. */
export function metadataProblems(values: MetadataValues): MetadataProblems {
  const problems: MetadataProblems = {};
  const check = (name: string, bad: boolean, key: MessageKey) => {
    if (bad && problems[name] === undefined) problems[name] = { key };
  };
  check('title', values['title'] === '', 'bo.metadata.problem.titleRequired');
  for (const [name, value] of Object.entries(values)) {
    if (name.endsWith('title')) check(name, value.length > MAX_TITLE, 'bo.metadata.problem.long');
    else if (name.endsWith('description')) {
      check(name, value.length > MAX_DESCRIPTION, 'bo.metadata.problem.long');
    } else if (!name.endsWith('attributions')) {
      check(name, value.length > MAX_TEXT, 'bo.metadata.problem.long');
    }
  }
  for (const name of Object.keys(values).filter((n) =>
    /(^|\.)(theme|keyword|territory)$/.test(n),
  )) {
    const list = items(values[name]!, /,/);
    check(name, list.length > MAX_ITEMS, 'bo.metadata.problem.tooMany');
    check(
      name,
      list.some((item) => item.length > MAX_ITEM),
      'bo.metadata.problem.itemLong',
    );
  }
  const attributions = items(values['attributions'] ?? '', /\r?\n/);
  check('attributions', attributions.length > MAX_ITEMS, 'bo.metadata.problem.tooMany');
  check(
    'attributions',
    attributions.some((item) => item.length > MAX_TEXT),
    'bo.metadata.problem.itemLong',
  );
  for (const name of URL_FIELDS) {
    const value = values[name] ?? '';
    check(name, value !== '' && !isHttpUrl(value), 'bo.metadata.problem.url');
  }
  const language = values['language'] ?? '';
  check('language', language !== '' && !LANGUAGE.test(language), 'bo.metadata.problem.language');
  const zone = values['timezone'] ?? '';
  check('timezone', zone !== '' && !isTimeZone(zone), 'bo.metadata.problem.timezone');
  const email = values['dcat.contact_email'] ?? '';
  check('dcat.contact_email', email !== '' && !EMAIL.test(email), 'bo.metadata.problem.email');
  const periodicity = values['dcat.accrualperiodicity'] ?? '';
  check(
    'dcat.accrualperiodicity',
    periodicity !== '' && !isAccrualPeriodicity(periodicity),
    'bo.metadata.problem.periodicity',
  );
  for (const key of ['created', 'issued', 'temporal_coverage_start', 'temporal_coverage_end']) {
    const value = values[`dcat.${key}`] ?? '';
    check(`dcat.${key}`, value !== '' && !isDate(value), 'bo.metadata.problem.date');
  }
  const start = values['dcat.temporal_coverage_start'] ?? '';
  const end = values['dcat.temporal_coverage_end'] ?? '';
  check(
    'dcat.temporal_coverage_end',
    isDate(start) && isDate(end) && start > end,
    'bo.metadata.problem.order',
  );
  return problems;
}

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

const listOrNull = (value: string | undefined, separator: RegExp) => {
  const list = items(value ?? '', separator);
  return list.length === 0 ? null : list;
};

/**
 * The new metadata for acceptable `values`: the edited keys replaced, every other key of
 * `previous` (custom metadata, translations into languages not offered) kept.
 */
export function metasFromValues(
  previous: DefaultMetas,
  values: MetadataValues,
  languages: readonly string[],
  format: DescriptionFormat,
): DefaultMetas {
  const html = (markdown: string | undefined) =>
    markdown === undefined || markdown === '' ? null : format.toHtml(markdown);
  const metas: DefaultMetas = {
    ...previous,
    title: values['title']!,
    description: html(values['description']),
    language: orNull(values['language']),
    timezone: orNull(values['timezone']),
    attributions: listOrNull(values['attributions'], /\r?\n/),
  };
  for (const key of LIST_FIELDS) metas[key] = listOrNull(values[key], /,/);
  for (const key of [...TEXT_FIELDS, ...URL_FIELDS]) metas[key] = orNull(values[key]);

  const dcat = Object.fromEntries(
    DCAT_KEYS.map((key) => [key, orNull(values[`dcat.${key}`])]),
  ) as unknown as DcatMetas;
  if (hasDcatMetas(dcat)) metas['dcat'] = dcat;
  else delete metas['dcat'];

  const translations = { ...translationsOf(previous) };
  for (const lang of languages) {
    const field = (key: string) => values[`translation.${lang}.${key}`];
    const mine = {
      title: orNull(field('title')),
      description: html(field('description')),
      keyword: listOrNull(field('keyword'), /,/),
      publisher: orNull(field('publisher')),
    };
    if (Object.values(mine).some((value) => value !== null)) translations[lang] = mine;
    else delete translations[lang];
  }
  if (Object.keys(translations).length > 0) metas['translations'] = translations;
  else delete metas['translations'];
  return metas;
}
