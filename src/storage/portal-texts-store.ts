// The storage contract for the texts administrators write around generated pages (the cookie
// policy now; the legal notice and accessibility statement next): one Markdown body per key and
// language. Keys and languages are checked by the service above; both engines implement it.

export interface StoredPortalText {
  key: string;
  lang: string;
  /** Markdown, as the administrator wrote it. */
  body: string;
  updatedAt: string;
}

export interface PortalTextsStore {
  /** Every language's text of one key, in language order. */
  getTexts(key: string): Promise<StoredPortalText[]>;
  /** Writes the text of one key in one language, replacing what was there. */
  setText(key: string, lang: string, body: string): Promise<void>;
  /** False when there was no such text. */
  clearText(key: string, lang: string): Promise<boolean>;
}
