// A new version of a dataset built from its current one, for a schema change the stored version
// cannot take in place (a type, a list, a facet or sortable index): every record is read back in
// row order, its cells converted to the new fields (taken by name, in the new fields' order), and
// written through the engine's version writer, which builds the indexes and makes the version
// current in one transaction. The first value that does not convert stops everything: the new
// version is dropped, the current one keeps serving, and the error names the value. Nothing is
// ever converted with a loss.

import type { CellValue, Row } from '../core/cell.ts';
import type { Dataset, DatasetVersion } from '../core/dataset.ts';
import { PortalError } from '../core/errors.ts';
import type { Field } from '../core/field.ts';
import { multivaluedSeparator } from '../core/field.ts';
import { INVALID, INVALID_REASONS } from '../ingest/converters.ts';
import { cellText, retyper } from '../ingest/processors/cell-text.ts';
import { compileRecordsQuery } from '../odsql/index.ts';
import { tableSchemaOf } from '../records/table-schema.ts';
import type { StorageEngine } from '../storage/engine.ts';
import { storedCell } from './stored-cells.ts';

const DAY_MS = 86_400_000;

type Convert = (value: CellValue) => CellValue | typeof INVALID;

/** How one field's cells become the new field's, with why a value may be refused. */
function conversionOf(from: Field, to: Field): { convert: Convert; reason: string } | null {
  const sameList =
    multivaluedSeparator(from) !== undefined && multivaluedSeparator(to) !== undefined;
  const sameShape =
    from.type === to.type &&
    (sameList ||
      (multivaluedSeparator(from) === undefined) === (multivaluedSeparator(to) === undefined));
  if (sameShape) return null;
  if (from.type === 'datetime' && to.type === 'date') {
    // A day keeps a date and time only when it is midnight UTC.
    return {
      convert: (value) => {
        if (typeof value !== 'number') return value === null ? null : INVALID;
        return value % DAY_MS === 0 ? new Date(value).toISOString().slice(0, 10) : INVALID;
      },
      reason: 'a date and time that is not midnight (UTC)',
    };
  }
  return { convert: retyper(from, to), reason: INVALID_REASONS[to.type] };
}

function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export interface RebuildInput {
  dataset: Dataset;
  fields: Field[];
  createdBy: string | null;
  timeoutMs: number;
}

/** Loads the current version's records again under `fields`, then makes them current. */
export async function rebuildVersion(
  engine: StorageEngine,
  input: RebuildInput,
): Promise<DatasetVersion> {
  const { dataset, fields } = input;
  const current = dataset.current;
  if (current === null) {
    throw new PortalError('DG_ERR_SCHEMA_INVALID', {
      dataset_id: dataset.id,
      detail: 'the dataset has no data yet',
    });
  }
  const compiled = compileRecordsQuery({ timezone: 'UTC' }, tableSchemaOf(dataset), engine.name);
  const byName = new Map(compiled.columns.map((c) => [c.key, c]));
  // The new version's fields may come in another order: each is read by its name.
  const currentByName = new Map(current.fields.map((f) => [f.name, f]));
  const mismatch = (name: string) =>
    new PortalError('DG_ERR_SCHEMA_INVALID', {
      dataset_id: dataset.id,
      detail: `the fields do not match the current version's (${name})`,
    });
  if (fields.length !== current.fields.length) throw mismatch(current.fields[0]?.name ?? '');
  const plan = fields.map((to) => {
    const from = currentByName.get(to.name);
    const column = byName.get(to.name);
    if (from === undefined || column === undefined) throw mismatch(to.name);
    currentByName.delete(to.name);
    return { from, to, column, conversion: conversionOf(from, to) };
  });
  const writer = await engine.beginVersion({
    datasetId: dataset.id,
    fields,
    source: current.source,
    createdBy: input.createdBy,
  });
  try {
    const batches = engine.stream(
      { sql: compiled.sql, params: compiled.params },
      { batchSize: 5000, timeoutMs: input.timeoutMs },
    );
    for await (const batch of batches) {
      const rows: Row[] = batch.map((raw) =>
        plan.map(({ from, to, column, conversion }) => {
          const cell = storedCell(raw, column);
          if (conversion === null || cell === null) return cell;
          const converted = conversion.convert(cell);
          if (converted !== INVALID) return converted;
          throw new PortalError('DG_ERR_SCHEMA_CONVERSION', {
            field: from.name,
            type: to.type + (multivaluedSeparator(to) === undefined ? '' : ' (multivalued)'),
            value: shown(cellText(cell, from.type, multivaluedSeparator(from))),
            reason: conversion.reason,
          });
        }),
      );
      await writer.append(rows);
    }
    return await writer.commit();
  } catch (error) {
    await writer.abort(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
