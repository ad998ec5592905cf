// Reading a source of records into typed rows: the values of each record converted by field,
// what does not fit reported with the record's position, rows handed over in batches.

import type { Row } from '../../core/cell.ts';
import { INVALID, INVALID_REASONS } from '../converters.ts';
import { IssueLog } from '../issue-log.ts';
import { geometryPoint } from './centroid.ts';
import { valueAt } from './record-layout.ts';
import { sourceError } from './source-error.ts';
import type {
  FileLayout,
  ProgressListener,
  ReadResult,
  RecordSource,
  Sink,
  SourceRecord,
} from './types.ts';
import type { ValueConverter } from './value-converters.ts';
import { valueConverterFor } from './value-converters.ts';
import { isGeometry, textOf } from './value-kind.ts';

const BATCH_SIZE = 1000;

function shown(value: unknown): string {
  const text = textOf(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

class RecordRowBuilder {
  private readonly converters: ValueConverter[];
  private readonly known: Set<string>;
  private readonly reported = new Set<string>();
  rows = 0;
  rejected = 0;

  constructor(
    private readonly layout: FileLayout,
    private readonly issues: IssueLog,
  ) {
    this.converters = layout.fields.map((field) => valueConverterFor(field));
    this.known = new Set(layout.sources.flatMap((s) => ('key' in s ? [String(s.key)] : [])));
  }

  build(record: SourceRecord): Row | undefined {
    const { values, position } = record;
    if (record.error !== undefined) {
      this.rejected++;
      this.issues.add(position, undefined, record.error);
      return undefined;
    }
    if (record.note !== undefined) this.issues.add(position, undefined, record.note);
    const tabular = Array.isArray(values);
    if (typeof values !== 'object' || values === null) {
      this.rejected++;
      this.issues.add(position, undefined, `expected an object, found ${shown(values)}`);
      return undefined;
    }
    if (!tabular) this.reportUnknownKeys(values as Record<string, unknown>, position);
    const { fields, sources } = this.layout;
    const row: Row = new Array(fields.length);
    for (let i = 0; i < fields.length; i++) {
      const source = sources[i]!;
      let raw: unknown;
      if ('key' in source) raw = valueAt(values, source.key);
      else raw = this.geometryValue(record.geometry, source.geometry);
      const value = (this.converters[i] as ValueConverter)(raw);
      if (value === INVALID) {
        row[i] = null;
        const field = fields[i]!;
        this.issues.add(position, field.name, `"${shown(raw)}" is ${INVALID_REASONS[field.type]}`);
      } else {
        row[i] = value;
      }
    }
    this.rows++;
    return row;
  }

  private geometryValue(geometry: unknown, part: 'shape' | 'point'): unknown {
    if (geometry === null || geometry === undefined) return null;
    if (!isGeometry(geometry)) return part === 'shape' ? geometry : null;
    return part === 'shape' ? geometry : (geometryPoint(geometry) ?? null);
  }

  private reportUnknownKeys(values: Record<string, unknown>, position: number): void {
    for (const key of Object.keys(values)) {
      if (this.known.has(key) || this.reported.has(key)) continue;
      this.reported.add(key);
      this.issues.add(
        position,
        undefined,
        `"${key}" is not a field of the schema (read from the first records); its values are left out`,
      );
    }
  }
}

/** Reads every record of the source into the sink; throws when the file cannot be read on. */
export async function readSource(
  source: RecordSource,
  layout: FileLayout,
  sink: Sink,
  onProgress?: ProgressListener,
): Promise<ReadResult> {
  const issues = new IssueLog();
  const builder = new RecordRowBuilder(layout, issues);
  const iterator = source.records[Symbol.asyncIterator]();
  let batch: Row[] = [];
  let positions: number[] = [];
  const progress = () => onProgress?.({ rows: builder.rows, ...source.progress() });
  try {
    for (;;) {
      let next: IteratorResult<SourceRecord>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw sourceError(error, builder.rows);
      }
      if (next.done) break;
      const row = builder.build(next.value);
      if (row) {
        batch.push(row);
        positions.push(next.value.position);
      }
      if (batch.length >= BATCH_SIZE) {
        const rows = batch;
        const at = positions;
        batch = [];
        positions = [];
        await sink(rows, at);
        progress();
      }
    }
    if (batch.length > 0) await sink(batch, positions);
    progress();
  } finally {
    await iterator.return?.();
    await source.close();
  }
  return { rows: builder.rows, rejected: builder.rejected, ...issues.result() };
}
