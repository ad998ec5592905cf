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
  {
    version: 2,
    name: 'accounts: users, groups, grants, sessions, API keys',
    statements: (schema) => {
      const t = (name: string) => qualified(schema, name);
      const index = (name: string) => quoteIdent(name);
      return [
        `CREATE TABLE ${t('users')} (
          id text PRIMARY KEY,
          email text NOT NULL UNIQUE,
          name text NOT NULL,
          password_hash text NOT NULL,
          role text NOT NULL CHECK (role IN ('admin', 'editor', 'user')),
          edits_all_datasets boolean NOT NULL DEFAULT false,
          created_at timestamptz NOT NULL DEFAULT now(),
          password_changed_at timestamptz NOT NULL DEFAULT now(),
          last_login_at timestamptz
        )`,
        `CREATE TABLE ${t('user_groups')} (
          id text PRIMARY KEY,
          name text NOT NULL UNIQUE,
          created_at timestamptz NOT NULL DEFAULT now()
        )`,
        `CREATE TABLE ${t('group_members')} (
          group_id text NOT NULL REFERENCES ${t('user_groups')} (id) ON DELETE CASCADE,
          user_id text NOT NULL REFERENCES ${t('users')} (id) ON DELETE CASCADE,
          PRIMARY KEY (group_id, user_id)
        )`,
        `CREATE INDEX ${index('group_members_by_user')} ON ${t('group_members')} (user_id)`,
        `CREATE TABLE ${t('dataset_editors')} (
          user_id text NOT NULL REFERENCES ${t('users')} (id) ON DELETE CASCADE,
          dataset_id text NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
          PRIMARY KEY (user_id, dataset_id)
        )`,
        `CREATE TABLE ${t('dataset_grants')} (
          dataset_id text NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
          grantee_kind text NOT NULL CHECK (grantee_kind IN ('user', 'group')),
          grantee_id text NOT NULL,
          PRIMARY KEY (dataset_id, grantee_kind, grantee_id)
        )`,
        `CREATE INDEX ${index('dataset_grants_by_grantee')}
          ON ${t('dataset_grants')} (grantee_kind, grantee_id)`,
        `CREATE TABLE ${t('sessions')} (
          key text PRIMARY KEY,
          user_id text NOT NULL REFERENCES ${t('users')} (id) ON DELETE CASCADE,
          created_at timestamptz NOT NULL,
          expires_at timestamptz NOT NULL,
          auth_stamp text NOT NULL
        )`,
        `CREATE INDEX ${index('sessions_by_user')} ON ${t('sessions')} (user_id)`,
        `CREATE TABLE ${t('api_keys')} (
          id text PRIMARY KEY,
          user_id text NOT NULL REFERENCES ${t('users')} (id) ON DELETE CASCADE,
          key_hash text NOT NULL UNIQUE,
          prefix text NOT NULL,
          label text NOT NULL,
          scope text NOT NULL CHECK (scope IN ('read', 'write')),
          created_at timestamptz NOT NULL DEFAULT now(),
          expires_at timestamptz,
          revoked_at timestamptz,
          last_used_at timestamptz
        )`,
        `CREATE INDEX ${index('api_keys_by_user')} ON ${t('api_keys')} (user_id)`,
        `CREATE TABLE ${t('login_failures')} (
          bucket text NOT NULL,
          at timestamptz NOT NULL
        )`,
        `CREATE INDEX ${index('login_failures_by_bucket')} ON ${t('login_failures')} (bucket, at)`,
      ];
    },
  },
  {
    version: 3,
    name: 'consent: third-party services, policy versions, proof-of-consent log',
    statements: (schema) => {
      const t = (name: string) => qualified(schema, name);
      return [
        `CREATE TABLE ${t('third_party_services')} (
          id text PRIMARY KEY,
          definition jsonb NOT NULL,
          position integer NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now()
        )`,
        `CREATE TABLE ${t('consent_policies')} (
          version integer PRIMARY KEY,
          digest text NOT NULL UNIQUE,
          registry text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        )`,
        `CREATE TABLE ${t('consent_log')} (
          id bigserial PRIMARY KEY,
          consent_id text NOT NULL,
          policy_version integer NOT NULL,
          choices jsonb NOT NULL,
          decided_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ${quoteIdent('consent_log_by_consent')} ON ${t('consent_log')} (consent_id, id)`,
      ];
    },
  },
  {
    version: 4,
    name: 'audience statistics: hourly counters and daily visitor estimates (no raw hit)',
    statements: (schema) => {
      const t = (name: string) => qualified(schema, name);
      return [
        `CREATE TABLE ${t('audience_counts')} (
          hour timestamptz NOT NULL,
          metric text NOT NULL,
          dataset text NOT NULL,
          kind text NOT NULL,
          detail text NOT NULL,
          count bigint NOT NULL,
          PRIMARY KEY (hour, metric, dataset, kind, detail)
        )`,
        `CREATE TABLE ${t('audience_visitors')} (
          day date PRIMARY KEY,
          visitors bigint NOT NULL
        )`,
      ];
    },
  },
  {
    version: 5,
    name: 'portal texts: Markdown written by administrators around generated pages',
    statements: (schema) => [
      `CREATE TABLE ${qualified(schema, 'portal_texts')} (
        key text NOT NULL,
        lang text NOT NULL,
        body text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key, lang)
      )`,
    ],
  },
  {
    version: 6,
    name: 'dataset lifecycle: published flag, owner, version authors, activity log',
    statements: (schema) => {
      const t = (name: string) => qualified(schema, name);
      const index = (name: string) => quoteIdent(name);
      return [
        `ALTER TABLE ${t('datasets')}
          ADD COLUMN published boolean NOT NULL DEFAULT true,
          ADD COLUMN owner_id text REFERENCES ${t('users')} (id) ON DELETE SET NULL`,
        `ALTER TABLE ${t('dataset_versions')} ADD COLUMN created_by text`,
        `CREATE TABLE ${t('activity_log')} (
          id bigserial PRIMARY KEY,
          at timestamptz NOT NULL DEFAULT now(),
          user_id text,
          action text NOT NULL,
          dataset_id text,
          diff jsonb
        )`,
        `CREATE INDEX ${index('activity_log_by_dataset')} ON ${t('activity_log')} (dataset_id, id)`,
        `CREATE INDEX ${index('activity_log_by_user')} ON ${t('activity_log')} (user_id, id)`,
        `CREATE INDEX ${index('activity_log_by_action')} ON ${t('activity_log')} (action, id)`,
      ];
    },
  },
  {
    version: 7,
    name: 'dataset sources (file or URL, refresh schedule) and import jobs (one active per dataset)',
    statements: (schema) => {
      const t = (name: string) => qualified(schema, name);
      return [
        `CREATE TABLE ${t('dataset_sources')} (
          dataset_id text PRIMARY KEY REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
          kind text NOT NULL CHECK (kind IN ('file', 'url')),
          location text NOT NULL,
          file_name text,
          size bigint,
          options jsonb NOT NULL DEFAULT '{}',
          schedule text NOT NULL DEFAULT 'none',
          next_run_at timestamptz,
          updated_at timestamptz NOT NULL DEFAULT now()
        )`,
        `CREATE INDEX ${quoteIdent('dataset_sources_by_next_run')} ON ${t('dataset_sources')}
          (next_run_at) WHERE next_run_at IS NOT NULL`,
        `CREATE TABLE ${t('import_jobs')} (
          id bigserial PRIMARY KEY,
          dataset_id text NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
          state text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
          trigger text NOT NULL,
          rows_read bigint NOT NULL DEFAULT 0,
          rows_rejected bigint NOT NULL DEFAULT 0,
          issues jsonb NOT NULL DEFAULT '[]',
          issue_count bigint NOT NULL DEFAULT 0,
          created_at timestamptz NOT NULL DEFAULT now(),
          started_at timestamptz,
          ended_at timestamptz,
          heartbeat_at timestamptz,
          created_by text,
          owner text,
          version_id bigint,
          error text
        )`,
        `CREATE INDEX ${quoteIdent('import_jobs_by_dataset')} ON ${t('import_jobs')} (dataset_id, id)`,
        `CREATE UNIQUE INDEX ${quoteIdent('import_jobs_one_active')} ON ${t('import_jobs')}
          (dataset_id) WHERE state IN ('queued', 'running')`,
      ];
    },
  },
  {
    version: 8,
    name: 'portal settings: values and files (the logo) administrators set in the back office',
    statements: (schema) => [
      `CREATE TABLE ${qualified(schema, 'portal_settings')} (
        key text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE ${qualified(schema, 'portal_assets')} (
        name text PRIMARY KEY,
        content_type text NOT NULL,
        body bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 9,
    name: "a dataset's processors, kept with its source and applied at each import",
    statements: (schema) => [
      `ALTER TABLE ${qualified(schema, 'dataset_sources')}
        ADD COLUMN processors jsonb NOT NULL DEFAULT '[]'`,
    ],
  },
  {
    version: 10,
    name: "the schema editor's edits of each dataset's fields, applied again at each import",
    statements: (schema) => [
      `CREATE TABLE ${qualified(schema, 'dataset_schemas')} (
        dataset_id text PRIMARY KEY REFERENCES ${qualified(schema, 'datasets')} (id)
          ON DELETE CASCADE,
        fields jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      )`,
    ],
  },
  {
    version: 11,
    name: 'API quotas: the calls of each caller per day, counted by every process of the store',
    statements: (schema) => [
      `CREATE TABLE ${qualified(schema, 'api_quota_counts')} (
        day date NOT NULL,
        caller text NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (day, caller)
      )`,
    ],
  },
  {
    version: 12,
    // SQLite keeps the datasets it read in memory and checks a counter that triggers move
    // (storage/metadata/dataset-snapshots.ts). PostgreSQL reads its datasets each time: a
    // counter row there would serialise every metadata write behind a long import's
    // transaction. The number is kept so that both engines' schemas stay at the same version.
    name: 'the metadata generation of SQLite stores; nothing on PostgreSQL',
    statements: () => [],
  },
  {
    version: 13,
    // Processes keep the datasets they read while they hear the change feed
    // (kept-datasets.ts). A notice sent by the database at commit reaches them whichever
    // connection made the change, without a counter row that every write would lock.
    // 'datagora_changes' is change-feed.ts's channel, spelled out: a released entry never moves.
    name: 'a change feed notice at the commit of any change to what a dataset is read from',
    statements: (schema) => {
      const notify = qualified(schema, 'notify_dataset_change');
      const payload = `${schema}:datasets:database`.replaceAll("'", "''");
      return [
        `CREATE FUNCTION ${notify}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           PERFORM pg_notify('datagora_changes', '${payload}');
           RETURN NULL;
         END $$`,
        ...['datasets', 'dataset_versions', 'attachments', 'dataset_grants'].map(
          (table) =>
            `CREATE TRIGGER ${quoteIdent(`${table}_notify_change`)}
             AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${qualified(schema, table)}
             FOR EACH STATEMENT EXECUTE FUNCTION ${notify}()`,
        ),
      ];
    },
  },
];

export const LATEST_MIGRATION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
