// Endurance: 60 s of mixed load (site pages, records, facets, small exports; bench-queries.ts)
// at 50 connections, autocannon in this process and the portal in another. Prints as JSON the
// errors (connection errors, timeouts, answers other than 2xx), the serving process's memory,
// sampled every second, with its growth (anonymous memory, the highest of seconds 10-30 against
// the highest of the last twenty), whether the portal still answers a records query after the
// load and closes when asked.
//   node --import tsx bench/endurance-child.ts STORE [SECONDS]

import { MIXED_PATHS, THROUGHPUT_PATH } from './bench-queries.ts';
import { closeConnections, httpGet } from './http-get.ts';
import { runLoad } from './load.ts';
import { startServer } from './server.ts';

const [spec, seconds = '60'] = process.argv.slice(2);
if (!spec) {
  console.error('usage: endurance-child.ts STORE [SECONDS]');
  process.exit(2);
}
const duration = Number(seconds);

type Sample = { second: number; rssMb: number; anonMb: number; heapMb: number };

/** The samples of one figure taken from `start` (included) to `stop`, or all when none is. */
function samplesBetween(
  all: readonly Sample[],
  figure: 'rssMb' | 'anonMb',
  start: number,
  stop: number,
) {
  const inside = all.filter((s) => s.second >= start && s.second < stop).map((s) => s[figure]);
  return inside.length > 0 ? inside : all.map((s) => s[figure]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const server = await startServer(spec);
const samples: Sample[] = [];
const started = performance.now();
const sampler = setInterval(() => {
  const second = Math.round((performance.now() - started) / 1000);
  const { anonMb } = server.usage();
  void server.memory().then((m) => samples.push({ second, anonMb, ...m }));
}, 1000);
const result = await runLoad({ url: server.url, connections: 50, duration, paths: MIXED_PATHS });
clearInterval(sampler);
samples.push({ second: duration, anonMb: server.usage().anonMb, ...(await server.memory()) });
// Growth is judged on anonymous memory, the processes' own. The resident size also counts the
// pages of the store file the reader threads map (up to 1 GiB each): it climbs as queries touch
// more of the file and falls by tens of MB whenever a reader unmaps it for an export.
// Own memory is a saw-tooth too: it climbs 40 to 60 MB while the allocator keeps what the reader
// threads freed (each small export is a few hundred KB of new buffers) and falls back when it
// returns it, every 10 to 30 s. Medians of ten seconds caught one phase or the other: 2 % and
// 34 % in two runs of the same code. A leak raises the tops of the teeth, so growth compares the
// highest sample of a start window (from the 10th second, after the first requests filled the
// caches) with the highest of the end window, each twenty seconds long, at least one tooth
// (a third of a shorter run). The medians are kept beside them.
const windowSeconds = Math.max(1, Math.min(20, duration / 3));
const fromSecond = Math.min(10, duration / 6);
const startWindow = (figure: 'rssMb' | 'anonMb') =>
  samplesBetween(samples, figure, fromSecond, fromSecond + windowSeconds);
const endWindow = (figure: 'rssMb' | 'anonMb') =>
  samplesBetween(samples, figure, duration - windowSeconds, duration + 1);
const from = Math.max(...startWindow('anonMb'));
const end = Math.max(...endWindow('anonMb'));
const growthPercent = ((end - from) / from) * 100;

// After the load: a records query answered within 10 s, and the server closing within 15 s.
const after = performance.now();
const answered = await Promise.race([
  httpGet(server.url + THROUGHPUT_PATH).then((a) => a.status === 200),
  new Promise<boolean>((resolve) => setTimeout(resolve, 10_000, false).unref()),
]);
const answerMs = performance.now() - after;
closeConnections();
const closed = await server.stop();
console.log(
  JSON.stringify({
    endurance: {
      ...result,
      seconds: duration,
      connections: 50,
      anonFromMb: from,
      anonEndMb: end,
      anonMedianFromMb: median(startWindow('anonMb')),
      anonMedianEndMb: median(endWindow('anonMb')),
      rssFromMb: Math.max(...startWindow('rssMb')),
      rssEndMb: Math.max(...endWindow('rssMb')),
      fromSecond,
      windowSeconds,
      growthPercent,
      answersAfter: answered ? 1 : 0,
      answerAfterMs: answerMs,
      closes: closed ? 1 : 0,
      samples,
    },
  }),
);
process.exit(0);
