// Requests per second on the filtered records page (bench/bench-queries.ts): 50 connections for
// 10 s, against the portal serving in other processes (bench/server.ts) as `npm start` serves
// it on this machine (`DATAGORA_PROCESSES`'s default: one process per core, at most four; the
// judged figure), then as the other choice (one process, or two where the default is one).
// The client is wrk when it is installed (Debian's `wrk`), else autocannon in this process
// (bench/wrk.ts says why). Prints the figures as JSON.
//   node --import tsx bench/throughput-child.ts STORE [SECONDS]

import { defaultProcesses } from '../src/config/default-processes.ts';
import { THROUGHPUT_PATH } from './bench-queries.ts';
import { runLoad } from './load.ts';
import { startServer } from './server.ts';
import { hasWrk, runWrk } from './wrk.ts';

const [spec, seconds = '10'] = process.argv.slice(2);
if (!spec) {
  console.error('usage: throughput-child.ts STORE [SECONDS]');
  process.exit(2);
}
const client = hasWrk() ? 'wrk' : 'autocannon';
const load = client === 'wrk' ? runWrk : runLoad;
async function measure(processes: number) {
  const server = await startServer(spec!, processes);
  try {
    const url = server.url + THROUGHPUT_PATH;
    // One short warm-up so that the figure is the serving state's, not the first requests'.
    await load({ url, connections: 10, duration: 1 });
    const result = await load({ url, connections: 50, duration: Number(seconds) });
    return { ...result, connections: 50, seconds: Number(seconds), client, processes };
  } finally {
    await server.stop();
  }
}

const processes = defaultProcesses();
const byDefault = await measure(processes);
const other = await measure(processes > 1 ? 1 : 2);
console.log(JSON.stringify({ throughput: byDefault, throughputOther: other }));
