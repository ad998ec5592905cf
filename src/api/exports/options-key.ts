// A format's options as the export cache keys them (records/export-key.ts keys the query): each
// function names every option of its type, so an option added later fails to compile until it
// is keyed here.

import type { CsvOptions } from './csv.ts';
import type { Reprojection } from './epsg.ts';
import type { GpxOptions } from './gpx.ts';

export type KeyValue = string | number | boolean | null | string[];

/** The format's options, JSON-able, as they change the file's bytes. */
export type OptionsKey = Record<string, KeyValue>;

/** A reprojection is keyed by its EPSG code (its functions follow from it). */
export const epsgKey = (reprojection: Reprojection | undefined): number =>
  reprojection?.epsg ?? 4326;

export function csvOptionsKey(options: CsvOptions): Record<keyof CsvOptions, KeyValue> {
  return {
    delimiter: options.delimiter,
    listSeparator: options.listSeparator,
    quoteAll: options.quoteAll,
    withBom: options.withBom,
    useLabels: options.useLabels,
    reprojection: epsgKey(options.reprojection),
  };
}

export function gpxOptionsKey(options: GpxOptions): Record<keyof GpxOptions, KeyValue> {
  return {
    nameField: options.nameField ?? null,
    descriptionFields: options.descriptionFields ?? null,
    useExtension: options.useExtension,
  };
}
