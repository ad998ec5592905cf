// Full text on PostgreSQL, without extensions. A record's tsvector holds its words twice: as
// written ('simple' configuration, lowercased and accent-folded, weight D, the default weight)
// and stemmed in the dataset's language (weight B for French, C for English). A query matches
// when all its words are among the words (what FTS5 answers) or all its stems among the stems
// (stop words of the language left out). The weights keep the two sets apart, so stemming never
// loses a word or prefix match, and a table loaded in another language finds no foreign stems.

import type { FtsLanguage } from './fts-language.ts';
import { DEFAULT_FTS_LANGUAGE } from './fts-language.ts';
import type { FtsTerm } from './fts-query.ts';
import { tsQuery } from './fts-query.ts';

// Accent folding without extensions: lowercase, then translate() these letters one for one.
const FOLD_FROM =
  'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž';
const FOLD_TO =
  'aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz';

// Punctuation turned into spaces, so that the 'simple' parser splits paths (`France/Paris`),
// hosts, e-mails and decimals into words as FTS5 and the query's word splitter do.
const SEPARATORS = '/.@:_-';

const STEMMING: Record<FtsLanguage, { config: string; weight: 'B' | 'C' }> = {
  fr: { config: 'french', weight: 'B' },
  en: { config: 'english', weight: 'C' },
};

/** ts_rank weights {D, C, B, A}: a word found as written counts twice as much as a stem. */
const RANK_WEIGHTS = "'{1, 0.5, 0.5, 0}'::real[]";

/** SQL folding `text` to lowercase without accents, as full-text documents and terms are. */
export function postgresFoldedText(text: string): string {
  const spaces = ' '.repeat(SEPARATORS.length);
  return `translate(lower(${text}), '${FOLD_FROM}${SEPARATORS}', '${FOLD_TO}${spaces}')`;
}

/** The tsvector of already folded text (SQL): its words, then its stems in `language`. */
export function postgresFtsVector(folded: string, language: FtsLanguage): string {
  const { config, weight } = STEMMING[language];
  return (
    `(to_tsvector('simple', ${folded}) || ` +
    `setweight(to_tsvector('${config}', ${folded}), '${weight}'))`
  );
}

/**
 * The tsvector of some text fields, as full-text predicates on PostgreSQL expect it: the
 * storage engine builds the `_fts` column the same way over every text field.
 */
export function postgresFtsDocument(
  fields: { name: string; multivalued: boolean }[],
  language: FtsLanguage = DEFAULT_FTS_LANGUAGE,
): string {
  if (fields.length === 0) return "''::tsvector";
  const parts = fields.map((f) =>
    f.multivalued ? `coalesce(array_to_string("${f.name}", ' '), '')` : `coalesce("${f.name}", '')`,
  );
  return postgresFtsVector(postgresFoldedText(parts.join(" || ' ' || ")), language);
}

/** Query terms folded like postgresFoldedText() folds the documents. */
function foldTerms(terms: FtsTerm[]): FtsTerm[] {
  return terms.map((t) => ({
    text: t.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    prefix: t.prefix,
  }));
}

/** The tsquery of `terms`: all words as written, or all stems; `bind` binds each query text. */
export function postgresTsQuery(
  terms: FtsTerm[],
  language: FtsLanguage,
  bind: (value: unknown) => string,
): string {
  const folded = foldTerms(terms);
  const { config, weight } = STEMMING[language];
  const words = `to_tsquery('simple', ${bind(tsQuery(folded, 'D'))})`;
  return `(${words} || to_tsquery('${config}', ${bind(tsQuery(folded, weight))}))`;
}

/** The relevance of a document for a query (both SQL), higher is better. */
export function postgresRank(document: string, query: string): string {
  return `ts_rank(${RANK_WEIGHTS}, ${document}, ${query})`;
}
