// Fills an empty PostgreSQL store with a portal read elsewhere (`datagora migrate --to`): the
// metadata tables row by row, and each kept version's records through COPY, with their record
// ids unchanged. Everything happens in ONE transaction: a failure leaves the target as it was.

import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { Row } from '../../core/cell.ts';
import type { Field } from '../../core/field.ts';
import { ftsLanguageOf } from '../../odsql/index.ts';
import { clientConfig } from './connection.ts';
import { storageError } from './errors.ts';
import { qualified, quoteIdent } from './quote.ts';
import {
  copyColumnList,
  createIndexSqls,
  createTableSql,
  recordTableName,
} from './record-table.ts';
import { createRowEncoder } from './row-encoder.ts';
import { foreignKeyOrder } from './table-order.ts';
import type { TableOrder } from './table-order.ts';

/** Rows per INSERT statement (PostgreSQL binds at most 65,535 parameters per statement). */
const INSERT_PARAMETERS = 30_000;

export interface RecordBatches {
  ids: string[];
  rows: Row[];
}

export class PostgresPortalLoader {
  private readonly analyzed: string[] = [];

  private constructor(
    private readonly client: pg.Client,
    private readonly schema: string,
  ) {}

  /** Connects and opens the transaction that every later call runs in. */
  static async open(url: string, schema: string): Promise<PostgresPortalLoader> {
    const client = new pg.Client(
      clientConfig({ url, schema, max: 1, statementTimeoutMs: 0, readOnly: false }),
    );
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('BEGIN');
    } catch (error) {
      await client.end().catch(() => undefined);
      throw storageError(error);
    }
    return new PostgresPortalLoader(client, schema);
  }

  async schemaVersion(): Promise<number> {
    const result = await this.client.query<{ v: number | null }>(
      `SELECT max(version)::int AS v FROM ${this.table('schema_migrations')}`,
    );
    return result.rows[0]?.v ?? 0;
  }

  /** The tables of `names` that already hold rows. */
  async nonEmptyTables(names: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const name of names) {
      const result = await this.client.query(`SELECT 1 FROM ${this.table(name)} LIMIT 1`);
      if (result.rowCount) found.push(name);
    }
    return found;
  }

  /** The order to fill `names` in so that every foreign key finds its row. */
  async tableOrder(names: string[]): Promise<TableOrder> {
    const result = await this.client.query<{
      child: string;
      parent: string;
      columns: string[];
      nullable: boolean;
    }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
              array(SELECT a.attname::text FROM unnest(c.conkey) k
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS columns,
              NOT EXISTS (SELECT 1 FROM unnest(c.conkey) k
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k
                    WHERE a.attnotnull) AS nullable
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE c.contype = 'f' AND n.nspname = $1`,
      [this.schema],
    );
    const bare = (name: string) => name.replace(/^.*\./, '').replaceAll('"', '');
    const keys = result.rows.map((r) => ({
      child: bare(r.child),
      parent: bare(r.parent),
      columns: r.columns,
      nullable: r.nullable,
    }));
    return foreignKeyOrder(names, keys);
  }

  /** The columns of a table with their type (`udt_name`: int8, timestamptz, jsonb, _text…). */
  async columnTypes(table: string): Promise<Map<string, string>> {
    const result = await this.client.query<{ column_name: string; udt_name: string }>(
      `SELECT column_name, udt_name FROM information_schema.columns
       WHERE table_schema = $1 AND table_name = $2`,
      [this.schema, table],
    );
    return new Map(result.rows.map((r) => [r.column_name, r.udt_name]));
  }

  async primaryKey(table: string): Promise<string[]> {
    const result = await this.client.query<{ name: string }>(
      `SELECT a.attname::text AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
       WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [this.table(table)],
    );
    return result.rows.map((r) => r.name);
  }

  /** Inserts rows (values already converted to the target's types); returns how many. */
  async insert(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<number> {
    const perStatement = Math.max(1, Math.floor(INSERT_PARAMETERS / columns.length));
    const head = `INSERT INTO ${this.table(table)} (${columns.map(quoteIdent).join(', ')}) VALUES `;
    let batch: unknown[][] = [];
    let count = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const params: unknown[] = [];
      const tuples = batch.map((row) => {
        const marks = row.map((value) => {
          params.push(value);
          return `$${params.length}`;
        });
        return `(${marks.join(', ')})`;
      });
      await this.client.query(head + tuples.join(', '), params);
      count += batch.length;
      batch = [];
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length === perStatement) await flush();
    }
    await flush();
    return count;
  }

  /** Sets columns left null at first (foreign keys to rows inserted later), by primary key. */
  async update(table: string, key: string[], columns: string[], rows: unknown[][]): Promise<void> {
    const sets = columns.map((c, i) => `${quoteIdent(c)} = $${i + 1}`).join(', ');
    const where = key.map((c, i) => `${quoteIdent(c)} = $${columns.length + i + 1}`);
    const sql = `UPDATE ${this.table(table)} SET ${sets} WHERE ${where.join(' AND ')}`;
    for (const row of rows) await this.client.query(sql, row);
  }

  /** Moves every sequence-backed column's sequence past the largest value copied. */
  async advanceSequences(table: string, columns: string[]): Promise<void> {
    for (const column of columns) {
      const sequence = await this.client.query<{ name: string | null }>(
        'SELECT pg_get_serial_sequence($1, $2) AS name',
        [this.table(table), column],
      );
      const name = sequence.rows[0]?.name;
      if (!name) continue;
      await this.client.query(
        `SELECT setval($1, GREATEST((SELECT max(${quoteIdent(column)}) FROM ${this.table(table)}), 1))`,
        [name],
      );
    }
  }

  /**
   * Creates version `versionId`'s records table and copies its records in, ids kept; the
   * indexes are built once the rows are in. Returns how many records were copied.
   */
  async loadRecords(
    versionId: number,
    fields: Field[],
    language: string | null,
    batches: Iterable<RecordBatches>,
  ): Promise<number> {
    const table = recordTableName(versionId);
    await this.client.query(
      createTableSql(this.schema, table, fields, ftsLanguageOf(language ?? undefined)),
    );
    const copy = this.client.query(
      copyFrom(
        `COPY ${this.table(table)} (${copyColumnList(fields)}) FROM STDIN WITH (FORMAT text)`,
      ),
    );
    const finished = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    // Awaited below; this only keeps an early failure from counting as unhandled meanwhile.
    finished.catch(() => undefined);
    const encoder = createRowEncoder(fields);
    for (const batch of batches) {
      const more = copy.write(encoder.encode(batch.rows, batch.ids));
      if (!more) await Promise.race([new Promise((done) => copy.once('drain', done)), finished]);
    }
    copy.end();
    await finished;
    for (const sql of createIndexSqls(this.schema, table, fields)) await this.client.query(sql);
    this.analyzed.push(table);
    return encoder.count;
  }

  /** Commits everything, then analyses the records tables for the planner. */
  async commit(): Promise<void> {
    await this.client.query('COMMIT');
    for (const table of this.analyzed) await this.client.query(`ANALYZE ${this.table(table)}`);
  }

  /** Rolls everything back (the target is left as it was) and disconnects. */
  async close(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }

  private table(name: string): string {
    return qualified(this.schema, name);
  }
}
