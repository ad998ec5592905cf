// What the national profiles share: the DCAT-AP graph of dcat.ts as their starting point,
// texts tagged with their language, a contact point, and the distributions rewritten in place.

import type { Dataset } from '../../core/dataset.ts';
import { dcatMetasOf } from '../../core/dcat-metas.ts';
import type { ProfileValues } from '../../core/dcat-profiles.ts';

export type JsonLdNode = Record<string, unknown>;

/** What a profile's writer is given beside each dataset. */
export interface ProfileInput {
  values: ProfileValues;
  baseUrl: string;
  /** The portal's name. */
  title: string;
}

/** A profile: extra namespaces, and the DCAT-AP nodes of the catalog and its datasets amended. */
export interface DcatProfile {
  context: Record<string, string>;
  dataset(node: JsonLdNode, dataset: Dataset, input: ProfileInput): JsonLdNode;
  catalog(node: JsonLdNode, datasets: Dataset[], input: ProfileInput): JsonLdNode;
}

/** A literal tagged with its language, or a plain one where the language is unknown. */
function tagged(text: string, language: string | null): unknown {
  return language ? { '@value': text, '@language': language } : text;
}

/** The title or description in the dataset's language and in each language it is translated to. */
export function languageTexts(dataset: Dataset, key: 'title' | 'description'): unknown[] {
  const metas = dataset.metas;
  const own = metas[key];
  const texts = own ? [tagged(own, metas.language)] : [];
  const translations = metas['translations'];
  if (typeof translations !== 'object' || translations === null) return texts;
  for (const [language, translated] of Object.entries(translations)) {
    if (language === metas.language || typeof translated !== 'object' || translated === null) {
      continue;
    }
    const text = (translated as Record<string, unknown>)[key];
    if (typeof text === 'string' && text.trim() !== '') texts.push(tagged(text, language));
  }
  return texts;
}

/**
 * The dataset's contact point where its DCAT metadata names one, the profile's contact address
 * (in the name of the dataset's publisher, or the portal's) otherwise.
 */
export function contactPoint(dataset: Dataset, input: ProfileInput): JsonLdNode {
  const dcat = dcatMetasOf(dataset.metas);
  const email = dcat.contact_email ?? input.values['contact_email'];
  const name = dcat.contact_name ?? dataset.metas.publisher ?? input.title;
  const node: JsonLdNode = { '@type': 'vcard:Organization', 'vcard:fn': name };
  if (email) node['vcard:hasEmail'] = { '@id': `mailto:${email}` };
  return node;
}

/** The node with each of its distributions passed through `amend`. */
export function withDistributions(
  node: JsonLdNode,
  amend: (distribution: JsonLdNode) => JsonLdNode,
): JsonLdNode {
  const distributions = node['dcat:distribution'];
  if (!Array.isArray(distributions)) return node;
  return { ...node, 'dcat:distribution': distributions.map((d) => amend(d as JsonLdNode)) };
}

/** The latest modification among the datasets (a catalog's own `dct:modified`). */
export function latestModified(datasets: Dataset[]): unknown {
  const latest = datasets.map((d) => d.modifiedAt).sort();
  const last = latest[latest.length - 1];
  return last === undefined ? undefined : { '@value': last, '@type': 'xsd:dateTime' };
}

/**
 * A profile that names the publisher its own way (on the catalog, and on each dataset in the
 * dataset's publisher's name) and gives every dataset a contact point; `more` amends a dataset
 * further.
 */
export function publisherProfile(
  publisher: (name: string, input: ProfileInput) => JsonLdNode,
  more: (node: JsonLdNode, dataset: Dataset) => JsonLdNode = (node) => node,
): DcatProfile {
  return {
    context: {},
    dataset: (node, dataset, input) =>
      more(
        {
          ...node,
          'dct:publisher': publisher(dataset.metas.publisher ?? input.title, input),
          'dcat:contactPoint': contactPoint(dataset, input),
        },
        dataset,
      ),
    catalog: (node, _datasets, input) => ({
      ...node,
      'dct:publisher': publisher(input.title, input),
    }),
  };
}
