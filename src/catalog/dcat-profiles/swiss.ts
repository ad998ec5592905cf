// DCAT-AP CH, which opendata.swiss harvests: identifiers `<dataset>@<organisation slug>`, texts
// tagged with their language (opendata.swiss shows de, fr, it and en), a contact point on every
// dataset, and the opendata.swiss terms of use as each distribution's licence.

import type { DcatProfile } from './profile-graph.ts';
import { contactPoint, languageTexts, withDistributions } from './profile-graph.ts';

const LICENSES = 'http://dcat-ap.ch/vocabulary/licenses/';

export const swissProfile: DcatProfile = {
  context: {},
  dataset(node, dataset, input) {
    const terms = { '@id': `${LICENSES}${input.values['terms']}` };
    const amended = {
      ...node,
      'dct:identifier': `${dataset.id}@${input.values['organisation']}`,
      'dct:title': languageTexts(dataset, 'title'),
      'dct:description': languageTexts(dataset, 'description'),
      'dcat:contactPoint': contactPoint(dataset, input),
    };
    return withDistributions(amended, (distribution) => ({
      ...distribution,
      'dct:license': terms,
      'dct:issued': node['dct:issued'],
    }));
  },
  catalog(node) {
    return node;
  },
};
