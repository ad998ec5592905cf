// Latency of the bench's queries (bench/bench-queries.ts) over HTTP on loopback, beside their
// floor (bench/floor.ts: the same compiled SQL straight on the engine). The portal serves in
// another process (bench/server.ts); this one sends the requests one at a time on a kept-alive
// connection. Each query is timed twice over HTTP: in a burst of 300 requests one right after the
// other (the figure judged against the targets: a server kept busy), and with the floor's
// statements run between two requests, so that both meet the same load (the server then waits
// idle, tens to hundreds of milliseconds, before each request: on these machines waking up
// costs about a millisecond). Prints, as JSON, the record id used and per query the first time,
// the median and the 99th percentile in milliseconds: in the burst, after the floor, and on the
// engine.
//   node --import tsx bench/queries-child.ts STORE

import type { Timing } from './bench-queries.ts';
import { QUERIES, RECORD_ID_PATH, timeBurst, timeInterleaved } from './bench-queries.ts';
import { openFloor } from './floor.ts';
import { closeConnections, httpGet } from './http-get.ts';
import { startServer } from './server.ts';

const spec = process.argv[2];
if (!spec) {
  console.error('usage: queries-child.ts STORE');
  process.exit(2);
}
const server = await startServer(spec);
const floor = await openFloor(spec);
try {
  const first = await httpGet(server.url + RECORD_ID_PATH);
  const links = JSON.parse(first.body) as { results?: { _links?: { href: string }[] }[] };
  const href = links.results?.[0]?._links?.[0]?.href ?? '';
  const recordId = decodeURIComponent(href.split('/').pop() ?? '');
  if (first.status !== 200 || !recordId) throw new Error(`no record id: ${first.body}`);

  const http: Record<string, Timing> = {};
  const afterFloor: Record<string, Timing> = {};
  const engine: Record<string, Timing & { statements: number }> = {};
  for (const query of QUERIES) {
    const url = server.url + query.path.replace('{id}', encodeURIComponent(recordId));
    const answer = await httpGet(url);
    if (answer.status !== 200)
      throw new Error(`${query.key}: HTTP ${answer.status} ${answer.body}`);
    const direct = floor.prepare(query, recordId);
    // A query that finds nothing times little worth knowing (offset 9980 of a small dataset).
    if ((await direct.run()) === 0) console.error(`warning: ${query.key} finds nothing`);
    const get = async () => {
      const { status } = await httpGet(url);
      if (status !== 200) throw new Error(`${query.key}: HTTP ${status}`);
    };
    const [overHttp, onEngine] = await timeInterleaved(get, direct.run);
    http[query.key] = await timeBurst(get);
    afterFloor[query.key] = overHttp;
    engine[query.key] = { ...onEngine, statements: direct.statements };
  }
  console.log(JSON.stringify({ recordId, http, afterFloor, floor: engine }));
} finally {
  closeConnections();
  await floor.close();
  await server.stop();
}
