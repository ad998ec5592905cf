// Endurance: 60 s of mixed load (site pages, records, facets, small exports; bench-queries.ts)
// at 50 connections, autocannon in this process and the portal in another. Prints as JSON the
// errors (connection errors, timeouts, answers other than 2xx), the serving process's memory,
// sampled every second, with its growth from the 10th second to the end, and whether the portal
// still answers a records query after the load and closes when asked.
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
const server = await startServer(spec);
const samples: { second: number; rssMb: number; heapMb: number }[] = [];
const started = performance.now();
const sampler = setInterval(() => {
  const second = Math.round((performance.now() - started) / 1000);
  void server.memory().then((m) => samples.push({ second, ...m }));
}, 1000);
const result = await runLoad({ url: server.url, connections: 50, duration, paths: MIXED_PATHS });
clearInterval(sampler);
const end = { second: duration, ...(await server.memory()) };
samples.push(end);
// The 10th second (or a sixth of a shorter run): after the first requests filled the caches.
const from = samples.find((s) => s.second >= Math.min(10, duration / 6)) ?? samples[0]!;
const growthPercent = ((end.rssMb - from.rssMb) / from.rssMb) * 100;

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
      rssFromMb: from.rssMb,
      fromSecond: from.second,
      rssEndMb: end.rssMb,
      growthPercent,
      answersAfter: answered ? 1 : 0,
      answerAfterMs: answerMs,
      closes: closed ? 1 : 0,
      samples,
    },
  }),
);
process.exit(0);
