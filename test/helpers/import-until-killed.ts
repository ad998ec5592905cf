// A child process for the killed-import test: opens the store given as argument, begins a version
// of the dataset given as second argument, and appends records until it is killed. It prints
// "loading <versionId> <table>" once a first step is committed to the version's table and the
// thread building its full-text index has created its file.
// Run: node --import tsx test/helpers/import-until-killed.ts <store path> <dataset id>

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { openSqliteEngine } from '../../src/storage/sqlite/index.ts';
import { textIndexBuildPath } from '../../src/storage/sqlite/text-index-builder.ts';
import { FLUSH_ROWS } from '../../src/storage/sqlite/version-writer.ts';
import { SAMPLE_FIELDS, sampleRows } from './sample-fields.ts';

const [path, datasetId] = process.argv.slice(2);
const engine = await openSqliteEngine({ path: path!, readers: 1 });
const writer = await engine.beginVersion({
  datasetId: datasetId!,
  fields: SAMPLE_FIELDS,
  source: 'never-ends.csv',
});
await writer.append(sampleRows(FLUSH_ROWS));
while (!existsSync(textIndexBuildPath(resolve(path!), writer.version.table))) {
  await writer.append(sampleRows(10));
  await new Promise((resolve) => setTimeout(resolve, 20));
}
console.log(`loading ${writer.version.id} ${writer.version.table}`);
for (;;) {
  await writer.append(sampleRows(1000));
  await new Promise((resolve) => setImmediate(resolve));
}
