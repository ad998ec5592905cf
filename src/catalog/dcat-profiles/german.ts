// DCAT-AP.de, which GovData harvests: the contributor identifier GovData gave the portal on each
// dataset, the political geocoding of what the data covers where given, and each
// distribution's licence as a URI of the DCAT-AP.de licence vocabulary when the dataset's
// licence is one of it (left out otherwise: no licence is better than a wrong one).

import type { Dataset } from '../../core/dataset.ts';
import type { DcatProfile } from './profile-graph.ts';
import { withDistributions } from './profile-graph.ts';

const DCATDE = 'http://dcat-ap.de/def/dcatde/';
const LICENSES = 'http://dcat-ap.de/def/licenses/';
const LEVELS = 'http://dcat-ap.de/def/politicalGeocoding/Level/';

/** DCAT-AP.de licence codes, each with what its name or URL looks like. */
const KNOWN_LICENSES: [code: string, pattern: RegExp][] = [
  ['cc-by-sa/4.0', /\bcc[ -]by[ -]sa\b.*4\.0|by-sa\/4\.0/i],
  ['cc-by/4.0', /\bcc[ -]by\b.*4\.0|licenses\/by\/4\.0|attribution 4\.0/i],
  ['cc-zero', /\bcc[ -]?0\b|cc-zero|publicdomain\/zero/i],
  ['odbl', /\bodbl\b|open database licen[cs]e/i],
  ['dl-by-de/2.0', /dl-de[ -]by[ -]2\.0|datenlizenz deutschland.*namensnennung/i],
  ['dl-zero-de/2.0', /dl-de[ -]zero[ -]2\.0|datenlizenz deutschland.*zero/i],
  // Open licences without a code of their own in the vocabulary.
  ['other-open', /licence ouverte|open licen[cs]e|etalab/i],
];

/** The DCAT-AP.de licence of the dataset, or null when its licence is not recognised. */
export function germanLicense(dataset: Dataset): string | null {
  const text = `${dataset.metas.license ?? ''} ${dataset.metas.license_url ?? ''}`;
  const found = KNOWN_LICENSES.find(([, pattern]) => pattern.test(text));
  return found ? `${LICENSES}${found[0]}` : null;
}

export const germanProfile: DcatProfile = {
  context: { dcatde: DCATDE },
  dataset(node, dataset, input) {
    const level = input.values['geocoding_level'];
    const place = input.values['geocoding_uri'];
    const amended = {
      ...node,
      'dcatde:contributorID': { '@id': input.values['contributor_id'] },
      ...(level ? { 'dcatde:politicalGeocodingLevelURI': { '@id': `${LEVELS}${level}` } } : {}),
      ...(place ? { 'dcatde:politicalGeocodingURI': { '@id': place } } : {}),
    };
    const license = germanLicense(dataset);
    const attribution = dataset.metas.publisher ?? input.title;
    return withDistributions(amended, (distribution) => {
      const { 'dct:license': _free, ...rest } = distribution;
      return license === null
        ? rest
        : {
            ...rest,
            'dct:license': { '@id': license },
            'dcatde:licenseAttributionByText': attribution,
          };
    });
  },
  catalog(node) {
    return node;
  },
};
