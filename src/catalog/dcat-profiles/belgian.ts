// DCAT-AP BE, which data.gov.be harvests: the publisher identified by its enterprise number
// (KBO/BCE), texts tagged with their language (data.gov.be shows nl, fr, de and en), and a
// contact point on every dataset.

import { languageTexts, publisherProfile } from './profile-graph.ts';

const ENTERPRISES = 'https://org.belgif.be/id/CbeRegisteredEntity/';

export const belgianProfile = publisherProfile(
  (name, input) => ({
    '@id': `${ENTERPRISES}${input.values['kbo_number']}`,
    '@type': 'foaf:Agent',
    'foaf:name': name,
  }),
  (node, dataset) => ({
    ...node,
    'dct:title': languageTexts(dataset, 'title'),
    'dct:description': languageTexts(dataset, 'description'),
  }),
);
