// DCAT-AP BE, which data.gov.be harvests: the publisher identified by its enterprise number
// (KBO/BCE), texts tagged with their language (data.gov.be shows nl, fr, de and en), and a
// contact point on every dataset.

import type { DcatProfile, JsonLdNode, ProfileInput } from './profile-graph.ts';
import { contactPoint, languageTexts } from './profile-graph.ts';

const ENTERPRISES = 'https://org.belgif.be/id/CbeRegisteredEntity/';

function publisher(name: string, input: ProfileInput): JsonLdNode {
  return {
    '@id': `${ENTERPRISES}${input.values['kbo_number']}`,
    '@type': 'foaf:Agent',
    'foaf:name': name,
  };
}

export const belgianProfile: DcatProfile = {
  context: {},
  dataset(node, dataset, input) {
    return {
      ...node,
      'dct:title': languageTexts(dataset, 'title'),
      'dct:description': languageTexts(dataset, 'description'),
      'dct:publisher': publisher(dataset.metas.publisher ?? input.title, input),
      'dcat:contactPoint': contactPoint(dataset, input),
    };
  },
  catalog(node, _datasets, input) {
    return { ...node, 'dct:publisher': publisher(input.title, input) };
  },
};
