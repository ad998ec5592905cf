// Values in the text format of COPY: one line per row, columns separated by tabs, `\N` for null.
// Backslash, tab, newline and carriage return are escaped; NUL, which PostgreSQL text cannot hold,
// is dropped. Arrays are written as array literals, escaped once for the literal and once for COPY.

export const COPY_NULL = '\\N';

const SPECIAL = /[\\\t\n\r\0]/g;
const SPECIAL_TEST = /[\\\t\n\r\0]/;

function escapeChar(char: string): string {
  switch (char) {
    case '\\':
      return '\\\\';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    default:
      return '';
  }
}

/** Escapes a text value for a COPY text field. */
export function copyText(value: string): string {
  return SPECIAL_TEST.test(value) ? value.replace(SPECIAL, escapeChar) : value;
}

const LITERAL_SPECIAL = /["\\]/g;

/** An array literal (`{"a","b"}`) of text items, every item quoted; null items stay NULL. */
export function arrayLiteral(items: readonly (string | null)[]): string {
  const parts = items.map((item) =>
    item === null ? 'NULL' : `"${item.replaceAll('\0', '').replace(LITERAL_SPECIAL, '\\$&')}"`,
  );
  return `{${parts.join(',')}}`;
}

/** A text[] value for COPY. */
export function copyTextArray(items: readonly (string | null)[]): string {
  return copyText(arrayLiteral(items));
}

/** JSON text for a jsonb column: jsonb refuses `\u0000`, so NUL characters are dropped first. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  if (!text.includes('\\u0000')) return text;
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' ? item.replaceAll('\0', '') : item,
  );
}

/** A jsonb value for COPY. */
export function copyJson(value: unknown): string {
  return copyText(jsonText(value));
}
