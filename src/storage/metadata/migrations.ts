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
  {
    version: 2,
    name: 'accounts: users, groups, grants, sessions, API keys',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'user')),
        edits_all_datasets INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        password_changed_at TEXT NOT NULL,
        last_login_at TEXT
      );
      CREATE TABLE user_groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX group_members_by_user ON group_members (user_id);
      CREATE TABLE dataset_editors (
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, dataset_id)
      );
      CREATE TABLE dataset_grants (
        dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        grantee_kind TEXT NOT NULL CHECK (grantee_kind IN ('user', 'group')),
        grantee_id TEXT NOT NULL,
        PRIMARY KEY (dataset_id, grantee_kind, grantee_id)
      );
      CREATE INDEX dataset_grants_by_grantee ON dataset_grants (grantee_kind, grantee_id);
      CREATE TABLE sessions (
        key TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        auth_stamp TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key_hash TEXT NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        label TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
        created_at TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT,
        last_used_at TEXT
      );
      CREATE INDEX api_keys_by_user ON api_keys (user_id);
      CREATE TABLE login_failures (
        bucket TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX login_failures_by_bucket ON login_failures (bucket, at);
    `,
  },
  {
    version: 3,
    name: 'consent: third-party services, policy versions, proof-of-consent log',
    sql: `
      CREATE TABLE third_party_services (
        id TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        position INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE consent_policies (
        version INTEGER PRIMARY KEY,
        digest TEXT NOT NULL UNIQUE,
        registry TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE consent_log (
        id INTEGER PRIMARY KEY,
        consent_id TEXT NOT NULL,
        policy_version INTEGER NOT NULL,
        choices TEXT NOT NULL,
        decided_at TEXT NOT NULL
      );
      CREATE INDEX consent_log_by_consent ON consent_log (consent_id, id);
    `,
  },
  {
    version: 4,
    name: 'audience statistics: hourly counters and daily visitor estimates (no raw hit)',
    sql: `
      CREATE TABLE audience_counts (
        hour TEXT NOT NULL,
        metric TEXT NOT NULL,
        dataset TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (hour, metric, dataset, kind, detail)
      ) WITHOUT ROWID;
      CREATE TABLE audience_visitors (
        day TEXT PRIMARY KEY,
        visitors INTEGER NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'portal texts: Markdown written by administrators around generated pages',
    sql: `
      CREATE TABLE portal_texts (
        key TEXT NOT NULL,
        lang TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (key, lang)
      );
    `,
  },
  {
    version: 6,
    name: 'dataset lifecycle: published flag, owner, version authors, activity log',
    sql: `
      ALTER TABLE datasets ADD COLUMN published INTEGER NOT NULL DEFAULT 1
        CHECK (published IN (0, 1));
      ALTER TABLE datasets ADD COLUMN owner_id TEXT REFERENCES users (id) ON DELETE SET NULL;
      ALTER TABLE dataset_versions ADD COLUMN created_by TEXT;
      CREATE TABLE activity_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT,
        action TEXT NOT NULL,
        dataset_id TEXT,
        diff TEXT
      );
      CREATE INDEX activity_log_by_dataset ON activity_log (dataset_id, id);
      CREATE INDEX activity_log_by_user ON activity_log (user_id, id);
      CREATE INDEX activity_log_by_action ON activity_log (action, id);
    `,
  },
  {
    version: 7,
    name: 'dataset sources (file or URL, refresh schedule) and import jobs (one active per dataset)',
    sql: `
      CREATE TABLE dataset_sources (
        dataset_id TEXT PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('file', 'url')),
        location TEXT NOT NULL,
        file_name TEXT,
        size INTEGER,
        options TEXT NOT NULL DEFAULT '{}',
        schedule TEXT NOT NULL DEFAULT 'none',
        next_run_at TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX dataset_sources_by_next_run ON dataset_sources (next_run_at)
        WHERE next_run_at IS NOT NULL;
      CREATE TABLE import_jobs (
        id INTEGER PRIMARY KEY,
        dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
        trigger TEXT NOT NULL,
        rows_read INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0,
        issues TEXT NOT NULL DEFAULT '[]',
        issue_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        started_at TEXT,
        ended_at TEXT,
        heartbeat_at TEXT,
        created_by TEXT,
        owner TEXT,
        version_id INTEGER,
        error TEXT
      );
      CREATE INDEX import_jobs_by_dataset ON import_jobs (dataset_id, id);
      CREATE UNIQUE INDEX import_jobs_one_active ON import_jobs (dataset_id)
        WHERE state IN ('queued', 'running');
    `,
  },
  {
    version: 8,
    name: 'portal settings: values and files (the logo) administrators set in the back office',
    sql: `
      CREATE TABLE portal_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE portal_assets (
        name TEXT PRIMARY KEY,
        content_type TEXT NOT NULL,
        body BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: "a dataset's processors, kept with its source and applied at each import",
    sql: `
      ALTER TABLE dataset_sources ADD COLUMN processors TEXT NOT NULL DEFAULT '[]';
    `,
  },
  {
    version: 10,
    name: "the schema editor's edits of each dataset's fields, applied again at each import",
    sql: `
      CREATE TABLE dataset_schemas (
        dataset_id TEXT PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
        fields TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      );
    `,
  },
  {
    version: 11,
    name: 'API quotas: the calls of each caller per day, counted by every process of the store',
    sql: `
      CREATE TABLE api_quota_counts (
        day TEXT NOT NULL,
        caller TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, caller)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 12,
    name: 'a counter of changes to what a dataset is read from, so processes keep datasets in memory',
    sql: `
      CREATE TABLE metadata_generation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL
      );
      INSERT INTO metadata_generation (id, value) VALUES (1, 0);
      CREATE TRIGGER datasets_insert_generation AFTER INSERT ON datasets
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER datasets_update_generation AFTER UPDATE ON datasets
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER datasets_delete_generation AFTER DELETE ON datasets
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER dataset_versions_insert_generation AFTER INSERT ON dataset_versions
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER dataset_versions_update_generation AFTER UPDATE ON dataset_versions
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER dataset_versions_delete_generation AFTER DELETE ON dataset_versions
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER attachments_insert_generation AFTER INSERT ON attachments
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER attachments_update_generation AFTER UPDATE ON attachments
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER attachments_delete_generation AFTER DELETE ON attachments
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER dataset_grants_insert_generation AFTER INSERT ON dataset_grants
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER dataset_grants_update_generation AFTER UPDATE ON dataset_grants
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
      CREATE TRIGGER dataset_grants_delete_generation AFTER DELETE ON dataset_grants
        BEGIN UPDATE metadata_generation SET value = value + 1; END;
    `,
  },
  {
    version: 13,
    // PostgreSQL's triggers tell the change feed of dataset changes; SQLite's processes check
    // the generation above instead. The number keeps both engines' schemas at one version.
    name: 'the change feed notices of PostgreSQL stores; nothing on SQLite',
    sql: '',
  },
];
