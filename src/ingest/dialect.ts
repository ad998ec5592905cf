// Guessing the delimiter and the line break of a CSV file from its first lines.

export const DELIMITER_CANDIDATES = [';', ',', '\t', '|'] as const;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The first records of the text, each as its unquoted parts (quoted parts removed). */
function unquotedRecords(text: string, maxRecords: number): string[] {
  const records: string[] = [];
  let current = '';
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      if (!quoted) current += text.slice(from, i);
      quoted = !quoted;
      from = i + 1;
    } else if (!quoted && (code === LF || code === CR)) {
      current += text.slice(from, i);
      if (current !== '') records.push(current);
      current = '';
      from = i + 1;
    }
  }
  return records;
}

function countOf(record: string, delimiter: string): number {
  let count = 0;
  for (let i = record.indexOf(delimiter); i !== -1; i = record.indexOf(delimiter, i + 1)) count++;
  return count;
}

/**
 * The delimiter that splits the header and the following records into the same number of
 * columns, preferring the most columns; ',' when no candidate appears at all.
 * The last record is left out when the text may stop in the middle of it.
 */
export function detectDelimiter(text: string, complete = false): string {
  const records = unquotedRecords(text, 50);
  if (!complete && records.length > 1) records.pop();
  const [header, ...others] = records;
  if (header === undefined) return ',';
  let best = ',';
  let bestScore = 0;
  for (const candidate of DELIMITER_CANDIDATES) {
    const columns = countOf(header, candidate);
    if (columns === 0) continue;
    const agreeing = others.filter((record) => countOf(record, candidate) === columns).length;
    const consistency = others.length === 0 ? 1 : agreeing / others.length;
    const score = consistency * 1000 + Math.min(columns, 999);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** '\r' for old Mac files that have no '\n'; otherwise '\n' (a '\r' before it is dropped). */
export function detectNewline(text: string): '\n' | '\r' {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) quoted = !quoted;
    else if (!quoted && code === LF) return '\n';
    else if (!quoted && code === CR) return text.charCodeAt(i + 1) === LF ? '\n' : '\r';
  }
  return '\n';
}
