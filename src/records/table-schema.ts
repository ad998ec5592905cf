// What the ODSQL compiler needs to know of a dataset: its current table, its fields and its
// language (full-text stemming on PostgreSQL).

import type { Dataset } from '../core/dataset.ts';
import type { TableSchema } from '../odsql/index.ts';

export function tableSchemaOf(dataset: Dataset): TableSchema {
  const version = dataset.current;
  return {
    table: version?.table ?? '',
    fields: version?.fields ?? [],
    language: dataset.metas.language,
  };
}
