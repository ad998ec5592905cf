// Full-text matching on the values of one record, as the FTS5 index (unicode61, diacritics
// removed) reads them: words are runs of letters and digits, compared without case or accents.
// No stemming, so this is the strict reading of a full-text query.

import type { FtsTerm } from './compile/fts-query.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** Lower case without diacritics (é → e, Œ stays œ as FTS5 does). */
export function foldText(text: string): string {
  // ASCII needs no decomposition: the common case skips normalize().
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export function foldTerms(terms: FtsTerm[]): FtsTerm[] {
  return terms.map((t) => ({ text: foldText(t.text), prefix: t.prefix }));
}

function words(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    const folded = foldText(value);
    WORD.lastIndex = 0;
    for (let m = WORD.exec(folded); m !== null; m = WORD.exec(folded)) out.push(m[0]);
  } else if (Array.isArray(value)) {
    for (const item of value) words(item, out);
  }
}

/** Whether every (folded) term is a word, or a word's prefix, of the values together. */
export function matchesTerms(values: readonly unknown[], terms: readonly FtsTerm[]): boolean {
  const found: string[] = [];
  for (const value of values) words(value, found);
  return terms.every((term) =>
    found.some((word) => (term.prefix ? word.startsWith(term.text) : word === term.text)),
  );
}
