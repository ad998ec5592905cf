// Token kinds produced by the lexer. Keywords are plain `word` tokens: the parser compares them
// case-insensitively, so a back-quoted name (`quoted`) can never be taken for a keyword.

export type TokenKind =
  | 'word' // bare name or keyword: [A-Za-z_][A-Za-z0-9_]* (or digits followed by letters)
  | 'quoted' // back-quoted name: `name`
  | 'string' // '…' or "…", value unescaped
  | 'number' // 12, 1.5, optionally with a glued unit (10km)
  | 'date' // date'…'
  | 'geom' // geom'…'
  | 'punct' // ( ) , * + - / = != <> < > <= >= [ ] .. :
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Unescaped value: the name, the string content, the number text or the punctuation. */
  value: string;
  /** Unit glued to a number (`km` in `10km`), else empty. */
  unit: string;
  /** Offsets in the clause text: [start, end). */
  start: number;
  end: number;
}
