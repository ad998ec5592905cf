// What a version's commit computes once for all, so that the most common whole-dataset questions
// are answered without reading the records: the counts of each facet field's values, by the same
// statement the facets service compiles for an unfiltered request (core/facet-query.ts). They are
// kept beside the version's table, keyed by the statement and its values, and dropped with it.
// A statement a service asks for that a commit did not keep (another time zone, an older version)
// simply has no summary: the service runs it.

import {
  FACET_GROUPS_LIMIT,
  SUMMARY_TIME_ZONES,
  annotatedFacetFields,
  facetClauses,
  isFacetable,
} from '../core/facet-query.ts';
import type { Field } from '../core/field.ts';
import { compileRecordsQuery } from '../odsql/index.ts';
import { statementKey } from '../util/statement-key.ts';
import type { EngineName, SqlQuery } from './engine.ts';

/** A statement and the key its rows are kept under. */
export interface SummaryStatement {
  key: string;
  query: SqlQuery;
}

/**
 * The unfiltered facet queries of the version's facet fields, as the facets service asks them,
 * in each of SUMMARY_TIME_ZONES (a field whose statement does not depend on the zone once).
 */
export function summaryStatements(
  table: string,
  fields: readonly Field[],
  dialect: EngineName,
): SummaryStatement[] {
  const schema = { table, fields: [...fields] };
  const statements = new Map<string, SqlQuery>();
  for (const field of annotatedFacetFields(fields).filter(isFacetable)) {
    for (const timezone of SUMMARY_TIME_ZONES) {
      const compiled = compileRecordsQuery(
        {
          where: [],
          refine: [],
          exclude: [],
          timezone,
          limit: FACET_GROUPS_LIMIT,
          ...facetClauses(field),
        },
        schema,
        dialect,
      );
      const query = { sql: compiled.sql, params: compiled.params };
      statements.set(statementKey(query), query);
    }
  }
  return [...statements].map(([key, query]) => ({ key, query }));
}

function storableCell(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((v) => v === null || typeof v === 'string');
}

/** The rows as JSON text, or null when a value would not come back the same from JSON. */
export function summaryText(rows: unknown[][]): string | null {
  return rows.every((row) => row.every(storableCell)) ? JSON.stringify(rows) : null;
}

export function summaryRows(text: string): unknown[][] {
  return JSON.parse(text) as unknown[][];
}

export { statementKey };
