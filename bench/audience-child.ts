// The cost of the audience measurement (#9) on a cached records query. One app on the demo data
// counts its audience; the same Explore v2.1 records request is sent to it one at a time, counted
// and not counted in turn (a `DNT: 1` header, which the recorder honours before doing anything),
// for two kinds of answer: a 200 from the result cache, and a 304 from the ETag (the cheapest
// answer, where the recording weighs most). The recorder's timer is off: every 500 counted
// requests, the counted request writes the counters itself, inside its own time (a portal writes
// once a minute, so the writes weigh more here than there).
//
// Each request's time is taken on the clock, to the microsecond: these machines account CPU time
// by 4 ms ticks, far coarser than a request. Alternating the two sides request by request spreads
// the machine's other work and the collections over both alike, in proportion to their time and
// allocations. The figure is the overhead of the mean time without its slowest 1 % on each side
// (other processes taking the core, the rare full collection: one of those weighs as much as
// twenty requests and would need far more requests to average out), with a 95 % interval from
// resampling blocks of requests; the medians' overhead and the plain means' are printed beside it.
//
// Why not two apps or two processes measured over rounds: two identical apps differ by several
// per cent from one another whatever they do (their heaps, their compiled code), which hid the
// effect measured. What a request not counted still pays is the hook's call and its look at the
// DNT header.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AudienceService } from '../src/analytics/index.ts';
import { buildApp, buildServices, openStorage } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { loadDemoIfEmpty } from '../src/ingest/demo.ts';

/** Requests of each kind and side. */
const REQUESTS = 15_000;
const WARM_UP = 2_000;
const FLUSH_EVERY = 500;
const BLOCK = 150;
const RESAMPLES = 400;
const URL =
  '/api/explore/v2.1/catalog/datasets/export_alimconfiance/records?limit=10&where=synthese_eval_sanit%3D%22Satisfaisant%22';
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** `cached`: a 200 from the result cache; `etag`: a 304. */
type Kind = 'cached' | 'etag';

const home = mkdtempSync(join(tmpdir(), 'datagora-bench-audience-'));
try {
  const config = loadConfig({ DATAGORA_HOME: home, DATAGORA_LOG_LEVEL: 'silent' });
  const engine = await openStorage(config);
  await loadDemoIfEmpty(engine);
  // Room for every hit: the whole cost, drops excluded.
  const audience = new AudienceService(engine.audience, {
    enabled: true,
    flushIntervalMs: 0,
    capacity: 1_000_000,
  });
  const app = await buildApp(config, {
    engine,
    logger: false,
    services: { ...buildServices(engine, config), audience },
  });
  const first = await app.inject({ url: URL, headers: { dnt: '1' } });
  const etag = String(first.headers.etag);
  if (first.statusCode !== 200 || !etag) throw new Error(`${URL}: ${first.statusCode}, no ETag`);

  let address = 0;
  let counted = 0;
  /** The time of one request, in µs. */
  async function request(kind: Kind, count: boolean): Promise<number> {
    const started = performance.now();
    const response = await app.inject({
      url: URL,
      // A new visitor each time: the recorder's per-visitor work is never spared.
      remoteAddress: `203.0.${(address >> 8) & 255}.${address++ & 255}`,
      headers: {
        'user-agent': UA,
        ...(count ? {} : { dnt: '1' }),
        ...(kind === 'etag' ? { 'if-none-match': etag } : {}),
      },
    });
    const expected = kind === 'etag' ? 304 : 200;
    if (response.statusCode !== expected) {
      throw new Error(`expected ${expected}, got ${response.statusCode}`);
    }
    if (count && ++counted % FLUSH_EVERY === 0) await audience.flush();
    return (performance.now() - started) * 1000;
  }

  const kinds: Kind[] = ['cached', 'etag'];
  const samples: Record<Kind, { on: number[]; off: number[] }> = {
    cached: { on: [], off: [] },
    etag: { on: [], off: [] },
  };
  for (const kind of kinds) {
    for (let i = 0; i < WARM_UP; i++) await request(kind, i % 2 === 0);
  }
  for (let i = 0; i < REQUESTS; i++) {
    for (const kind of kinds) {
      // Alternate which side goes first, so neither always follows the other.
      const onFirst = i % 2 === 0;
      const a = await request(kind, onFirst);
      const b = await request(kind, !onFirst);
      const [on, off] = onFirst ? [a, b] : [b, a];
      samples[kind].on.push(on);
      samples[kind].off.push(off);
    }
  }
  await audience.flush();
  // Every counted request, and no other, reached the store.
  const today = new Date().toISOString().slice(0, 10);
  const { totals } = await audience.report({ from: today, to: today });
  if (totals.apiCalls !== counted || totals.dropped !== 0) {
    throw new Error(`${totals.apiCalls} API calls stored, ${counted} counted`);
  }
  await app.close();
  await engine.close();

  const sorted = (values: number[]) => Float64Array.from(values).sort();
  const median = (values: number[]) => sorted(values)[values.length >> 1]!;
  const mean = (values: ArrayLike<number>, count = values.length) => {
    let total = 0;
    for (let i = 0; i < count; i++) total += values[i]!;
    return total / count;
  };
  /** The mean without the slowest 1 %. */
  const trimmed = (values: number[]) => mean(sorted(values), Math.floor(values.length * 0.99));
  const overhead = (on: number, off: number) => (on / off - 1) * 100;
  /** A 95 % interval of an overhead from resampling blocks of pairs (fixed seed). */
  const interval = (
    on: number[],
    off: number[],
    of: (values: number[]) => number,
  ): [number, number] => {
    const blocks = Math.floor(on.length / BLOCK);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const estimates = Array.from({ length: RESAMPLES }, () => {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < blocks; i++) {
        const from = Math.floor(random() * blocks) * BLOCK;
        a.push(...on.slice(from, from + BLOCK));
        b.push(...off.slice(from, from + BLOCK));
      }
      return overhead(of(a), of(b));
    }).sort((x, y) => x - y);
    return [estimates[Math.floor(0.025 * RESAMPLES)]!, estimates[Math.floor(0.975 * RESAMPLES)]!];
  };
  const line = (name: string, value: string) =>
    console.log(`audience: ${name.padEnd(50)} ${value}`);
  const percent = (value: number) => `${value.toFixed(1)} %`;

  const figures: Record<string, number | number[]> = { requests: REQUESTS };
  for (const kind of kinds) {
    const { on, off } = samples[kind];
    const name = kind === 'cached' ? 'cached records query (200)' : 'records query, ETag (304)';
    const [onTime, offTime] = [trimmed(on), trimmed(off)];
    const figure = overhead(onTime, offTime);
    const [low, high] = interval(on, off, trimmed);
    line(
      `${name}, µs off / on`,
      `${offTime.toFixed(1)} / ${onTime.toFixed(1)} (99 % trimmed mean)`,
    );
    line(`${name}, req/s off, one at a time`, `${Math.round(1e6 / mean(off))}`);
    line(
      `${name}, recording overhead`,
      `${percent(figure)} (95 % ${low.toFixed(1)} to ${high.toFixed(1)})  (target < 5 %)`,
    );
    line(
      `${name}, overhead of the medians / of the means`,
      `${percent(overhead(median(on), median(off)))} / ${percent(overhead(mean(on), mean(off)))}`,
    );
    const key = (base: string) =>
      kind === 'cached' ? base : `etag${base[0]!.toUpperCase()}${base.slice(1)}`;
    figures[key('offMicros')] = offTime;
    figures[key('onMicros')] = onTime;
    figures[key('overheadPercent')] = figure;
    figures[key('overheadInterval')] = [low, high];
  }
  console.log(JSON.stringify({ audience: figures }));
} finally {
  rmSync(home, { recursive: true, force: true });
}
