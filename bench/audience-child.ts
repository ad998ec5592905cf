// The cost of the audience measurement (#9) on a cached records query: the same Explore v2.1
// records request, answered 304 from its ETag (the cheapest answer the portal gives, so the
// recording's share is at its largest), with the recorder off and on, in alternating rounds
// through the real app with inject(); prints requests/s of each and the overhead, then JSON.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AudienceService } from '../src/analytics/index.ts';
import { buildApp, buildServices, openStorage } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { loadDemoIfEmpty } from '../src/ingest/demo.ts';

const ROUNDS = 10;
const ROUND_MS = 1000;
const CONCURRENCY = 8;
const URL =
  '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=10&where=synthese_eval_sanit%3D%22Satisfaisant%22';
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const home = mkdtempSync(join(tmpdir(), 'datagora-bench-audience-'));
try {
  const config = loadConfig({ DATAGORA_HOME: home, DATAGORA_LOG_LEVEL: 'silent' });
  const engine = await openStorage(config);
  await loadDemoIfEmpty(engine);
  const apps = {
    off: await buildApp(config, {
      engine,
      logger: false,
      services: {
        ...buildServices(engine, config),
        audience: new AudienceService(engine.audience, { enabled: false }),
      },
    }),
    on: await buildApp(config, {
      engine,
      logger: false,
      services: {
        ...buildServices(engine, config),
        // Flushed every second, with room for every hit: the whole cost, drops excluded.
        audience: new AudienceService(engine.audience, {
          enabled: true,
          flushIntervalMs: 1000,
          capacity: 1_000_000,
        }),
      },
    }),
  };
  const first = await apps.off.inject({ url: URL });
  const etag = String(first.headers.etag);
  if (first.statusCode !== 200 || !etag) throw new Error(`${URL}: ${first.statusCode}, no ETag`);
  let address = 0;
  const request = (app: (typeof apps)['on']) =>
    app.inject({
      url: URL,
      remoteAddress: `203.0.${(address >> 8) & 255}.${address++ & 255}`,
      headers: { 'if-none-match': etag, 'user-agent': UA },
    });

  /** Requests per second of wall time, and per second of the process's CPU time. */
  async function round(app: (typeof apps)['on']): Promise<{ wall: number; cpu: number }> {
    let done = 0;
    const cpu = process.cpuUsage();
    const end = performance.now() + ROUND_MS;
    const worker = async () => {
      while (performance.now() < end) {
        const response = await request(app);
        if (response.statusCode !== 304)
          throw new Error(`expected 304, got ${response.statusCode}`);
        done++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const used = process.cpuUsage(cpu);
    return {
      wall: done / ((performance.now() - started) / 1000),
      cpu: done / ((used.user + used.system) / 1e6),
    };
  }

  await round(apps.off);
  await round(apps.on); // warm-up of both
  const rates: { off: { wall: number; cpu: number }[]; on: { wall: number; cpu: number }[] } = {
    off: [],
    on: [],
  };
  // Alternating which goes first, so that neither gains from the order.
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      rates.off.push(await round(apps.off));
      rates.on.push(await round(apps.on));
    } else {
      rates.on.push(await round(apps.on));
      rates.off.push(await round(apps.off));
    }
  }
  await apps.on.close();
  await apps.off.close();
  await engine.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const off = median(rates.off.map((r) => r.wall));
  const on = median(rates.on.map((r) => r.wall));
  const offCpu = median(rates.off.map((r) => r.cpu));
  const onCpu = median(rates.on.map((r) => r.cpu));
  const overheadPercent = ((off - on) / off) * 100;
  const cpuOverheadPercent = ((offCpu - onCpu) / offCpu) * 100;
  const line = (name: string, value: string) =>
    console.log(`audience: ${name.padEnd(44)} ${value}`);
  line('cached records query (304), recording off', `${Math.round(off)} req/s`);
  line('cached records query (304), recording on', `${Math.round(on)} req/s`);
  line('recording overhead, wall time', `${overheadPercent.toFixed(1)} %  (target < 5 %)`);
  line('per CPU second: off / on', `${Math.round(offCpu)} / ${Math.round(onCpu)} req`);
  line('recording overhead, CPU time', `${cpuOverheadPercent.toFixed(1)} %  (target < 5 %)`);
  console.log(
    JSON.stringify({
      audience: {
        offPerSecond: off,
        onPerSecond: on,
        overheadPercent,
        offPerCpuSecond: offCpu,
        onPerCpuSecond: onCpu,
        cpuOverheadPercent,
      },
    }),
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
