// Serves a store and prints, for each export path given (what follows the dataset's `exports/`:
// a format and its query string), the HTTP status, the size and the SHA-256 of the whole
// download: run on two checkouts with the same store to prove an export's bytes unchanged.
//
//   node --import tsx bench/export-hash.ts STORE DATASET 'json' 'csv?delimiter=,' …

import { createHash } from 'node:crypto';
import { get } from 'node:http';

import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { openStore, storeEnvironment } from './store.ts';

const [storePath, datasetId, ...paths] = process.argv.slice(2);
if (!storePath || !datasetId || paths.length === 0) {
  console.error('usage: export-hash.ts STORE DATASET PATH…');
  process.exit(2);
}
const config = loadConfig(storeEnvironment(storePath));
const engine = await openStore(storePath, { queryTimeoutMs: 600_000 });
const app = await buildApp(config, { engine, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

function digest(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'identity' } }, (response) => {
      const hash = createHash('sha256');
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      response.on('end', () => resolve(`${response.statusCode} ${bytes} ${hash.digest('hex')}`));
    }).on('error', reject);
  });
}

for (const path of paths) {
  const url = `${address}/api/explore/v2.1/catalog/datasets/${datasetId}/exports/${path}`;
  console.log(`${path}\t${await digest(url)}`);
}
await app.close();
await engine.close();
