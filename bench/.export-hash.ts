// Serves the store and prints the SHA-256 and size of each export URL given (paths after the dataset's exports/).
import { createHash } from 'node:crypto';
import { get } from 'node:http';
const root = process.cwd();
const { buildApp } = await import(`${root}/src/app.ts`);
const { loadConfig } = await import(`${root}/src/config/index.ts`);
const { openStore, storeEnvironment } = await import(`${root}/bench/store.ts`);
const [storePath, ...paths] = process.argv.slice(2);
const config = loadConfig(storeEnvironment(storePath));
const engine = await openStore(storePath, { queryTimeoutMs: 600_000 });
const app = await buildApp(config, { engine, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
for (const p of paths) {
  const url = `${address}/api/explore/v2.1/catalog/datasets/bench_alimconfiance/exports/${p}`;
  const t0 = Date.now();
  const result = await new Promise<string>((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'identity' } }, (res) => {
      const h = createHash('sha256'); let n = 0;
      res.on('data', (c: Buffer) => { h.update(c); n += c.length; });
      res.on('end', () => resolve(`${res.statusCode} ${n} ${h.digest('hex')}`));
    }).on('error', reject);
  });
  console.log(`${p}\t${result}\t${Date.now() - t0} ms`);
}
await app.close();
await engine.close();
