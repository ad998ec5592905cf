// refine / exclude values: `facet:value`. The facet may be back-quoted, the value quoted; the
// text splits on the first `:` outside quotes.

import type { FacetFilter } from '../ast.ts';
import type { Clause } from '../errors.ts';
import { odsqlError } from '../errors.ts';

export function parseFacetFilter(text: string, clause: 'refine' | 'exclude'): FacetFilter {
  const colon = findColon(text);
  if (colon < 0) throw odsqlError('Expected "facet:value"', clause, 0, text.length);
  const facetStart = skipSpaces(text, 0);
  const facet = unquote(text.slice(0, colon).trim(), '`', clause, facetStart);
  if (facet === '') throw odsqlError('Missing facet name', clause, 0);
  const valueStart = skipSpaces(text, colon + 1);
  const rawValue = text.slice(colon + 1).trim();
  const quote = rawValue[0];
  const value =
    quote === '"' || quote === "'" ? unquote(rawValue, quote, clause, valueStart) : rawValue;
  return {
    kind: 'FacetFilter',
    facet,
    facetSpan: { start: facetStart, end: colon },
    value,
    valueSpan: { start: valueStart, end: text.length },
  };
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && text[i] === ' ') i++;
  return i;
}

function findColon(text: string): number {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== '') {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '`' || ch === '"' || ch === "'") quote = ch;
    else if (ch === ':') return i;
  }
  return -1;
}

/** Strips the quotes around `text` (if it starts with `quote`) and undoes backslash escapes. */
function unquote(text: string, quote: string, clause: Clause, start: number): string {
  if (!text.startsWith(quote)) return text;
  if (text.length < 2 || !text.endsWith(quote)) {
    throw odsqlError('Unterminated quoted text', clause, start);
  }
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}
