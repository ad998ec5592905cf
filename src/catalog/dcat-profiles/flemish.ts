// DCAT-AP Vlaanderen, which the Flemish open data portal harvests: the publisher identified by
// its OVO code in the Flemish organisation register, and a contact point on every dataset.

import { publisherProfile } from './profile-graph.ts';

const ORGANISATIONS = 'http://data.vlaanderen.be/id/organisatie/';

export const flemishProfile = publisherProfile((name, input) => ({
  '@id': `${ORGANISATIONS}${input.values['ovo_code']}`,
  '@type': 'foaf:Agent',
  'foaf:name': name,
}));
