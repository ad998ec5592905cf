// The site's catalog search: every word of the query must begin a word, ignoring case and
// accents, of a dataset's id, title, description, themes, keywords or publisher.

import type { Dataset } from '../core/dataset.ts';

/** Lowercase, accents removed, markup dropped: the form both sides are compared in. */
export function foldText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

function searchableWords(dataset: Dataset): string[] {
  const m = dataset.metas;
  const parts = [
    dataset.id,
    m.title,
    m.description ?? '',
    ...(m.theme ?? []),
    ...(m.keyword ?? []),
    m.publisher ?? '',
    ...translatedTexts(m['translations']),
  ];
  return queryWords(parts.join(' '));
}

/** The titles and descriptions of a dataset's translations (`metas.translations.<lang>`). */
function translatedTexts(translations: unknown): string[] {
  if (typeof translations !== 'object' || translations === null) return [];
  return Object.values(translations as Record<string, unknown>).flatMap((t) => {
    if (typeof t !== 'object' || t === null) return [];
    const { title, description } = t as Record<string, unknown>;
    return [title, description].filter((v): v is string => typeof v === 'string');
  });
}

export function queryWords(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The datasets in which every word of `query` begins a word (all of them when it has none). */
export function searchDatasets(datasets: Dataset[], query: string): Dataset[] {
  const words = queryWords(query);
  if (words.length === 0) return datasets;
  return datasets.filter((dataset) => {
    const own = searchableWords(dataset);
    return words.every((word) => own.some((w) => w.startsWith(word)));
  });
}
