// The SchemaStore in the engine's PostgreSQL schema (table `dataset_schemas`, migration 10).

import type pg from 'pg';

import type { Field } from '../../core/field.ts';
import type { SchemaEdits } from '../../core/schema-edits.ts';
import { schemaEditsFromJson, schemaEditsToJson } from '../../core/schema-edits.ts';
import type { SchemaStore } from '../schema-store.ts';
import { qualified } from './quote.ts';

export class PostgresSchemaStore implements SchemaStore {
  private readonly schemas: string;
  private readonly datasets: string;
  private readonly versions: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.schemas = qualified(schema, 'dataset_schemas');
    this.datasets = qualified(schema, 'datasets');
    this.versions = qualified(schema, 'dataset_versions');
  }

  async getEdits(datasetId: string): Promise<SchemaEdits | null> {
    const { rows } = await this.pool.query<{ fields: Record<string, unknown> }>(
      `SELECT fields FROM ${this.schemas} WHERE dataset_id = $1`,
      [datasetId],
    );
    const stored = rows[0]?.fields;
    return stored === undefined ? null : schemaEditsFromJson(stored);
  }

  async saveEdits(datasetId: string, edits: SchemaEdits, updatedBy: string | null): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schemas} (dataset_id, fields, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (dataset_id) DO UPDATE SET
         fields = excluded.fields, updated_at = now(), updated_by = excluded.updated_by`,
      [datasetId, JSON.stringify(schemaEditsToJson(edits)), updatedBy],
    );
  }

  async replaceCurrentFields(
    datasetId: string,
    versionId: number,
    fields: Field[],
  ): Promise<boolean> {
    // One statement: the version's fields change only while it is current, and the dataset's
    // metadata dates move with them.
    const { rowCount } = await this.pool.query(
      `WITH changed AS (
         UPDATE ${this.versions} SET fields = $3 WHERE id = $2 AND dataset_id = $1
           AND id = (SELECT current_version_id FROM ${this.datasets} WHERE id = $1)
         RETURNING dataset_id)
       UPDATE ${this.datasets} SET modified_at = now(), metadata_processed_at = now()
       WHERE id IN (SELECT dataset_id FROM changed)`,
      [datasetId, versionId, JSON.stringify(fields)],
    );
    return (rowCount ?? 0) > 0;
  }
}
