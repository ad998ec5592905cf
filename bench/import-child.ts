// Imports one CSV into a fresh store and prints its figures as JSON (run by bench/run.ts,
// in its own process so that its peak memory is its own).

import { readFileSync } from 'node:fs';

import { importCsvFile } from '../src/ingest/import-csv-file.ts';
import { openStore } from './store.ts';

const [csvPath, storePath] = process.argv.slice(2);
if (!csvPath || !storePath) {
  console.error('usage: import-child.ts CSV STORE');
  process.exit(2);
}
/** CPU seconds of the main thread alone (Linux; null elsewhere): the writer's critical path. */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15 of the line) in clock ticks, 100 per second on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const engine = await openStore(storePath);
const started = process.hrtime.bigint();
let readingEnded = started;
const report = await importCsvFile(
  engine,
  { datasetId: 'bench_alimconfiance', path: csvPath },
  {
    onPhase: (phase) => {
      if (phase === 'indexing') readingEnded = process.hrtime.bigint();
    },
  },
);
const ended = process.hrtime.bigint();
await engine.close();
const seconds = Number(ended - started) / 1e9;
console.log(
  JSON.stringify({
    rows: report.rows,
    seconds,
    loadSeconds: Number(readingEnded - started) / 1e9,
    indexSeconds: Number(ended - readingEnded) / 1e9,
    rowsPerSecond: report.rows / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    // CPU time of all threads: a figure less sensitive than the others to other work running.
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    mainThreadCpuSeconds: mainThreadCpuSeconds(),
  }),
);
