// Inspecting a source of records (every format but CSV): the fields, from the first records.

import type { Field, FieldType } from '../../core/field.ts';
import { fieldNamesFromLabels } from '../field-name.ts';
import type { InferredType } from '../infer-types.ts';
import { unreadable } from '../unreadable.ts';
import { inferValueType } from './infer-value-type.ts';
import { sourceError } from './source-error.ts';
import type {
  FieldSource,
  FileLayout,
  FormatName,
  InspectOptions,
  RecordSource,
  SourceRecord,
} from './types.ts';

const DEFAULT_SAMPLE_ROWS = 10000;

/** The keys of object records, in order of first appearance. */
function objectKeys(records: readonly SourceRecord[]): string[] {
  const keys = new Set<string>();
  for (const { values } of records) {
    if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
      for (const key of Object.keys(values)) keys.add(key);
    }
  }
  return [...keys];
}

export function valueAt(values: unknown, key: string | number): unknown {
  if (typeof values !== 'object' || values === null) return undefined;
  if (Array.isArray(values)) return typeof key === 'number' ? values[key] : undefined;
  return Object.prototype.hasOwnProperty.call(values, key)
    ? (values as Record<string, unknown>)[key]
    : undefined;
}

function declared(type: FieldType | undefined, values: unknown[]): InferredType {
  if (type === undefined || type === 'text') return inferValueType(values);
  return { type, annotations: {} };
}

export async function readSample(source: RecordSource, size: number): Promise<SourceRecord[]> {
  const sample: SourceRecord[] = [];
  if (size === 0) return sample;
  try {
    for await (const record of source.records) {
      sample.push(record);
      if (sample.length >= size) break;
    }
  } catch (error) {
    throw sourceError(error, sample.length);
  }
  return sample;
}

/** Fields and sources of a record source, from its first `sampleRows` records. */
export async function inspectSource(
  format: FormatName,
  open: () => Promise<RecordSource>,
  options: InspectOptions,
): Promise<FileLayout> {
  const source = await open();
  try {
    const sample = await readSample(source, options.sampleRows ?? DEFAULT_SAMPLE_ROWS);
    const keys: (string | number)[] = source.labels
      ? source.labels.map((_, i) => i)
      : objectKeys(sample);
    const labels = source.labels ?? (keys as string[]);
    const sources: FieldSource[] = keys.map((key) => ({ key }));
    const inferred = keys.map((key) =>
      declared(
        source.declaredTypes?.get(key),
        sample.map((record) => valueAt(record.values, key)),
      ),
    );
    const allLabels = [...labels];
    if (source.geometry) {
      allLabels.push('geo_shape', 'geo_point_2d');
      sources.push({ geometry: 'shape' }, { geometry: 'point' });
      inferred.push(
        { type: 'geo_shape', annotations: {} },
        { type: 'geo_point_2d', annotations: {} },
      );
    }
    if (allLabels.length === 0) throw unreadable('no field was found in the first records.');
    const names = fieldNamesFromLabels(allLabels);
    const fields: Field[] = allLabels.map((label, i) => ({
      name: names[i] as string,
      label,
      description: null,
      ...(inferred[i] as InferredType),
    }));
    if (options.fields && options.fields.length !== fields.length) {
      throw unreadable(
        `the file has ${fields.length} fields but the schema has ${options.fields.length}.`,
      );
    }
    return {
      format,
      fields: options.fields ?? fields,
      sources,
      sampleRowCount: sample.length,
      details: source.details ?? {},
    };
  } finally {
    await source.close();
  }
}
