// A dataset's title and description as a visitor sees them: in the visitor's language when the
// metadata hold a translation (`metas.translations.<lang>.title|description`), else as written,
// with the language they are written in so that pages can mark it (`lang` attribute).

import type { Dataset } from '../../core/dataset.ts';
import type { Lang } from '../../i18n/languages.ts';

export interface ShownMetas {
  title: string;
  description: string | null;
  /** The language of the texts shown, when known. */
  lang: string | null;
}

function translation(dataset: Dataset, lang: Lang): { title?: string; description?: string } {
  const all = dataset.metas['translations'];
  if (typeof all !== 'object' || all === null) return {};
  const mine = (all as Record<string, unknown>)[lang];
  if (typeof mine !== 'object' || mine === null) return {};
  const { title, description } = mine as Record<string, unknown>;
  return {
    ...(typeof title === 'string' && title.trim() !== '' ? { title } : {}),
    ...(typeof description === 'string' && description.trim() !== '' ? { description } : {}),
  };
}

export function shownMetas(dataset: Dataset, lang: Lang): ShownMetas {
  const translated = translation(dataset, lang);
  if (translated.title !== undefined) {
    return {
      title: translated.title,
      description: translated.description ?? dataset.metas.description,
      lang,
    };
  }
  return {
    title: dataset.metas.title,
    description: dataset.metas.description,
    lang: dataset.metas.language ?? null,
  };
}

/** The `lang` attribute a text needs on a page in `pageLang` (none when they agree). */
export function langAttribute(textLang: string | null, pageLang: Lang): string | undefined {
  if (!textLang) return undefined;
  const primary = textLang.toLowerCase().split(/[-_]/)[0];
  return primary === pageLang ? undefined : textLang;
}
