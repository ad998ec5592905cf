// The cost of the audience measurement (#9) on a cached records query: the same Explore v2.1
// records request, answered 304 from its ETag (the cheapest answer the portal gives, so the
// recording's share is at its largest), with the recorder off and on, in many short rounds taken
// in pairs (the order inside each pair alternates), through the real app with inject(). A pair's
// two rounds run under the same load, so its ratio is fair even on a shared machine; the figure
// is the median of the pairs' overheads, printed with their quartiles to show the spread.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AudienceService } from '../src/analytics/index.ts';
import { buildApp, buildServices, openStorage } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { loadDemoIfEmpty } from '../src/ingest/demo.ts';

const PAIRS = 60;
const ROUND_MS = 250;
const CONCURRENCY = 8;
const URL =
  '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=10&where=synthese_eval_sanit%3D%22Satisfaisant%22';
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** Requests per second of wall time, and per second of the process's CPU time. */
interface Rate {
  wall: number;
  cpu: number;
}

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

  async function round(app: (typeof apps)['on']): Promise<Rate> {
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
  const pairs: { off: Rate; on: Rate }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    if (i % 2 === 0) {
      const off = await round(apps.off);
      pairs.push({ off, on: await round(apps.on) });
    } else {
      const on = await round(apps.on);
      pairs.push({ on, off: await round(apps.off) });
    }
  }
  await apps.on.close();
  await apps.off.close();
  await engine.close();
  const quartiles = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
  };
  const overhead = (off: number, on: number) => ((off - on) / off) * 100;
  const wall = quartiles(pairs.map((p) => overhead(p.off.wall, p.on.wall)));
  const cpu = quartiles(pairs.map((p) => overhead(p.off.cpu, p.on.cpu)));
  const off = quartiles(pairs.map((p) => p.off.wall)).median;
  const on = quartiles(pairs.map((p) => p.on.wall)).median;
  const spread = (q: { q1: number; q3: number }) =>
    `(quartiles ${q.q1.toFixed(1)} to ${q.q3.toFixed(1)} %)`;
  const line = (name: string, value: string) =>
    console.log(`audience: ${name.padEnd(44)} ${value}`);
  line('cached records query (304), recording off', `${Math.round(off)} req/s`);
  line('cached records query (304), recording on', `${Math.round(on)} req/s`);
  line(
    `recording overhead, wall time (${PAIRS} pairs)`,
    `${wall.median.toFixed(1)} % ${spread(wall)}  (target < 5 %)`,
  );
  line(
    `recording overhead, CPU time (${PAIRS} pairs)`,
    `${cpu.median.toFixed(1)} % ${spread(cpu)}  (target < 5 %)`,
  );
  console.log(
    JSON.stringify({
      audience: {
        offPerSecond: off,
        onPerSecond: on,
        overheadPercent: wall.median,
        overheadQuartiles: [wall.q1, wall.q3],
        cpuOverheadPercent: cpu.median,
        cpuOverheadQuartiles: [cpu.q1, cpu.q3],
        pairs: PAIRS,
      },
    }),
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
