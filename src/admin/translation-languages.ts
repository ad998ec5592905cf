// The languages a dataset's editors translate into: the site's languages other than the data's
// own (`language` metadata), as the metadata and schema editors offer them.

import type { Dataset } from '../core/dataset.ts';
import { LANGUAGES } from '../i18n/languages.ts';

export function translationLanguages(dataset: Dataset): string[] {
  const own = dataset.metas.language;
  return LANGUAGES.filter((lang) => lang !== own);
}
