// The bundled demo: the real 2019 Alim'confiance export, loaded into an empty portal.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import type { DefaultMetas } from '../core/dataset.ts';
import type { Field } from '../core/field.ts';
import type { StorageEngine } from '../storage/engine.ts';
import type { CsvImportReport, ImportObserver } from './import-csv-file.ts';
import { importCsvFile } from './import-csv-file.ts';

export const DEMO_FOLDER = fileURLToPath(new URL('../../data/demo/', import.meta.url));

interface DemoDescription {
  id: string;
  csv: string;
  metas: DefaultMetas;
  fields: Field[];
}

export async function readDemoDescription(folder = DEMO_FOLDER): Promise<DemoDescription> {
  const text = await readFile(`${folder}/export_alimconfiance.json`, 'utf8');
  return JSON.parse(text) as DemoDescription;
}

/** Loads the demo dataset when the portal has no dataset at all; returns null otherwise. */
export async function loadDemoIfEmpty(
  engine: StorageEngine,
  observer: ImportObserver = {},
  folder = DEMO_FOLDER,
): Promise<CsvImportReport | null> {
  const datasets = await engine.metadata.listDatasets();
  if (datasets.length > 0) return null;
  const demo = await readDemoDescription(folder);
  return importCsvFile(
    engine,
    { datasetId: demo.id, path: `${folder}/${demo.csv}`, metas: demo.metas, fields: demo.fields },
    observer,
  );
}
