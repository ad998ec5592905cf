// Plain texts: written as they are by every export that writes texts. A plain text needs no
// quoting in a CSV line under any of its delimiters (csv-lines.ts) and no escape in JSON. A stored
// column whose values are all plain (an engine may know it from the load) is written without
// looking at its values.

/** A text holding one of these is not plain: a line delimiter, `"`, `\` or a control character. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NOT_PLAIN = /[;,|"\\\u0000-\u001f]/;

export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}
