// Full-text queries built from user text. Each word becomes a quoted string, so user text can
// never inject operators of the FTS5 or tsquery syntax.

export interface FtsTerm {
  text: string;
  prefix: boolean;
}

export type FtsMode = 'exact' | 'last_prefix' | 'all_prefix';

/** Splits text into words (letters and digits); a word followed by `*` is a prefix. */
export function ftsTerms(text: string, mode: FtsMode): FtsTerm[] {
  const terms: FtsTerm[] = [];
  const re = /[\p{L}\p{N}]+(\*)?/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[1] === undefined ? m[0] : m[0].slice(0, -1);
    terms.push({ text: word, prefix: mode === 'all_prefix' || m[1] !== undefined });
  }
  const last = terms[terms.length - 1];
  if (mode === 'last_prefix' && last) last.prefix = true;
  return terms;
}

/** An FTS5 MATCH expression, optionally restricted to some columns. */
export function fts5Query(terms: FtsTerm[], columns: string[] | null): string {
  const body = terms.map((t) => `"${t.text.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`);
  const joined = body.join(' ');
  return columns ? `{${columns.join(' ')}} : (${joined})` : joined;
}

/** A PostgreSQL tsquery text (all terms required). */
export function tsQuery(terms: FtsTerm[]): string {
  return terms
    .map((t) => `'${t.text.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${t.prefix ? ':*' : ''}`)
    .join(' & ');
}
