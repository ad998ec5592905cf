// Which JSON exports an engine may write record by record in SQL (RowEncoding.jsonLines): records
// written member by member (memberNames), every column one SQL writes as the row encoder does
// (stored-values.ts). Other exports, and the ranges an engine cannot write (core/json-lines.ts),
// are encoded row by row.

import type { JsonLines } from '../../core/json-lines.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { memberNames } from './json-row.ts';
import { storedValueOf } from './stored-values.ts';

/** The records of an export as SQL may write them, or undefined when it may not. */
export function jsonLinesOf(
  columns: readonly OutputColumn[],
  timezone: string,
): JsonLines | undefined {
  const names = memberNames(columns);
  if (!names || columns.length === 0) return undefined;
  const members: JsonLines['members'] = [];
  for (let i = 0; i < columns.length; i++) {
    const value = storedValueOf(columns[i]!, timezone);
    if (!value) return undefined;
    members.push({ name: names[i]!, value });
  }
  return { members };
}
