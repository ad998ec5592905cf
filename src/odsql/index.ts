// The ODSQL module's public API: compile the clauses of a records query to SQL for one dialect.
// Lower layers (lexer, parsers, analyzer, compiler) are exported for later steps.

import type { Field, FieldType } from '../core/field.ts';
import { PortalError } from '../core/errors.ts';
import type { DialectName, Dialect } from './compile/dialect.ts';
import type { CompiledQuery } from './compile/compiler.ts';
import { compileConditions, compilePlan, createContext } from './compile/compiler.ts';
import { postgresDialect } from './compile/postgres.ts';
import { sqliteDialect } from './compile/sqlite.ts';
import { quoteIdent } from './compile/context.ts';
import { ftsLanguageOf } from './compile/fts-language.ts';
import { checkTimeZone } from './dates.ts';
import type { Language } from './date-names.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage } from './date-names.ts';
import { rejectNul } from './nul.ts';
import { planFilters, planQuery } from './plan.ts';
import { createScope } from './analyze-scope.ts';

export type { DialectName } from './compile/dialect.ts';
export type { Field, FieldType };

export interface RecordsQueryInput {
  /** ODSQL select; default '*'. */
  select?: string;
  /** Each an ODSQL condition, ANDed; empty strings ignored. */
  where?: string[];
  groupBy?: string;
  orderBy?: string;
  /** 'facet:value' (value may be "quoted", facet `backquoted`). */
  refine?: string[];
  exclude?: string[];
  /** Already validated by the API layer; undefined → no LIMIT. */
  limit?: number;
  offset?: number;
  /** IANA id, default 'UTC'; date literals, date functions and refine date paths use it. */
  timezone?: string;
  /** One of LANGUAGES (default 'fr', as ODS): month and day names of date_format(). */
  lang?: string;
  /** Also select the record id (its position comes back as `recordIdPosition`). */
  withRecordId?: boolean;
  /** Also compile the query restricted to row id ranges, when its rows allow it (exports). */
  rowidRanges?: boolean;
}

export interface TableSchema {
  table: string;
  fields: Field[];
  /** Other names of fields (name → field name), e.g. the catalog's `default.title`. */
  aliases?: ReadonlyMap<string, string>;
  /** The dataset's `language` metadata: full text is stemmed in English or French (default). */
  language?: string | null;
}

export type { CompiledQuery, OutputColumn, RowidRangedQuery } from './compile/compiler.ts';

export const DIALECTS: Record<DialectName, Dialect> = {
  sqlite: sqliteDialect,
  postgres: postgresDialect,
};

function dialectOf(name: DialectName): Dialect {
  const dialect = DIALECTS[name];
  if (!dialect) throw new PortalError('DG_ERR_INTERNAL');
  return dialect;
}

function languageOf(input: { lang?: string }): Language {
  const lang = input.lang === undefined || input.lang === '' ? DEFAULT_LANGUAGE : input.lang;
  if (!isLanguage(lang)) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `Invalid value for lang API parameter: "${lang}" is not one of ${LANGUAGES.join(', ')}.`,
    });
  }
  return lang;
}

function timeZoneOf(input: { timezone?: string }): string {
  const zone = input.timezone === undefined || input.timezone === '' ? 'UTC' : input.timezone;
  try {
    checkTimeZone(zone);
  } catch {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `Unknown time zone: ${zone}`,
    });
  }
  return zone;
}

/** Turns any unexpected failure into a registry error: only PortalErrors leave this module. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PortalError) throw error;
    throw new PortalError('DG_ERR_INTERNAL', {}, { cause: error });
  }
}

export function compileRecordsQuery(
  input: RecordsQueryInput,
  schema: TableSchema,
  dialect: DialectName,
): CompiledQuery {
  return guarded(() => {
    const timeZone = timeZoneOf(input);
    rejectNul(input);
    const lang = languageOf(input);
    const plan = planQuery(input, schema.fields, schema.aliases);
    return compilePlan(dialectOf(dialect), plan, {
      table: schema.table,
      fields: schema.fields,
      language: ftsLanguageOf(schema.language),
      timeZone,
      lang,
      limit: input.limit,
      offset: input.offset,
      withRecordId: input.withRecordId,
      rowidRanges: input.rowidRanges,
    });
  });
}

/** SELECT count(*) with the same where/refine/exclude — for total_count. */
export function compileCountQuery(
  input: RecordsQueryInput,
  schema: TableSchema,
  dialect: DialectName,
): { sql: string; params: unknown[]; volatile?: boolean } {
  return guarded(() => {
    const timeZone = timeZoneOf(input);
    rejectNul(input);
    const plan = planFilters(input, schema.fields, createScope(schema.fields, schema.aliases));
    const ctx = createContext(dialectOf(dialect), plan, {
      table: schema.table,
      fields: schema.fields,
      language: ftsLanguageOf(schema.language),
      timeZone,
    });
    const where = compileConditions(ctx, plan);
    let sql = `SELECT count(*) FROM ${quoteIdent(schema.table)}`;
    if (where.length > 0) sql += ` WHERE ${where.join(' AND ')}`;
    return {
      sql,
      params: ctx.params.values,
      ...(ctx.volatile === true ? { volatile: true } : {}),
    };
  });
}

/** One record by its record id (column `_id`), with an optional select. */
export function compileRecordLookup(
  recordId: string,
  input: Pick<RecordsQueryInput, 'select' | 'timezone' | 'lang'>,
  schema: TableSchema,
  dialect: DialectName,
): CompiledQuery {
  return guarded(() => {
    const timeZone = timeZoneOf(input);
    rejectNul(input);
    // A record id is 40 hex digits: one with a NUL (which no engine can bind) matches nothing.
    if (recordId.includes('\u0000')) {
      throw new PortalError('DG_ERR_RECORD_NOT_FOUND', { record_id: recordId });
    }
    const lang = languageOf(input);
    const plan = planQuery({ select: input.select }, schema.fields);
    return compilePlan(dialectOf(dialect), plan, {
      table: schema.table,
      fields: schema.fields,
      language: ftsLanguageOf(schema.language),
      timeZone,
      lang,
      recordId,
      limit: 1,
    });
  });
}

// Lower layers.
export { OdsqlError, odsqlError } from './errors.ts';
export type { Clause } from './errors.ts';
export { lex } from './lexer.ts';
export { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from './date-names.ts';
export type { Token, TokenKind } from './tokens.ts';
export type * from './ast.ts';
export { parseSelect } from './parser/select.ts';
export { parseWhere } from './parser/where.ts';
export { parseGroupBy } from './parser/group-by.ts';
export { parseOrderBy } from './parser/order-by.ts';
export { parseFacetFilter } from './parser/facet-filter.ts';
export { analyzeCondition, analyzeExpr } from './analyze.ts';
export { createAnalysis, createScope, type Analysis, type Scope } from './analyze-scope.ts';
export { planQuery, planFilters, type QueryPlan, type PlannedOutput } from './plan.ts';
export { compilePlan } from './compile/compiler.ts';
export {
  postgresFoldedText,
  postgresFtsDocument,
  postgresFtsVector,
} from './compile/postgres-fts.ts';
export { ftsLanguageOf, type FtsLanguage } from './compile/fts-language.ts';
export { SQLITE_FUNCTIONS, type SqliteFunction } from './compile/sqlite-functions.ts';
export { FUNCTIONS, findFunction, type FunctionSpec } from './functions.ts';
export type { ExprInfo, ValueType } from './types.ts';
export { translateV1Query } from './v1/translate.ts';
