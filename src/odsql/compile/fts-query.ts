// Full-text queries built from user text. Each word becomes a quoted string, so user text can
// never inject operators of the FTS5 or tsquery syntax.

export interface FtsTerm {
  text: string;
  prefix: boolean;
}

/**
 * exact: every word as written (a trailing `*` makes it a prefix); all_prefix: every word is a
 * prefix (suggest); fuzzy: search() — the last word is a prefix and the others approximate
 * ODS's fuzziness by dropping their last letters (one beyond 2 letters, two beyond 5) and
 * matching them as prefixes, since FTS5 and tsquery have no edit distance.
 */
export type FtsMode = 'exact' | 'all_prefix' | 'fuzzy';

function fuzzy(term: FtsTerm): FtsTerm {
  const n = [...term.text].length;
  const drop = n > 5 ? 2 : n > 2 ? 1 : 0;
  if (drop === 0) return term;
  return { text: [...term.text].slice(0, n - drop).join(''), prefix: true };
}

/** Splits text into words (letters and digits); a word followed by `*` is a prefix. */
export function ftsTerms(text: string, mode: FtsMode): FtsTerm[] {
  const terms: FtsTerm[] = [];
  const re = /[\p{L}\p{N}]+(\*)?/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[1] === undefined ? m[0] : m[0].slice(0, -1);
    terms.push({ text: word, prefix: mode === 'all_prefix' || m[1] !== undefined });
  }
  if (mode !== 'fuzzy' || terms.length === 0) return terms;
  const last = terms[terms.length - 1] as FtsTerm;
  return [...terms.slice(0, -1).map(fuzzy), { text: last.text, prefix: true }];
}

/** An FTS5 MATCH expression, optionally restricted to some columns. */
export function fts5Query(terms: FtsTerm[], columns: string[] | null): string {
  const body = terms.map((t) => `"${t.text.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`);
  const joined = body.join(' ');
  return columns ? `{${columns.join(' ')}} : (${joined})` : joined;
}

/** A PostgreSQL tsquery text (all terms required), matching lexemes of the given weight. */
export function tsQuery(terms: FtsTerm[], weight: string): string {
  return terms
    .map((t) => {
      const lexeme = t.text.replaceAll("'", "''").replaceAll('\\', '\\\\');
      return `'${lexeme}':${t.prefix ? '*' : ''}${weight}`;
    })
    .join(' & ');
}
