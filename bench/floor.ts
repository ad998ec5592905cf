// The floor: a bench query's SQL run straight on the engine, with no portal around it. The SQL
// comes from the ODSQL compiler, built from the query's URL parameters the way the records
// service builds it (records: the page, then its count; a record by id; facets: one grouped
// query per field), and runs on one connection of the driver, one statement after the other:
// better-sqlite3 on a read-only connection set up as a reader thread's, or a pg client with the
// engine's session settings. Used by bench/queries-child.ts, which times it beside the API.

import { parse } from 'node:querystring';

import Database from 'better-sqlite3';
import pg from 'pg';

import { parseFacetParameter } from '../src/api/explore-v2.1/facet-param.ts';
import { recordsQueryInput } from '../src/api/explore-v2.1/query-input.ts';
import { ANONYMOUS } from '../src/core/access.ts';
import type { QueryValues } from '../src/http/query-params.ts';
import { repeated } from '../src/http/query-params.ts';
import type { RecordsQueryInput, TableSchema } from '../src/odsql/index.ts';
import { compileCountQuery, compileRecordLookup, compileRecordsQuery } from '../src/odsql/index.ts';
import { checkPaging, checkTimezone } from '../src/records/index.ts';
import { FACET_GROUPS_LIMIT, facetClauses } from '../src/core/facet-query.ts';
import { withPaging } from '../src/records/records-service.ts';
import { tableSchemaOf } from '../src/records/table-schema.ts';
import type { EngineName, SqlQuery } from '../src/storage/engine.ts';
import { clientConfig } from '../src/storage/postgres/connection.ts';
import { bindable } from '../src/storage/sqlite/bindable.ts';
import { MMAP_SIZE } from '../src/storage/sqlite/connection.ts';
import { registerSqliteFunctions } from '../src/storage/sqlite/register-functions.ts';
import type { BenchQuery } from './bench-queries.ts';
import { DATASET_ID } from './bench-queries.ts';
import { openStore, parseStore } from './store.ts';

/** The statements the portal runs for one bench query, in the order it needs them. */
function statements(
  query: BenchQuery,
  values: QueryValues,
  schema: TableSchema,
  dialect: EngineName,
  recordId: string,
): SqlQuery[] {
  const timezone = checkTimezone(undefined);
  if (query.kind === 'record') {
    return [compileRecordLookup(recordId, { timezone }, schema, dialect)];
  }
  if (query.kind === 'facets') {
    const filters: RecordsQueryInput = {
      where: repeated(values, 'where'),
      refine: repeated(values, 'refine'),
      exclude: repeated(values, 'exclude'),
      timezone,
      limit: FACET_GROUPS_LIMIT,
    };
    return repeated(values, 'facet').map((text) => {
      const field = schema.fields.find((f) => f.name === parseFacetParameter(text).name)!;
      return compileRecordsQuery({ ...filters, ...facetClauses(field) }, schema, dialect);
    });
  }
  const request = recordsQueryInput(DATASET_ID, ANONYMOUS, values);
  const input: RecordsQueryInput = {
    select: request.select,
    where: request.where ?? [],
    groupBy: request.groupBy,
    orderBy: request.orderBy,
    refine: request.refine,
    exclude: request.exclude,
    timezone: checkTimezone(request.timezone),
    lang: request.lang,
  };
  const compiled = compileRecordsQuery(input, schema, dialect);
  const paging = checkPaging(request.limit, request.offset, compiled.aggregated);
  const page = withPaging(compiled, paging.limit, paging.offset, dialect);
  return compiled.aggregated ? [page] : [page, compileCountQuery(input, schema, dialect)];
}

/** Runs one statement on the driver and returns its rows. */
type Runner = (query: SqlQuery) => Promise<unknown[][]>;

async function openRunner(spec: string): Promise<{ run: Runner; close: () => Promise<void> }> {
  const store = parseStore(spec);
  if (store.engine === 'sqlite') {
    const db = new Database(store.path, { readonly: true, fileMustExist: true });
    db.pragma(`mmap_size = ${MMAP_SIZE}`);
    db.pragma('cache_size = -16384');
    registerSqliteFunctions(db);
    const prepared = new Map<string, Database.Statement>();
    const run: Runner = (query) => {
      let statement = prepared.get(query.sql);
      if (!statement) prepared.set(query.sql, (statement = db.prepare(query.sql).raw(true)));
      return Promise.resolve(statement.all(...bindable(query.params)) as unknown[][]);
    };
    return {
      run,
      close: async () => {
        db.close();
      },
    };
  }
  const settings = { url: store.url, schema: store.schema, max: 1, readOnly: true };
  const client = new pg.Client(clientConfig({ ...settings, statementTimeoutMs: 0 }));
  await client.connect();
  const run: Runner = async (query) =>
    (await client.query<unknown[]>({ text: query.sql, values: query.params, rowMode: 'array' }))
      .rows;
  return { run, close: () => client.end() };
}

export interface Floor {
  /** A function running the query's statements, one after the other, and their number. */
  prepare(query: BenchQuery, recordId: string): { run: () => Promise<number>; statements: number };
  close(): Promise<void>;
}

export async function openFloor(spec: string): Promise<Floor> {
  const engine = await openStore(spec);
  const dataset = await engine.metadata.getDataset(DATASET_ID);
  await engine.close();
  if (!dataset?.current) throw new Error(`${DATASET_ID} is not imported`);
  const schema = tableSchemaOf(dataset);
  const runner = await openRunner(spec);
  return {
    prepare(query, recordId) {
      const values = parse(query.path.split('?')[1] ?? '') as QueryValues;
      const sqls = statements(query, values, schema, engine.name, recordId);
      const run = async () => {
        let rows = 0;
        for (const sql of sqls) rows += (await runner.run(sql)).length;
        return rows;
      };
      return { run, statements: sqls.length };
    },
    close: () => runner.close(),
  };
}
