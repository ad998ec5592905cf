import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import Database from 'better-sqlite3';

import { isPortalError } from '../../src/core/errors.ts';
import { currentVersion, migrate } from '../../src/storage/metadata/migrate.ts';
import { MIGRATIONS } from '../../src/storage/metadata/migrations.ts';
import { openSqliteEngine } from '../../src/storage/sqlite/index.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'datagora-migrations-'));
}

test('migrations apply once, then a second run applies nothing', () => {
  const dir = tempDir();
  const db = new Database(join(dir, 'm.sqlite'));
  try {
    assert.deepEqual(
      migrate(db),
      MIGRATIONS.map((m) => m.version),
    );
    assert.deepEqual(migrate(db), []);
    assert.equal(currentVersion(db), MIGRATIONS.at(-1)!.version);
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    for (const table of ['attachments', 'dataset_versions', 'datasets', 'schema_migrations']) {
      assert.ok(tables.includes(table), `${table} exists`);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a later migration is applied to a store that has the earlier ones', () => {
  const dir = tempDir();
  const db = new Database(join(dir, 'm.sqlite'));
  try {
    migrate(db);
    const later = [...MIGRATIONS, { version: 1000, name: 'later', sql: 'CREATE TABLE later (x)' }];
    assert.deepEqual(migrate(db, later), [1000]);
    assert.deepEqual(migrate(db, later), []);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store written by a newer version refuses to open', async () => {
  const dir = tempDir();
  const path = join(dir, 'store.sqlite');
  try {
    const engine = await openSqliteEngine({ path, readers: 1 });
    await engine.close();
    const db = new Database(path);
    db.prepare(`INSERT INTO schema_migrations VALUES (99999, 'from the future', 'x')`).run();
    db.close();
    await assert.rejects(openSqliteEngine({ path, readers: 1 }), (error: unknown) => {
      assert.ok(isPortalError(error));
      assert.equal(error.code, 'DG_ERR_STORAGE_UNAVAILABLE');
      assert.match(error.message, /schema version 99999, newer than this Datagora knows/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('opening creates the folder and the file', async () => {
  const dir = tempDir();
  const path = join(dir, 'a', 'b', 'store.sqlite');
  try {
    const engine = await openSqliteEngine({ path, readers: 1 });
    await engine.close();
    const again = await openSqliteEngine({ path, readers: 1 });
    assert.deepEqual(await again.metadata.listDatasets(), []);
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migration 6 keeps the datasets that existed before it published, without owner', () => {
  const dir = tempDir();
  const db = new Database(join(dir, 'm6.sqlite'));
  try {
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 6),
    );
    db.prepare(
      `INSERT INTO datasets (id, uid, metas, created_at, modified_at, metadata_processed_at)
       VALUES ('old', 'da_old', '{}', '2024-01-01', '2024-01-01', '2024-01-01')`,
    ).run();
    assert.deepEqual(
      migrate(db),
      MIGRATIONS.filter((m) => m.version >= 6).map((m) => m.version),
    );
    assert.deepEqual(db.prepare('SELECT published, owner_id FROM datasets').get(), {
      published: 1,
      owner_id: null,
    });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
