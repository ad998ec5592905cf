// A dataset in the language an API call asks for (`lang`): where `metas.translations.<lang>`
// holds a title, description, keywords or publisher (the four metadata ODS lets a portal
// translate), they replace the originals; where a field of the current version holds a label or
// a description in that language (`translations.<lang>`, written in the schema editor), they
// replace the field's own. The rest stays as written.

import type { Dataset, DefaultMetas } from '../core/dataset.ts';
import type { Field } from '../core/field.ts';

function translationOf(metas: DefaultMetas, lang: string): Record<string, unknown> | null {
  const all = metas['translations'];
  if (typeof all !== 'object' || all === null) return null;
  const mine = (all as Record<string, unknown>)[lang];
  return typeof mine === 'object' && mine !== null ? (mine as Record<string, unknown>) : null;
}

function filled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The fields with their labels and descriptions in `lang` where translated. */
export function fieldsInLanguage(fields: readonly Field[], lang: string | undefined): Field[] {
  if (lang === undefined) return [...fields];
  const code = lang.toLowerCase();
  return fields.map((field) => {
    const translation = field.translations?.[code];
    if (translation === undefined) return field;
    return {
      ...field,
      label: filled(translation.label) ? translation.label : field.label,
      description: filled(translation.description) ? translation.description : field.description,
    };
  });
}

function metasInLanguage(metas: DefaultMetas, lang: string): DefaultMetas {
  const t = translationOf(metas, lang);
  if (t === null) return metas;
  const translated: DefaultMetas = { ...metas };
  if (filled(t['title'])) translated.title = t['title'];
  if (filled(t['description'])) translated.description = t['description'];
  if (filled(t['publisher'])) translated.publisher = t['publisher'];
  const keyword = t['keyword'];
  if (Array.isArray(keyword) && keyword.length > 0) translated.keyword = keyword.map(String);
  return translated;
}

/** The dataset with its metadata and field labels in `lang` where translated. */
export function inLanguage(dataset: Dataset, lang: string | undefined): Dataset {
  if (lang === undefined) return dataset;
  const code = lang.toLowerCase();
  const metas = metasInLanguage(dataset.metas, code);
  const current = dataset.current;
  const translatable = current?.fields.some((f) => f.translations?.[code] !== undefined) ?? false;
  if (metas === dataset.metas && !translatable) return dataset;
  return {
    ...dataset,
    metas,
    current:
      current && translatable
        ? { ...current, fields: fieldsInLanguage(current.fields, code) }
        : current,
  };
}
