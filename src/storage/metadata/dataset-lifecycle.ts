// Publishing, deleting and rolling back datasets, each in one transaction. Synchronous.

import type Database from 'better-sqlite3';

import type { Dataset } from '../../core/dataset.ts';
import { PortalError } from '../../core/errors.ts';
import type { Rollback } from '../engine.ts';
import type { DatasetRepository } from './dataset-repository.ts';
import type { RecordTables } from './record-tables.ts';
import type { VersionRepository } from './version-repository.ts';

export class DatasetLifecycle {
  constructor(
    private readonly db: Database.Database,
    private readonly datasets: DatasetRepository,
    private readonly versions: VersionRepository,
    private readonly tables: RecordTables,
  ) {}

  setPublished(id: string, published: boolean): Dataset {
    const changed = this.db
      .prepare('UPDATE datasets SET published = ? WHERE id = ?')
      .run(published ? 1 : 0, id).changes;
    if (changed === 0) throw notFound(id);
    return this.datasets.get(id)!;
  }

  delete(id: string): Dataset {
    return this.db
      .transaction(() => {
        const dataset = this.datasets.get(id);
        if (!dataset) throw notFound(id);
        for (const version of this.versions.listOf(id)) this.tables.drop(version.table);
        // Versions, attachments, grants and editors' rights go by ON DELETE CASCADE.
        this.db.prepare('UPDATE datasets SET current_version_id = NULL WHERE id = ?').run(id);
        this.db.prepare('DELETE FROM datasets WHERE id = ?').run(id);
        return dataset;
      })
      .immediate();
  }

  rollback(id: string): Rollback {
    return this.db
      .transaction(() => {
        const dataset = this.datasets.get(id);
        if (!dataset) throw notFound(id);
        const from = dataset.current;
        const target = from
          ? this.versions.retiredBefore(id, from.id).find((v) => this.tables.exists(v.table))
          : undefined;
        if (!from || !target) {
          throw new PortalError('DG_ERR_DATASET_NO_PREVIOUS_VERSION', { dataset_id: id });
        }
        this.versions.restore(target.id, id);
        return { from: this.versions.get(from.id)!, to: this.versions.get(target.id)! };
      })
      .immediate();
  }
}

function notFound(id: string): PortalError {
  return new PortalError('DG_ERR_DATASET_NOT_FOUND', { dataset_id: id });
}
