// DCAT-AP-SE, which dataportal.se harvests: a contact point on every dataset, and the publisher
// with its ADMS type.

import type { DcatProfile, JsonLdNode, ProfileInput } from './profile-graph.ts';
import { contactPoint } from './profile-graph.ts';

const PUBLISHER_TYPES = 'http://purl.org/adms/publishertype/';

function publisher(name: string, input: ProfileInput): JsonLdNode {
  return {
    '@type': 'foaf:Agent',
    'foaf:name': name,
    'dct:type': { '@id': `${PUBLISHER_TYPES}${input.values['publisher_type']}` },
  };
}

export const swedishProfile: DcatProfile = {
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
