// The import's floor: what SQLite alone spends to hold the records as an import leaves them, with
// none of the portal's code around it (no file read, no parsing, no record ids, no binding). On a
// scratch file beside the store, with the settings of the import's writer connection, it copies
// the imported version's rows into a table of the same schema (`INSERT … SELECT`), builds its
// full-text index in one statement, then its B-tree indexes, all with the store's own SQL
// (record-table.ts), and prints as JSON the CPU time of each step (the process's, all threads).
// The work is the least any import of these rows must do, so `cores × rows ÷ CPU` is the most
// rows per second any import can reach on this machine. Run by bench/run.ts after import-child.ts.

import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

import { openWriteConnection } from '../src/storage/sqlite/connection.ts';
import {
  createFtsSql,
  createIndexSqls,
  createTableSql,
  dataColumns,
  ftsInsertSql,
} from '../src/storage/sqlite/record-table.ts';
import { quoteName } from '../src/storage/sqlite/quote.ts';
import { RECORD_ID_COLUMN, ROW_NUMBER_COLUMN } from '../src/core/columns.ts';
import { DATASET_ID } from './bench-queries.ts';
import { openStore, parseStore } from './store.ts';

const [spec] = process.argv.slice(2);
const store = spec ? parseStore(spec) : null;
if (store?.engine !== 'sqlite') {
  console.error('usage: import-floor-child.ts STORE.sqlite');
  process.exit(2);
}

const engine = await openStore(store.path);
const version = (await engine.metadata.getDataset(DATASET_ID))?.current;
await engine.close();
if (!version) throw new Error(`${DATASET_ID} is not imported in ${store.path}`);

const scratchPath = join(store.home, 'import-floor.sqlite');
const removeScratch = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(scratchPath + suffix, { force: true });
};
removeScratch();
const db = openWriteConnection(scratchPath);
db.prepare('ATTACH ? AS src').run(store.path);

/** Runs `step` and returns the process's CPU seconds (all threads) and the wall seconds. */
function measured(step: () => void): { cpuSeconds: number; seconds: number } {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  step();
  const used = process.cpuUsage(cpu);
  return {
    cpuSeconds: (used.user + used.system) / 1e6,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

const table = 'floor_records';
const { fields, recordsCount } = version;
const columns = [ROW_NUMBER_COLUMN, RECORD_ID_COLUMN, ...dataColumns(fields).map((c) => c.name)]
  .map(quoteName)
  .join(', ');
try {
  db.exec(createTableSql(table, fields));
  const rows = measured(() =>
    db
      .transaction(() =>
        db.exec(
          `INSERT INTO main.${quoteName(table)} (${columns}) ` +
            `SELECT ${columns} FROM src.${quoteName(version.table)}`,
        ),
      )
      .immediate(),
  );
  const ftsCreate = createFtsSql(table, fields);
  const ftsInsert = ftsInsertSql(table, fields);
  const text = measured(() => {
    if (ftsCreate === null || ftsInsert === null) return;
    db.exec(ftsCreate);
    db.transaction(() => db.prepare(ftsInsert).run(0, recordsCount)).immediate();
  });
  const indexes = measured(() => {
    for (const sql of createIndexSqls(table, fields)) db.exec(sql);
  });
  const cpuSeconds = rows.cpuSeconds + text.cpuSeconds + indexes.cpuSeconds;
  const cores = availableParallelism();
  console.log(
    JSON.stringify({
      rows: recordsCount,
      rowsCpuSeconds: rows.cpuSeconds,
      textCpuSeconds: text.cpuSeconds,
      indexCpuSeconds: indexes.cpuSeconds,
      cpuSeconds,
      seconds: rows.seconds + text.seconds + indexes.seconds,
      cores,
      maxRowsPerSecond: (cores * recordsCount) / cpuSeconds,
    }),
  );
} finally {
  db.close();
  removeScratch();
}
