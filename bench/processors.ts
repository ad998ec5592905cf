// The import processors' cost per record: each pipeline below runs over `--rows` records (the
// real 2019 Alim'confiance export, read once by the CSV reader and cycled), and prints CPU µs per
// record, the copy of the record that the measure needs taken out.
// Run with `node --import tsx bench/processors.ts [--rows N]`; exits 0.

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { Row } from '../src/core/cell.ts';
import type { ProcessorConfig } from '../src/core/processors.ts';
import { parseProcessors } from '../src/core/processors.ts';
import { inspectCsv, readCsv } from '../src/ingest/index.ts';
import { IssueLog } from '../src/ingest/issue-log.ts';
import { adminIndex, compile } from '../src/ingest/processors/index.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const total = Number(values.rows);

const ADMIN = {
  type: 'admin_divisions',
  field: 'code_postal',
  code: 'postal_code',
  communeName: 'libelle_commune',
};
const PIPELINES: Record<string, unknown[]> = {
  'rename + delete (fields only)': [
    { type: 'rename', field: 'ods_adresse', to: 'adresse' },
    { type: 'delete', field: 'agrement' },
  ],
  'set upper(libelle_commune)': [
    { type: 'set', field: 'commune', expression: 'upper(libelle_commune)' },
  ],
  'skip (ODSQL condition)': [
    {
      type: 'skip',
      where: "synthese_eval_sanit = 'A corriger de manière urgente' or date_inspection < '2018'",
    },
  ],
  'split_geo_point + geo_point': [
    { type: 'split_geo_point', field: 'geores', latitude: 'lat', longitude: 'lon' },
    { type: 'geo_point', latitude: 'lat', longitude: 'lon', to: 'point' },
  ],
  'date_format + normalize_date': [
    { type: 'set', field: 'jour', expression: "date_format(date_inspection, 'dd/MM/yyyy HH:mm')" },
    { type: 'normalize_date', field: 'jour', format: '%d/%m/%Y %H:%M', timezone: 'Europe/Paris' },
  ],
  'deduplicate (siret, numero_inspection)': [
    { type: 'deduplicate', fields: ['siret', 'numero_inspection'] },
  ],
  'admin_divisions (postal code + name)': [ADMIN],
  'all of the above': [
    { type: 'rename', field: 'ods_adresse', to: 'adresse' },
    { type: 'set', field: 'commune', expression: 'upper(libelle_commune)' },
    { type: 'skip', where: "synthese_eval_sanit = 'A corriger de manière urgente'" },
    { type: 'split_geo_point', field: 'geores', latitude: 'lat', longitude: 'lon' },
    { type: 'split', field: 'agrement', separator: '|' },
    ADMIN,
    // Last: the cycled records are all duplicates after the first round.
    { type: 'deduplicate', fields: ['siret', 'numero_inspection'] },
  ],
};

const path = fileURLToPath(new URL('../data/demo/export_alimconfiance.csv', import.meta.url));
const layout = await inspectCsv(path);
const source: Row[] = [];
await readCsv(path, layout, (rows) => {
  source.push(...rows);
});

/**
 * CPU ns per record of a pass over `total` copies of the source rows through `apply` (CPU
 * time, not wall time: the machines that run this are often shared).
 */
function pass(apply: (row: Row, line: number) => unknown): number {
  const start = process.cpuUsage();
  const n = source.length;
  for (let i = 0; i < total; i++) apply((source[i % n] as Row).slice(), i + 2);
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / total;
}

const indexStart = performance.now();
adminIndex();
const indexMs = performance.now() - indexStart;

pass(() => null);
const copyNs = Math.min(
  pass(() => null),
  pass(() => null),
);

console.log(`Processors over ${total} records (${source.length} distinct), µs per record`);
console.log(`${'pipeline'.padEnd(40)} ${'µs/rec'.padStart(8)} ${'kept'.padStart(9)} issues`);
for (const [name, configs] of Object.entries(PIPELINES)) {
  const processors: ProcessorConfig[] = parseProcessors(configs);
  let best = Infinity;
  let kept = 0;
  let issues = 0;
  for (let run = 0; run < 3; run++) {
    const pipeline = compile(processors, layout.fields, { timeZone: 'Europe/Paris' });
    const log = new IssueLog();
    let out = 0;
    const ns = pass((row, line) => {
      if (pipeline.apply(row, line, log) !== null) out++;
    });
    best = Math.min(best, ns);
    kept = out;
    issues = log.result().issueCount;
  }
  const us = Math.max(0, best - copyNs) / 1000;
  console.log(
    `${name.padEnd(40)} ${us.toFixed(3).padStart(8)} ${String(kept).padStart(9)} ${issues}`,
  );
}
console.log(
  `(record copy taken out: ${(copyNs / 1000).toFixed(3)} µs; administrative index built once in ${indexMs.toFixed(0)} ms)`,
);
