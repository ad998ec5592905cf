// DCAT-AP-SE, which dataportal.se harvests: a contact point on every dataset, and the publisher
// with its ADMS type.

import { publisherProfile } from './profile-graph.ts';

const PUBLISHER_TYPES = 'http://purl.org/adms/publishertype/';

export const swedishProfile = publisherProfile((name, input) => ({
  '@type': 'foaf:Agent',
  'foaf:name': name,
  'dct:type': { '@id': `${PUBLISHER_TYPES}${input.values['publisher_type']}` },
}));
