// Requests per second on the filtered records page (bench/bench-queries.ts): autocannon in this
// process, 50 connections for 10 s, against the portal serving in another (bench/server.ts).
// Prints the figures as JSON.
//   node --import tsx bench/throughput-child.ts STORE [SECONDS]

import { THROUGHPUT_PATH } from './bench-queries.ts';
import { runLoad } from './load.ts';
import { startServer } from './server.ts';

const [spec, seconds = '10'] = process.argv.slice(2);
if (!spec) {
  console.error('usage: throughput-child.ts STORE [SECONDS]');
  process.exit(2);
}
const server = await startServer(spec);
try {
  const url = server.url + THROUGHPUT_PATH;
  // One short warm-up so that the figure is the serving state's, not the first requests'.
  await runLoad({ url, connections: 10, duration: 1 });
  const result = await runLoad({ url, connections: 50, duration: Number(seconds) });
  console.log(
    JSON.stringify({ throughput: { ...result, connections: 50, seconds: Number(seconds) } }),
  );
} finally {
  await server.stop();
}
