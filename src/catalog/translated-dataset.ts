// A dataset's metadata in the language an API call asks for (`lang`): where
// `metas.translations.<lang>` holds a title, description, keywords or publisher (the four
// metadata ODS lets a portal translate), they replace the originals; the rest stays as written.

import type { Dataset, DefaultMetas } from '../core/dataset.ts';

function translationOf(metas: DefaultMetas, lang: string): Record<string, unknown> | null {
  const all = metas['translations'];
  if (typeof all !== 'object' || all === null) return null;
  const mine = (all as Record<string, unknown>)[lang];
  return typeof mine === 'object' && mine !== null ? (mine as Record<string, unknown>) : null;
}

function filled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The dataset with its metadata in `lang` where a translation exists (itself otherwise). */
export function inLanguage(dataset: Dataset, lang: string | undefined): Dataset {
  if (lang === undefined) return dataset;
  const t = translationOf(dataset.metas, lang.toLowerCase());
  if (t === null) return dataset;
  const metas: DefaultMetas = { ...dataset.metas };
  if (filled(t['title'])) metas.title = t['title'];
  if (filled(t['description'])) metas.description = t['description'];
  if (filled(t['publisher'])) metas.publisher = t['publisher'];
  const keyword = t['keyword'];
  if (Array.isArray(keyword) && keyword.length > 0) metas.keyword = keyword.map(String);
  return { ...dataset, metas };
}
