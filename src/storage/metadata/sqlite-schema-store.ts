// The SchemaStore on the SQLite file (table `dataset_schemas`, migration 10).

import type Database from 'better-sqlite3';

import type { Field } from '../../core/field.ts';
import type { SchemaEdits } from '../../core/schema-edits.ts';
import { schemaEditsFromJson, schemaEditsToJson } from '../../core/schema-edits.ts';
import { isoNow } from '../../util/iso-now.ts';
import type { SchemaStore } from '../schema-store.ts';

export class SqliteSchemaStore implements SchemaStore {
  constructor(private readonly db: Database.Database) {}

  async getEdits(datasetId: string): Promise<SchemaEdits | null> {
    const row = this.db
      .prepare('SELECT fields FROM dataset_schemas WHERE dataset_id = ?')
      .get(datasetId) as { fields: string } | undefined;
    return row ? schemaEditsFromJson(JSON.parse(row.fields) as Record<string, unknown>) : null;
  }

  async saveEdits(datasetId: string, edits: SchemaEdits, updatedBy: string | null): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO dataset_schemas (dataset_id, fields, updated_at, updated_by)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (dataset_id) DO UPDATE SET
           fields = excluded.fields, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(datasetId, JSON.stringify(schemaEditsToJson(edits)), isoNow(), updatedBy);
  }

  async replaceCurrentFields(
    datasetId: string,
    versionId: number,
    fields: Field[],
  ): Promise<boolean> {
    const now = isoNow();
    return this.db
      .transaction(() => {
        const changed = this.db
          .prepare(
            `UPDATE dataset_versions SET fields = ? WHERE id = ? AND dataset_id = ?
             AND id = (SELECT current_version_id FROM datasets WHERE id = ?)`,
          )
          .run(JSON.stringify(fields), versionId, datasetId, datasetId).changes;
        if (changed === 0) return false;
        this.db
          .prepare('UPDATE datasets SET modified_at = ?, metadata_processed_at = ? WHERE id = ?')
          .run(now, now, datasetId);
        return true;
      })
      .immediate();
  }
}
