// API v1's dataset object: flat `metas`, annotations as a list of `{name, args}`.

import type { Dataset } from '../core/dataset.ts';
import { datasetFeatures, toExploreDataset } from './explore-dataset.ts';
import { inLanguage } from './translated-dataset.ts';

export interface V1Dataset {
  datasetid: string;
  has_records: boolean;
  data_visible: boolean;
  features: string[];
  metas: Record<string, unknown>;
  fields: {
    name: string;
    label: string;
    type: string;
    description: string | null;
    annotations: { name: string; args?: string[] }[];
  }[];
  attachments: unknown[];
  alternative_exports: unknown[];
}

export function toV1Dataset(dataset: Dataset, domain: string, lang?: string): V1Dataset {
  const explore = toExploreDataset(dataset, lang);
  const fields = inLanguage(dataset, lang).current?.fields ?? [];
  return {
    datasetid: dataset.id,
    has_records: explore.has_records,
    data_visible: true,
    features: datasetFeatures(fields, explore.has_records),
    metas: { ...explore.metas.default, domain },
    fields: fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      description: f.description,
      annotations: Object.entries(f.annotations).map(([name, args]) =>
        args.length > 0 ? { name, args } : { name },
      ),
    })),
    attachments: explore.attachments,
    alternative_exports: [],
  };
}
