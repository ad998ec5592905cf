// A catalog for the catalog query tests: the demo dataset (with records) plus metadata-only
// datasets whose metadata the tests know, to compute expected answers on their own.

import { emptyMetas } from '../../src/core/dataset.ts';
import type { TestPortal } from './test-portal.ts';

export interface FixtureDataset {
  id: string;
  title: string;
  description: string | null;
  theme: string[] | null;
  keyword: string[] | null;
  publisher: string | null;
}

/** ASCII titles and publishers, so that both engines' text orders agree. */
export const FIXTURE_DATASETS: FixtureDataset[] = [
  {
    id: 'arbres',
    title: 'Arbres remarquables',
    description: 'Les arbres de la ville, par essence.',
    theme: ['Environnement'],
    keyword: ['arbre', 'nature'],
    publisher: 'Ville de Lyon',
  },
  {
    id: 'budget',
    title: 'Budget primitif',
    description: 'Le budget vote chaque annee.',
    theme: ['Finances'],
    keyword: ['impots', 'depenses'],
    publisher: 'Ville de Lyon',
  },
  {
    id: 'cantines',
    title: 'Menus des cantines',
    description: 'Repas servis dans les ecoles.',
    theme: ['Alimentation', 'Education'],
    keyword: ['repas'],
    publisher: 'Metropole',
  },
  {
    id: 'stations',
    title: 'Stations de mesure',
    description: null,
    theme: null,
    keyword: null,
    publisher: null,
  },
];

export const DEMO_ID = 'export_alimconfiance';

export async function addFixtureDatasets(portal: TestPortal): Promise<void> {
  for (const d of FIXTURE_DATASETS) {
    await portal.engine.metadata.saveDataset({
      id: d.id,
      metas: {
        ...emptyMetas(d.title),
        description: d.description,
        theme: d.theme,
        keyword: d.keyword,
        publisher: d.publisher,
      },
    });
  }
}
