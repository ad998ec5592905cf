// Full-text stemming (PostgreSQL stems in the dataset's language, FTS5 does not: documented in
// docs/odsql.md) and relevance(). Stems worked out from the Snowball rules: French
// restaurant(s) → restaur, bar(s) → bar, étoile(s) → etoil, boulangerie(s) → boulanger, "du" and
// "de" are stop words, quoted → quoted; English quote(d) → quot, paris → pari, "de" is a word.
// Relevance orders are only checked where bm25 and ts_rank agree: a record holding the words
// more often ranks first on both.
import type { Case } from './case.ts';
import { query, rows, stemmed, where } from './case.ts';
import { ENGLISH_ID } from './dataset.ts';

const relevance = (q: Record<string, string | string[]>, ids: string): Case =>
  query({ ...q, select: 'id', order_by: 'relevance()' }, ids);

export const SEARCH_CASES: Case[] = [
  // French (the default language): stemmed plurals match on PostgreSQL only.
  stemmed('"restaurants"', '', 'ac'),
  stemmed('"bars"', '', 'adgh'),
  stemmed('"étoiles"', '', 'c'),
  stemmed("name like 'boulangeries'", '', 'b'),
  stemmed('search(tags, "restaurants")', '', 'ac'),
  // Stop words leave the stemmed alternative: "de paris" is then "paris".
  stemmed('"de paris"', 'a', 'ach'),
  // Words and prefixes match as on SQLite: stemming only adds matches.
  where('"restau*"', 'ac'),
  where('"du"', 'c'),
  where('"du nord"', 'c'),
  // A letter to JavaScript (Unicode 8+), a separator to FTS5's older tables: one word here, a
  // phrase of two tokens there; found by the fuzz test.
  where('"0\u19b00 paris"', ''),
  where('"caf\u19b0e"', ''),
  where('"quoted"', ''),
  // English: other stems, other stop words.
  stemmed('"quoted"', '', 'h', ENGLISH_ID),
  stemmed('"de paris"', 'a', 'a', ENGLISH_ID),
  stemmed('"restaurants"', '', 'ac', ENGLISH_ID),
  stemmed('"du"', 'c', 'c', ENGLISH_ID),
  // relevance(): a has "paris" twice (name and city), c and h once; h also has "montmartre".
  relevance({ where: '"paris" or "montmartre"' }, 'hac'),
  relevance({ where: '"paris" or "montmartre"', limit: '1' }, 'h'),
  relevance({ where: ['"paris"', "id != 'h'"] }, 'ac'),
  query({ select: 'id', where: ['"paris"', "id != 'h'"], order_by: 'relevance() asc' }, 'ca'),
  query({ select: 'id', where: ['"paris"', "id != 'h'"], order_by: '-relevance()' }, 'ac'),
  // Several predicates add up: a and h both hold "paris" and "bar", a holds "paris" twice.
  relevance({ where: '"paris" and "bar"' }, 'ah'),
  relevance({ where: '"bar" and search("pari")' }, 'ah'),
  relevance({ where: 'search("montmartre") or "paris"' }, 'hac'),
  query({ select: 'id', where: '"paris" and "bar"', order_by: '+relevance()' }, 'ha'),
  // Under NOT a predicate does not score; without full text relevance() is 0 and sorts nothing.
  relevance({ where: 'not "paris" and n > 0' }, 'bd'),
  relevance({ where: 'n >= 20' }, 'bdh'),
  rows({ select: 'id, relevance() as r', where: 'n > 50' }, [{ id: 'h', r: 0 }]),
  rows({ select: 'relevance()', where: 'n = 30' }, [{ 'relevance()': 0 }]),
  query({ select: 'id', where: '"paris"', order_by: 'n desc, relevance()' }, 'hac'),
  query({ select: 'id, relevance() as r', where: '"paris"', order_by: 'r', limit: 1 }, 'a'),
];
