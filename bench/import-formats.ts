// `node --import tsx bench/import-formats.ts [--rows 200000] [--formats json,jsonl,…]`:
// writes an Alim'confiance-like file of each streamed import format in a temporary folder,
// then reads each through its import format in a child process of its own (rows discarded),
// sampling the memory; prints rows/s, the peak heap, the heap kept after collections and the
// peak RSS, for a small and a large file, so that flat memory shows as equal peaks.

import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import ExcelJS from 'exceljs';
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';

import type { FormatName } from '../src/ingest/formats/index.ts';
import { importFormat } from '../src/ingest/formats/index.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    formats: { type: 'string', default: 'csv,json,jsonl,geojson,xlsx,parquet' },
    child: { type: 'string' },
    path: { type: 'string' },
  },
});

interface Sample {
  name: string;
  code: string;
  score: number;
  ok: boolean;
  day: string;
  lat: number;
  lon: number;
}

function sample(i: number): Sample {
  return {
    name: `ÉTABLISSEMENT ${i} — boulangerie pâtisserie`,
    code: String(1000 + (i % 95000)).padStart(5, '0'),
    score: (i % 400) / 100,
    ok: i % 3 === 0,
    day: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    lat: 43 + (i % 500) / 100,
    lon: -1 + (i % 700) / 100,
  };
}

async function writeText(
  path: string,
  rows: number,
  head: string,
  line: (s: Sample, i: number) => string,
  separator: string,
  tail: string,
): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(head);
  for (let i = 0; i < rows; i++) await write((i > 0 ? separator : '') + line(sample(i), i));
  await write(tail);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet('data');
  sheet.addRow(['name', 'code', 'score', 'ok', 'day']).commit();
  for (let i = 0; i < rows; i++) {
    const s = sample(i);
    sheet.addRow([s.name, s.code, s.score, s.ok, new Date(`${s.day}T00:00:00Z`)]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function writeParquet(path: string, rows: number): Promise<void> {
  const writer = new ByteWriter();
  const types = {
    name: 'STRING',
    code: 'STRING',
    score: 'DOUBLE',
    ok: 'BOOLEAN',
    day: 'STRING',
  } as const;
  const schema = schemaFromColumnData({
    columnData: Object.entries(types).map(([name, type]) => ({ name, data: [], type })),
  });
  const parquet = new ParquetWriter({ writer, schema });
  const out = createWriteStream(path);
  for (let start = 0; start < rows; start += 10000) {
    const group = Array.from({ length: Math.min(10000, rows - start) }, (_, i) =>
      sample(start + i),
    );
    await parquet.write({
      columnData: Object.entries(types).map(([name, type]) => ({
        name,
        type,
        data: group.map((s) => s[name as keyof Sample]),
      })),
    });
    out.write(new Uint8Array(writer.buffer.slice(0, writer.index)));
    writer.index = 0;
  }
  parquet.finish();
  out.write(new Uint8Array(writer.buffer.slice(0, writer.index)));
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function writeFile(format: FormatName, path: string, rows: number): Promise<void> {
  const json = (s: Sample) =>
    JSON.stringify({ name: s.name, code: s.code, score: s.score, ok: s.ok, day: s.day });
  switch (format) {
    case 'csv':
      return writeText(
        path,
        rows,
        'name;code;score;ok;day\n',
        (s) => `${s.name};${s.code};${s.score};${s.ok};${s.day}\n`,
        '',
        '',
      );
    case 'json':
      return writeText(path, rows, '[', json, ',\n', ']');
    case 'jsonl':
      return writeText(path, rows, '', (s) => `${json(s)}\n`, '', '');
    case 'geojson':
      return writeText(
        path,
        rows,
        '{"type":"FeatureCollection","features":[',
        (s) =>
          JSON.stringify({
            type: 'Feature',
            properties: { name: s.name, code: s.code, score: s.score, ok: s.ok, day: s.day },
            geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
          }),
        ',\n',
        ']}',
      );
    case 'xlsx':
      return writeXlsx(path, rows);
    case 'parquet':
      return writeParquet(path, rows);
    default:
      throw new Error(`no generator for ${format}`);
  }
}

/**
 * In the child: reads the file, sampling every 20 ms the heap and RSS, and every 500 ms the
 * heap left after a full collection (what is really kept); prints one JSON line.
 */
async function measure(format: FormatName, path: string): Promise<void> {
  let heap = 0;
  let live = 0;
  let rss = 0;
  const sampleMemory = () => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  const collect = () => {
    (globalThis as { gc?: () => void }).gc?.();
    live = Math.max(live, process.memoryUsage().heapUsed);
  };
  const timers = [setInterval(sampleMemory, 20), setInterval(collect, 500)];
  const reader = importFormat(format);
  const started = performance.now();
  const layout = await reader.inspect(path, {});
  const result = await reader.read(
    path,
    layout,
    () => new Promise((resolve) => setImmediate(resolve)),
  );
  const seconds = (performance.now() - started) / 1000;
  sampleMemory();
  for (const timer of timers) clearInterval(timer);
  console.log(JSON.stringify({ rows: result.rows, seconds, heap, live, rss }));
}

async function main(): Promise<void> {
  if (values.child) return measure(values.child as FormatName, values.path as string);
  const large = Number(values.rows);
  const dir = mkdtempSync(join(tmpdir(), 'datagora-bench-formats-'));
  const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
  console.log('format   rows     rows/s   peak heap  live heap  peak RSS');
  try {
    for (const format of (values.formats as string).split(',') as FormatName[]) {
      for (const rows of [Math.round(large / 10), large]) {
        const path = join(dir, `data-${rows}.${format}`);
        await writeFile(format, path, rows);
        const child = spawnSync(
          process.execPath,
          [
            '--expose-gc',
            '--import',
            'tsx',
            new URL(import.meta.url).pathname,
            '--child',
            format,
            '--path',
            path,
          ],
          { encoding: 'utf8' },
        );
        if (child.status !== 0) throw new Error(child.stderr);
        const figures = JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as {
          rows: number;
          seconds: number;
          heap: number;
          live: number;
          rss: number;
        };
        const rate = Math.round(figures.rows / figures.seconds);
        console.log(
          `${format.padEnd(8)} ${String(figures.rows).padEnd(8)} ${String(rate).padEnd(8)} ${mb(figures.heap).padEnd(10)} ${mb(figures.live).padEnd(10)} ${mb(figures.rss)}`,
        );
        rmSync(path);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
