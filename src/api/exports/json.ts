// The JSON exports: a JSON array (json) or one object per line (jsonl) of flat records,
// rendered as /records renders them, encoded in the reader threads (json-row.ts).

import type { RecordsExport } from '../../records/index.ts';
import type { JsonRowOptions } from './json-row.ts';
import { JSON_ROW_MODULE } from './json-row.ts';
import type { TextBody } from './text-body.ts';

function rowOptions(data: RecordsExport): JsonRowOptions {
  return { columns: data.columns, timezone: data.timezone };
}

export function jsonArrayText(data: RecordsExport): TextBody {
  const options = rowOptions(data);
  return {
    head: '[',
    encoding: { module: JSON_ROW_MODULE, options, separator: ',', terminator: '' },
    tail: ']',
  };
}

export function jsonLinesText(data: RecordsExport): TextBody {
  const options = rowOptions(data);
  return {
    head: '',
    encoding: { module: JSON_ROW_MODULE, options, separator: '', terminator: '\n' },
    tail: '',
  };
}
