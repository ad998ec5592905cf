// Publishing, deleting and rolling back datasets, each in one transaction.

import type pg from 'pg';

import { PortalError } from '../../core/errors.ts';
import type { Rollback } from '../engine.ts';
import type { VersionRow } from './metadata-rows.ts';
import { storageError } from './errors.ts';
import { VERSION_COLUMNS, toVersion } from './metadata-rows.ts';
import { dropVersionTablesSql } from './record-table.ts';
import { qualified } from './quote.ts';
import { inTransaction } from './transaction.ts';

/** How long a delete waits for readers of the tables it drops before giving up. */
const DROP_LOCK_TIMEOUT = '10s';

export class PostgresDatasetLifecycle {
  private readonly datasets: string;
  private readonly versions: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {
    this.datasets = qualified(schema, 'datasets');
    this.versions = qualified(schema, 'dataset_versions');
  }

  async setPublished(id: string, published: boolean): Promise<void> {
    const result = await this.pool.query(
      `UPDATE ${this.datasets} SET published = $2 WHERE id = $1`,
      [id, published],
    );
    if (result.rowCount === 0) throw notFound(id);
  }

  /**
   * Versions, attachments, grants and editors' rights go by ON DELETE CASCADE. A table still read
   * after DROP_LOCK_TIMEOUT makes the whole delete fail (DG_ERR_STORAGE_UNAVAILABLE): nothing
   * changed, it can be tried again.
   */
  async delete(id: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await lockDataset(client, this.datasets, id);
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM ${this.versions} WHERE dataset_id = $1`,
        [id],
      );
      await client.query(`SET LOCAL lock_timeout = '${DROP_LOCK_TIMEOUT}'`);
      for (const { table_name } of tables.rows) {
        await client.query(dropVersionTablesSql(this.schema, table_name));
      }
      await client.query(`UPDATE ${this.datasets} SET current_version_id = NULL WHERE id = $1`, [
        id,
      ]);
      await client.query(`DELETE FROM ${this.datasets} WHERE id = $1`, [id]);
    }).catch((error: unknown) => {
      throw storageError(error);
    });
  }

  async rollback(id: string): Promise<Rollback> {
    return inTransaction(this.pool, async (client) => {
      const currentId = await lockDataset(client, this.datasets, id);
      const target =
        currentId === null
          ? undefined
          : (
              await client.query<VersionRow>(
                `SELECT ${VERSION_COLUMNS} FROM ${this.versions}
                 WHERE dataset_id = $1 AND status = 'retired' AND id < $2
                   AND to_regclass(format('%I.%I', $3::text, table_name)) IS NOT NULL
                 ORDER BY id DESC LIMIT 1`,
                [id, currentId, this.schema],
              )
            ).rows[0];
      if (currentId === null || !target) {
        throw new PortalError('DG_ERR_DATASET_NO_PREVIOUS_VERSION', { dataset_id: id });
      }
      const from = await client.query<VersionRow>(
        `UPDATE ${this.versions} SET status = 'retired' WHERE id = $1 RETURNING ${VERSION_COLUMNS}`,
        [currentId],
      );
      const to = await client.query<VersionRow>(
        `UPDATE ${this.versions} SET status = 'ready' WHERE id = $1 RETURNING ${VERSION_COLUMNS}`,
        [target.id],
      );
      await client.query(
        `UPDATE ${this.datasets}
         SET current_version_id = $2, data_processed_at = now(), modified_at = now()
         WHERE id = $1`,
        [id, target.id],
      );
      return { from: toVersion(from.rows[0]!), to: toVersion(to.rows[0]!) };
    }).catch((error: unknown) => {
      throw storageError(error);
    });
  }
}

/** Locks the dataset's row for the transaction; returns its current version id. */
async function lockDataset(
  client: pg.PoolClient,
  datasets: string,
  id: string,
): Promise<number | null> {
  const row = await client.query<{ current_version_id: number | null }>(
    `SELECT current_version_id FROM ${datasets} WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (row.rowCount === 0) throw notFound(id);
  return row.rows[0]!.current_version_id;
}

function notFound(id: string): PortalError {
  return new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: id });
}
