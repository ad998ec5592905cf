// The versioned changes of the metadata schema, in order. Append only: never edit a released entry.

import { qualified, quoteIdent } from './quote.ts';

export interface Migration {
  version: number;
  name: string;
  /** Statements run in one transaction, in the engine's schema. */
  statements(schema: string): string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'datasets, versions and attachments',
    statements: (schema) => {
      const t = (name: string) => qualified(schema, name);
      return [
        `CREATE TABLE ${t('datasets')} (
          id text PRIMARY KEY,
          uid text NOT NULL UNIQUE,
          metas jsonb NOT NULL,
          visibility text NOT NULL DEFAULT 'domain' CHECK (visibility IN ('domain', 'restricted')),
          created_at timestamptz NOT NULL DEFAULT now(),
          modified_at timestamptz NOT NULL DEFAULT now(),
          data_processed_at timestamptz,
          metadata_processed_at timestamptz NOT NULL DEFAULT now(),
          current_version_id bigint
        )`,
        `CREATE TABLE ${t('dataset_versions')} (
          id bigserial PRIMARY KEY,
          dataset_id text NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
          table_name text NOT NULL,
          fields jsonb NOT NULL,
          status text NOT NULL CHECK (status IN ('loading', 'ready', 'failed', 'retired')),
          records_count bigint NOT NULL DEFAULT 0,
          created_at timestamptz NOT NULL DEFAULT now(),
          committed_at timestamptz,
          source text,
          error text,
          owner text
        )`,
        `CREATE INDEX ${quoteIdent('dataset_versions_dataset')} ON ${t('dataset_versions')} (dataset_id, id)`,
        `CREATE INDEX ${quoteIdent('dataset_versions_loading')} ON ${t('dataset_versions')} (id)
          WHERE status = 'loading'`,
        `ALTER TABLE ${t('datasets')} ADD CONSTRAINT ${quoteIdent('datasets_current_version')}
          FOREIGN KEY (current_version_id) REFERENCES ${t('dataset_versions')} (id)`,
        `CREATE TABLE ${t('attachments')} (
          dataset_id text NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
          id text NOT NULL,
          title text,
          mimetype text,
          path text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (dataset_id, id)
        )`,
        // Joins a text[] for the full-text vector; array_to_string itself is only STABLE, which a
        // generated column does not accept.
        `CREATE FUNCTION ${t('dg_join_text')}(items text[]) RETURNS text
          LANGUAGE sql IMMUTABLE PARALLEL SAFE
          AS $$ SELECT array_to_string(items, ' ') $$`,
      ];
    },
  },
];

export const LATEST_MIGRATION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
