// Latency of the bench's queries (bench/bench-queries.ts) over HTTP on loopback: the portal
// serves in another process (bench/server.ts), this one sends the requests one at a time on a
// kept-alive connection. Prints, as JSON, the record id used and per query the first (cold)
// time, the median and the 99th percentile in milliseconds.

import { QUERIES, RECORD_ID_PATH, timeRuns } from './bench-queries.ts';
import { closeConnections, httpGet } from './http-get.ts';
import { startServer } from './server.ts';

const spec = process.argv[2];
if (!spec) {
  console.error('usage: queries-child.ts STORE');
  process.exit(2);
}
const server = await startServer(spec);
try {
  const first = await httpGet(server.url + RECORD_ID_PATH);
  const links = JSON.parse(first.body) as { results?: { _links?: { href: string }[] }[] };
  const href = links.results?.[0]?._links?.[0]?.href ?? '';
  const recordId = decodeURIComponent(href.split('/').pop() ?? '');
  if (first.status !== 200 || !recordId) throw new Error(`no record id: ${first.body}`);

  const queries: Record<string, { firstMs: number; medianMs: number; p99Ms: number }> = {};
  for (const query of QUERIES) {
    const url = server.url + query.path.replace('{id}', encodeURIComponent(recordId));
    const answer = await httpGet(url);
    if (answer.status !== 200)
      throw new Error(`${query.key}: HTTP ${answer.status} ${answer.body}`);
    // A query that finds nothing times little worth knowing (offset 9980 of a small dataset).
    if (/"results":\[\]/.test(answer.body)) console.error(`warning: ${query.key} finds nothing`);
    queries[query.key] = await timeRuns(async () => {
      const { status } = await httpGet(url);
      if (status !== 200) throw new Error(`${query.key}: HTTP ${status}`);
    });
  }
  console.log(JSON.stringify({ recordId, queries }));
} finally {
  closeConnections();
  await server.stop();
}
