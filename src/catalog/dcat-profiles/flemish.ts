// DCAT-AP Vlaanderen, which the Flemish open data portal harvests: the publisher identified by
// its OVO code in the Flemish organisation register, and a contact point on every dataset.

import type { DcatProfile, JsonLdNode, ProfileInput } from './profile-graph.ts';
import { contactPoint } from './profile-graph.ts';

const ORGANISATIONS = 'http://data.vlaanderen.be/id/organisatie/';

function publisher(name: string, input: ProfileInput): JsonLdNode {
  return {
    '@id': `${ORGANISATIONS}${input.values['ovo_code']}`,
    '@type': 'foaf:Agent',
    'foaf:name': name,
  };
}

export const flemishProfile: DcatProfile = {
  context: {},
  dataset(node, dataset, input) {
    return {
      ...node,
      'dct:publisher': publisher(dataset.metas.publisher ?? input.title, input),
      'dcat:contactPoint': contactPoint(dataset, input),
    };
  },
  catalog(node, _datasets, input) {
    return { ...node, 'dct:publisher': publisher(input.title, input) };
  },
};
