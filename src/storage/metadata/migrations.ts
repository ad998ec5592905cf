// The portal metadata schema, as ordered migrations. Append new entries; never edit one that
// has shipped (stores remember which versions they applied).

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'datasets, versions and attachments',
    sql: `
      CREATE TABLE datasets (
        id TEXT PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        metas TEXT NOT NULL,
        visibility TEXT NOT NULL DEFAULT 'domain' CHECK (visibility IN ('domain', 'restricted')),
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        data_processed_at TEXT,
        metadata_processed_at TEXT NOT NULL,
        current_version_id INTEGER REFERENCES dataset_versions (id)
      );
      CREATE TABLE dataset_versions (
        id INTEGER PRIMARY KEY,
        dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        fields TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('loading', 'ready', 'failed', 'retired')),
        records_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        committed_at TEXT,
        source TEXT,
        error TEXT,
        owner_pid INTEGER
      );
      CREATE INDEX dataset_versions_by_dataset ON dataset_versions (dataset_id, id);
      CREATE INDEX dataset_versions_by_status ON dataset_versions (status);
      CREATE TABLE attachments (
        dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        title TEXT,
        mimetype TEXT,
        path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (dataset_id, id)
      );
    `,
  },
];
