// `datagora datasets`: the datasets with their record counts.

import { parseArgs } from 'node:util';

import { openStorage } from '../../app.ts';
import type { CliContext } from '../context.ts';

export async function datasetsCommand(args: string[], context: CliContext): Promise<number> {
  parseArgs({ args, options: {} });
  const engine = await openStorage(context.config());
  try {
    const datasets = await engine.metadata.listDatasets();
    if (datasets.length === 0) {
      context.stdout.write('No dataset yet.\n');
      return 0;
    }
    const rows = datasets.map((d) => [
      d.id,
      String(d.current?.recordsCount ?? 0),
      d.visibility,
      d.dataProcessedAt ?? '-',
      d.metas.title,
    ]);
    const header = ['ID', 'RECORDS', 'VISIBILITY', 'DATA UPDATED', 'TITLE'];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
    );
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
    context.stdout.write(`${[header, ...rows].map(line).join('\n')}\n`);
    return 0;
  } finally {
    await engine.close();
  }
}
