// A test portal (SQLite or PostgreSQL) holding the conformance dataset and a second, secret one.

import { emptyMetas } from '../../../src/core/dataset.ts';
import type { Row } from '../../../src/core/cell.ts';
import type { Field } from '../../../src/core/field.ts';
import type { EngineName, StorageEngine } from '../../../src/storage/engine.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { startTestPortal } from '../../helpers/test-portal.ts';
import {
  CONFORMANCE_ID,
  ENGLISH_ID,
  FIELDS,
  ROWS,
  SECRET_FIELDS,
  SECRET_ID,
  SECRET_ROWS,
} from './dataset.ts';

async function load(
  engine: StorageEngine,
  id: string,
  fields: Field[],
  rows: Row[],
  language: string | null = null,
) {
  await engine.metadata.saveDataset({ id, metas: { ...emptyMetas(id), language } });
  const writer = await engine.beginVersion({ datasetId: id, fields, source: `${id}.csv` });
  await writer.append(rows);
  await writer.commit();
}

export async function startConformancePortal(engine: EngineName): Promise<TestPortal> {
  const portal = await startTestPortal({ engine });
  await load(portal.engine, CONFORMANCE_ID, FIELDS, ROWS);
  await load(portal.engine, SECRET_ID, SECRET_FIELDS, SECRET_ROWS);
  await load(portal.engine, ENGLISH_ID, FIELDS, ROWS, 'en');
  return portal;
}

export function recordsPath(dataset: string): string {
  return `/api/explore/v2.1/catalog/datasets/${dataset}/records`;
}

export const RECORDS = recordsPath(CONFORMANCE_ID);

export type Params = Record<string, string | number | string[]>;

export function recordsUrl(params: Params, path = RECORDS): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}
