// The texts administrators write around generated pages: read per key (each language's text),
// written or cleared one language at a time. An empty text is no text.

import type { PortalTextKey } from '../core/portal-texts.ts';
import { checkPortalTextBody, validPortalTextKey } from '../core/portal-texts.ts';
import { PortalError } from '../core/errors.ts';
import type { Lang } from '../i18n/languages.ts';
import { LANGUAGES, isLang } from '../i18n/languages.ts';
import type { PortalTextsStore } from '../storage/engine.ts';

/** One text in each language that has one. */
export type LocalizedTexts = Partial<Record<Lang, string>>;

export class PortalTextsService {
  constructor(private readonly store: PortalTextsStore) {}

  async texts(key: PortalTextKey): Promise<LocalizedTexts> {
    const texts: LocalizedTexts = {};
    for (const row of await this.store.getTexts(validPortalTextKey(key))) {
      if (isLang(row.lang)) texts[row.lang] = row.body;
    }
    return texts;
  }

  /** The text in one language, or null: no fallback to another language. */
  async text(key: PortalTextKey, lang: Lang): Promise<string | null> {
    return (await this.texts(key))[lang] ?? null;
  }

  /** Stores the text; a blank one clears it (DG_ERR_PORTAL_TEXT_INVALID for a bad key). */
  async save(key: string, lang: string, body: string): Promise<void> {
    const valid = validPortalTextKey(key);
    if (!isLang(lang)) {
      throw new PortalError('DG_ERR_PORTAL_TEXT_INVALID', {
        detail: `unknown language "${lang}"; use ${LANGUAGES.join(', ')}.`,
      });
    }
    // Browsers send textarea line ends as CRLF: keep them as LF.
    const text = body.replace(/\r\n?/g, '\n');
    checkPortalTextBody(text);
    if (text.trim() === '') await this.store.clearText(valid, lang);
    else await this.store.setText(valid, lang, text);
  }
}
