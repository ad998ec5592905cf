// The catalog in a national DCAT-AP profile: the DCAT-AP graph of dcat.ts, amended by the
// profile with the values an administrator activated it with.

import type { Dataset } from '../../core/dataset.ts';
import type { DcatProfileId, ProfileValues } from '../../core/dcat-profiles.ts';
import { DCAT_CONTEXT, dcatCatalog } from '../dcat.ts';
import { belgianProfile } from './belgian.ts';
import { flemishProfile } from './flemish.ts';
import { germanProfile } from './german.ts';
import { italianProfile } from './italian.ts';
import type { DcatProfile, JsonLdNode, ProfileInput } from './profile-graph.ts';
import { spanishProfile } from './spanish.ts';
import { swedishProfile } from './swedish.ts';
import { swissProfile } from './swiss.ts';

const PROFILES: Record<DcatProfileId, DcatProfile> = {
  dcat_ap_ch: swissProfile,
  dcat_ap_de: germanProfile,
  dcat_ap_se: swedishProfile,
  dcat_ap_sp: spanishProfile,
  dcat_ap_it: italianProfile,
  dcat_ap_vl: flemishProfile,
  dcat_ap_benap: belgianProfile,
};

export function dcatProfileCatalog(
  id: DcatProfileId,
  values: ProfileValues,
  datasets: Dataset[],
  baseUrl: string,
  title: string,
): JsonLdNode {
  const profile = PROFILES[id];
  const input: ProfileInput = { values, baseUrl, title };
  const base = dcatCatalog(datasets, baseUrl, title);
  const nodes = base['dcat:dataset'] as JsonLdNode[];
  const catalog = profile.catalog(
    {
      ...base,
      '@context': { ...DCAT_CONTEXT, ...profile.context },
      'dcat:dataset': nodes.map((node, i) => profile.dataset(node, datasets[i]!, input)),
    },
    datasets,
    input,
  );
  return catalog;
}
