// `datagora import FILE --id ID [--format F] [--title TEXT] [--separator C] [--restricted]
//  [--processors JSON]`

import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { openStorage } from '../../app.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import { parseProcessors } from '../../core/processors.ts';
import type { FormatName } from '../../ingest/formats/index.ts';
import { FORMAT_NAMES, importFormat, isFormatName } from '../../ingest/formats/index.ts';
import { importFile } from '../../ingest/import-file.ts';
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

function parseFormat(value: string | undefined): FormatName | undefined {
  if (value === undefined) return undefined;
  const name = value.toLowerCase() === 'shp' ? 'shapefile' : value.toLowerCase();
  if (!isFormatName(name)) {
    throw new UsageError(`--format takes one of ${FORMAT_NAMES.join(', ')}, not "${value}"`);
  }
  return name;
}

export async function importCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      title: { type: 'string' },
      separator: { type: 'string' },
      format: { type: 'string' },
      restricted: { type: 'boolean' },
      processors: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
  if (!values.id) throw new UsageError('import needs --id ID');
  const path = positionals[0] as string;
  const separator = parseSeparator(values.separator);
  const format = parseFormat(values.format);

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
    const report = await importFile(
      engine,
      {
        datasetId: values.id,
        path,
        format,
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
        `from a ${report.format} file ` +
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
      const position = importFormat(report.format).position;
      context.stdout.write(
        `${report.issueCount} issue(s), ${report.rejected} ${position}(s) skipped:\n`,
      );
      for (const issue of report.issues.slice(0, 20)) {
        const where = issue.field
          ? `${position} ${issue.line}, field ${issue.field}`
          : `${position} ${issue.line}`;
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
