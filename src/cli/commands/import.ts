// `datagora import FILE --id ID [--title TEXT] [--separator C] [--restricted] [--processors JSON]`

import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { openStorage } from '../../app.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import { parseProcessors } from '../../core/processors.ts';
import { importCsvFile } from '../../ingest/import-csv-file.ts';
import type { CliContext } from '../context.ts';
import { progressReporter } from '../progress.ts';
import { UsageError } from '../usage.ts';

const SEPARATOR_NAMES: Record<string, string> = {
  tab: '\t',
  '\\t': '\t',
  semicolon: ';',
  comma: ',',
};

function parseSeparator(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const separator = SEPARATOR_NAMES[value] ?? value;
  if ([...separator].length !== 1) {
    throw new UsageError(`--separator takes one character (or "tab"), not "${value}"`);
  }
  return separator;
}

export async function importCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      title: { type: 'string' },
      separator: { type: 'string' },
      restricted: { type: 'boolean' },
      processors: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
  if (!values.id) throw new UsageError('import needs --id ID');
  const path = positionals[0] as string;
  const separator = parseSeparator(values.separator);

  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    context.stderr.write(`Cannot import ${path}: no such file.\n`);
    return 1;
  }
  let processors: ProcessorConfig[] | undefined;
  if (values.processors !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(values.processors, 'utf8'));
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : 'no such file';
      context.stderr.write(`Cannot read the processors in ${values.processors}: ${reason}.\n`);
      return 1;
    }
    processors = parseProcessors(json);
  }
  const engine = await openStorage(context.config());
  const reporter = progressReporter(context.stderr, size);
  const started = Date.now();
  try {
    const report = await importCsvFile(
      engine,
      {
        datasetId: values.id,
        path,
        title: values.title,
        separator,
        ...(values.restricted ? { visibility: 'restricted' as const } : {}),
        ...(processors ? { processors } : {}),
      },
      {
        onProgress: (progress) => reporter.update(progress),
        onPhase: (phase) => phase === 'indexing' && reporter.phase('Indexing…'),
      },
    );
    reporter.stop();
    const seconds = (Date.now() - started) / 1000;
    const rate = Math.round(report.rows / Math.max(seconds, 0.001));
    context.stdout.write(
      `Imported ${report.rows} records into ${values.id} (version ${report.version.id}) ` +
        `in ${seconds.toFixed(1)} s (${rate} rows/s).\n`,
    );
    if (report.skipped > 0) {
      context.stdout.write(`${report.skipped} record(s) dropped by the processors.\n`);
    }
    if (values.restricted) {
      context.stdout.write(
        `${values.id} is restricted: only administrators, its editors and those granted access read it.\n`,
      );
    }
    if (report.issueCount > 0) {
      context.stdout.write(`${report.issueCount} issue(s), ${report.rejected} line(s) skipped:\n`);
      for (const issue of report.issues.slice(0, 20)) {
        const where = issue.field
          ? `line ${issue.line}, field ${issue.field}`
          : `line ${issue.line}`;
        context.stdout.write(`  ${where}: ${issue.reason}\n`);
      }
      if (report.issueCount > 20) context.stdout.write(`  … and ${report.issueCount - 20} more\n`);
    }
    return 0;
  } finally {
    reporter.stop();
    await engine.close();
  }
}
