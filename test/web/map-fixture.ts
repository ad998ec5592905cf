// Datasets for the map tests, loaded through the real CSV import: `parcelles` has shapes only
// (polygons near Lyon, a line and a record without shape), `sites` has a point and a shape
// (one record has no shape: the map draws its point), and `big_map` is a generated
// Alim'confiance-shaped dataset of many points (scripts/gen-alimconfiance.ts).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { generate } from '../../scripts/gen-alimconfiance.ts';
import type { Geometry } from '../../src/core/cell.ts';
import { makeField } from '../../src/core/field.ts';
import { importCsvFile } from '../../src/ingest/import-csv-file.ts';
import type { TestPortal } from '../helpers/test-portal.ts';

/** A square of `size` degrees whose south-west corner is (lat, lon), as GeoJSON. */
export function square(lat: number, lon: number, size: number): Geometry {
  const ring = [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

export interface ShapeRecord {
  nom: string;
  shape: Geometry | null;
}

/** Three fields of Lyon 0.01° wide, a path across them, and a record without shape. */
export const PARCELLES: ShapeRecord[] = [
  { nom: 'Pré des Brotteaux', shape: square(45.76, 4.83, 0.01) },
  { nom: 'Clos de la Croix-Rousse', shape: square(45.775, 4.83, 0.01) },
  { nom: 'Jardin de Gerland', shape: square(45.73, 4.83, 0.01) },
  {
    nom: 'Chemin des parcelles',
    shape: {
      type: 'LineString',
      coordinates: [
        [4.8, 45.74],
        [4.86, 45.78],
      ],
    },
  },
  { nom: 'Parcelle sans contour', shape: null },
];

/** Sites with their centre and, but for one, their outline. */
export const SITES = [
  { nom: 'Halle', point: [45.7605, 4.8355], shape: square(45.76, 4.83, 0.001) },
  { nom: 'Kiosque', point: [45.762, 4.838], shape: null },
  { nom: 'Marché', point: [45.7585, 4.8325], shape: square(45.758, 4.832, 0.001) },
];

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function writeCsv(path: string, rows: string[][]): void {
  writeFileSync(path, rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n');
}

/** Loads `parcelles` and `sites` into the portal, through the CSV import. */
export async function importShapeDatasets(portal: TestPortal): Promise<void> {
  const parcelles = join(portal.home, 'parcelles.csv');
  writeCsv(parcelles, [
    ['nom', 'contour'],
    ...PARCELLES.map((p) => [p.nom, p.shape ? JSON.stringify(p.shape) : '']),
  ]);
  await importCsvFile(portal.engine, {
    datasetId: 'parcelles',
    path: parcelles,
    title: 'Parcelles',
    fields: [makeField('nom', 'text'), makeField('contour', 'geo_shape')],
  });
  const sites = join(portal.home, 'sites.csv');
  writeCsv(sites, [
    ['nom', 'centre', 'contour'],
    ...SITES.map((s) => [s.nom, s.point.join(', '), s.shape ? JSON.stringify(s.shape) : '']),
  ]);
  await importCsvFile(portal.engine, {
    datasetId: 'sites',
    path: sites,
    title: 'Sites',
    fields: [
      makeField('nom', 'text'),
      makeField('centre', 'geo_point_2d'),
      makeField('contour', 'geo_shape'),
    ],
  });
}

/**
 * Generates `rows` Alim'confiance-shaped records and imports them as `big_map`; resolves with
 * the CSV file's path, for tests to compute what to expect from it.
 */
export async function importBigDataset(portal: TestPortal, rows: number): Promise<string> {
  const path = join(portal.home, 'big.csv');
  await generate({ rows, out: path, seed: 'map' });
  await importCsvFile(portal.engine, { datasetId: 'big_map', path, title: 'Big map' });
  return path;
}
