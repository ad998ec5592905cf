// DCAT-AP_IT, which dati.gov.it harvests: the catalog, datasets and distributions typed in the
// dcatapit vocabulary as well, the publisher and rights holder as agents identified by their
// IPA code, dataset identifiers `<IPA code>:<dataset>`, an EU data theme on every dataset, an
// update frequency always given (UNKNOWN when the dataset names none), and licences as
// licence documents.

import { FREQUENCY_AUTHORITY } from '../../core/dcat-metas.ts';
import type { DcatProfile, JsonLdNode } from './profile-graph.ts';
import { contactPoint, latestModified, withDistributions } from './profile-graph.ts';

const DATA_THEMES = 'http://publications.europa.eu/resource/authority/data-theme/';

function agent(ipaCode: string, name: string): JsonLdNode {
  return {
    '@type': ['foaf:Agent', 'dcatapit:Agent'],
    'dct:identifier': ipaCode,
    'foaf:name': name,
  };
}

export const italianProfile: DcatProfile = {
  context: { dcatapit: 'http://dati.gov.it/onto/dcatapit#' },
  dataset(node, dataset, input) {
    const ipa = input.values['ipa_code'] ?? '';
    const holder = agent(ipa, dataset.metas.publisher ?? input.title);
    const license = dataset.metas.license;
    const licenseUrl = dataset.metas.license_url;
    const document =
      license === null && licenseUrl === null
        ? undefined
        : {
            ...(licenseUrl ? { '@id': licenseUrl } : {}),
            '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
            ...(license ? { 'foaf:name': license } : {}),
          };
    const amended = {
      ...node,
      '@type': ['dcat:Dataset', 'dcatapit:Dataset'],
      'dct:identifier': `${ipa}:${dataset.id}`,
      'dct:publisher': holder,
      'dct:rightsHolder': holder,
      'dcat:theme': { '@id': `${DATA_THEMES}${input.values['data_theme']}` },
      'dct:accrualPeriodicity': node['dct:accrualPeriodicity'] ?? {
        '@id': `${FREQUENCY_AUTHORITY}UNKNOWN`,
      },
      ...(node['dcat:contactPoint']
        ? {
            'dcat:contactPoint': {
              ...contactPoint(dataset, input),
              '@type': ['vcard:Organization', 'dcatapit:Organization'],
            },
          }
        : {}),
    };
    return withDistributions(amended, (distribution) => {
      const { 'dct:license': _free, ...rest } = distribution;
      return {
        ...rest,
        '@type': ['dcat:Distribution', 'dcatapit:Distribution'],
        ...(document ? { 'dct:license': document } : {}),
      };
    });
  },
  catalog(node, datasets, input) {
    return {
      ...node,
      '@type': ['dcat:Catalog', 'dcatapit:Catalog'],
      'dct:publisher': agent(input.values['ipa_code'] ?? '', input.title),
      'dct:modified': latestModified(datasets),
    };
  },
};
