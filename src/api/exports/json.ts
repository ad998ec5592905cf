// The JSON exports: a JSON array (json) or one object per line (jsonl) of flat records,
// rendered as /records renders them, encoded in the reader threads (json-row.ts), runs of text
// columns written by SQLite where the rows are read by ranges.

import type { RecordsExport } from '../../records/index.ts';
import type { JsonRowOptions } from './json-row.ts';
import { JSON_ROW_MODULE, jsonRuns } from './json-row.ts';
import { jsonLinesOf } from './json-lines.ts';
import type { TextBody } from './text-body.ts';

function rowOptions(data: RecordsExport): JsonRowOptions {
  return { columns: data.columns, timezone: data.timezone };
}

/**
 * Runs of text columns SQLite may write as JSON members (RowEncoding.joined), and the records it
 * may write whole (RowEncoding.jsonLines).
 */
function joinedOf(options: JsonRowOptions): Pick<TextBody['encoding'], 'joined' | 'jsonLines'> {
  const joined = jsonRuns(options.columns);
  const jsonLines = jsonLinesOf(options.columns, options.timezone);
  return {
    ...(joined ? { joined: { ...joined, options: { ...options, joined } } } : {}),
    ...(jsonLines ? { jsonLines } : {}),
  };
}

export function jsonArrayText(data: RecordsExport): TextBody {
  const options = rowOptions(data);
  return {
    head: '[',
    encoding: {
      module: JSON_ROW_MODULE,
      options,
      separator: ',',
      terminator: '',
      ...joinedOf(options),
    },
    tail: ']',
  };
}

export function jsonLinesText(data: RecordsExport): TextBody {
  const options = rowOptions(data);
  return {
    head: '',
    encoding: {
      module: JSON_ROW_MODULE,
      options,
      separator: '',
      terminator: '\n',
      ...joinedOf(options),
    },
    tail: '',
  };
}
