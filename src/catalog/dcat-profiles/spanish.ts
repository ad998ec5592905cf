// DCAT-AP-ES (NTI-RISP), which datos.gob.es harvests: the publisher as its DIR3 organisation,
// the theme from the datos.gob.es sector taxonomy, texts tagged with their language, and each
// distribution's format as a media type.

import type { DcatProfile, ProfileInput } from './profile-graph.ts';
import { languageTexts, latestModified, withDistributions } from './profile-graph.ts';

const ORGANISATIONS = 'http://datos.gob.es/recurso/sector-publico/org/Organismo/';
const SECTORS = 'http://datos.gob.es/kos/sector-publico/sector/';

const publisher = (input: ProfileInput) => ({ '@id': `${ORGANISATIONS}${input.values['dir3']}` });

export const spanishProfile: DcatProfile = {
  context: { rdfs: 'http://www.w3.org/2000/01/rdf-schema#' },
  dataset(node, dataset, input) {
    const amended = {
      ...node,
      'dct:title': languageTexts(dataset, 'title'),
      'dct:description': languageTexts(dataset, 'description'),
      'dct:publisher': publisher(input),
      'dcat:theme': { '@id': `${SECTORS}${input.values['sector']}` },
    };
    return withDistributions(amended, (distribution) => ({
      ...distribution,
      'dct:format': {
        '@type': 'dct:IMT',
        'rdf:value': distribution['dcat:mediaType'],
        'rdfs:label': distribution['dct:format'],
      },
    }));
  },
  catalog(node, datasets, input) {
    return {
      ...node,
      'dct:publisher': publisher(input),
      'dct:modified': latestModified(datasets),
    };
  },
};
