// Endurance: 60 s of mixed load (site pages, records, facets, small exports; bench-queries.ts)
// at 50 connections, autocannon in this process and the portal in another. Prints as JSON the
// errors (connection errors, timeouts, answers other than 2xx) and the serving process's memory,
// sampled every second, with its growth from the 10th second to the end.
//   node --import tsx bench/endurance-child.ts STORE [SECONDS]

import { MIXED_PATHS } from './bench-queries.ts';
import { runLoad } from './load.ts';
import { startServer } from './server.ts';

const [spec, seconds = '60'] = process.argv.slice(2);
if (!spec) {
  console.error('usage: endurance-child.ts STORE [SECONDS]');
  process.exit(2);
}
const duration = Number(seconds);
const server = await startServer(spec);
try {
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
        samples,
      },
    }),
  );
} finally {
  await server.stop();
}
