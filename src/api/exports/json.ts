// The JSON exports: a JSON array (json) or one object per line (jsonl) of flat records,
// rendered as /records renders them.

import type { RecordsExport } from '../../records/index.ts';
import { renderRecord } from '../../records/index.ts';

export async function* writeJsonArray(data: RecordsExport): AsyncIterable<string> {
  yield '[';
  let first = true;
  for await (const batch of data.rows) {
    const parts: string[] = [];
    for (const row of batch)
      parts.push(JSON.stringify(renderRecord(row, data.columns, data.timezone)));
    if (parts.length === 0) continue;
    yield `${first ? '' : ','}${parts.join(',')}`;
    first = false;
  }
  yield ']';
}

export async function* writeJsonLines(data: RecordsExport): AsyncIterable<string> {
  for await (const batch of data.rows) {
    let chunk = '';
    for (const row of batch)
      chunk += `${JSON.stringify(renderRecord(row, data.columns, data.timezone))}\n`;
    yield chunk;
  }
}
