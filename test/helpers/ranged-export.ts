// A whole-dataset export as the reader threads read it by ranges: the compiled query and the
// export's columns, for the export tests that compare joined runs with cell-by-cell encoding.

import { compileRecordsQuery } from '../../src/odsql/index.ts';
import type { RecordsExport } from '../../src/records/index.ts';
import type { EncodedQuery, StorageEngine } from '../../src/storage/engine.ts';

export async function rangedExport(
  engine: StorageEngine,
  id: string,
  select: string | undefined,
  where: string[] | undefined,
  timezone = 'Europe/Paris',
): Promise<{ query: EncodedQuery; data: RecordsExport }> {
  const version = (await engine.metadata.getDataset(id))!.current!;
  const schema = { table: version.table, fields: version.fields };
  const compiled = compileRecordsQuery(
    { rowidRanges: true, select, where, timezone },
    schema,
    'sqlite',
  );
  const query = { sql: compiled.sql, params: compiled.params, ranged: compiled.ranged };
  const data = { fields: version.fields, columns: compiled.columns, timezone };
  return { query, data: data as RecordsExport };
}
