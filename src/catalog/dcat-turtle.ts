// The DCAT-AP catalog as Turtle: the JSON-LD graph of dcat.ts turned into triples and written
// by N3.js. Prefixed names (`dcat:Dataset`) are expanded with the graph's @context.
// N3.js (about 9 MB) is imported when a catalog is first asked in Turtle or RDF/XML.

import type * as N3Module from 'n3';
import type { Quad, Quad_Object, Quad_Subject } from 'n3';

import { quadsToRdfXml } from './rdf-xml.ts';

type JsonLdNode = Record<string, unknown>;
type N3 = typeof N3Module;

let loaded: Promise<N3> | undefined;
function n3(): Promise<N3> {
  loaded ??= import('n3');
  return loaded;
}

/** The triples of a JSON-LD graph shaped like dcat.ts builds it. */
export async function jsonLdToQuads(graph: JsonLdNode): Promise<Quad[]> {
  const { namedNode, literal, blankNode, quad } = (await n3()).DataFactory;
  const context = graph['@context'] as Record<string, string>;
  const iri = (name: string) => {
    const [prefix, local] = name.split(':');
    const base = prefix !== undefined && local !== undefined ? context[prefix] : undefined;
    return namedNode(base ? `${base}${local}` : name);
  };
  const quads: Quad[] = [];

  const object = (value: unknown): Quad_Object => {
    if (value !== null && typeof value === 'object') {
      const node = value as JsonLdNode;
      if ('@value' in node) {
        const text = String(node['@value']);
        if (typeof node['@language'] === 'string') return literal(text, node['@language']);
        return literal(text, iri(String(node['@type'])));
      }
      return subject(node);
    }
    return literal(String(value));
  };

  function subject(node: JsonLdNode): Quad_Subject {
    const id = typeof node['@id'] === 'string' ? namedNode(node['@id']) : blankNode();
    for (const [key, value] of Object.entries(node)) {
      if (key === '@context' || key === '@id' || value === undefined || value === null) continue;
      const predicate = key === '@type' ? iri('rdf:type') : iri(key);
      for (const item of Array.isArray(value) ? value : [value]) {
        const target = key === '@type' ? iri(String(item)) : object(item);
        quads.push(quad(id, predicate, target));
      }
    }
    return id;
  }

  subject(graph);
  // A resource named in several places (a licence shared by distributions) is described once.
  const seen = new Set<string>();
  return quads.filter((q) => {
    const key = tripleKey(q);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A triple as text: equal triples, and only they, have the same. */
function tripleKey(q: Quad): string {
  const o = q.object;
  const literal = o.termType === 'Literal' ? `${o.language}|${o.datatype.value}` : '';
  return [
    q.subject.termType,
    q.subject.value,
    q.predicate.value,
    o.termType,
    o.value,
    literal,
  ].join('\u0000');
}

export async function jsonLdToTurtle(graph: JsonLdNode): Promise<string> {
  const { Writer } = await n3();
  const writer = new Writer({ prefixes: graph['@context'] as Record<string, string> });
  writer.addQuads(await jsonLdToQuads(graph));
  return new Promise((resolve, reject) =>
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))),
  );
}

export async function jsonLdToRdfXml(graph: JsonLdNode): Promise<string> {
  return quadsToRdfXml(await jsonLdToQuads(graph), graph['@context'] as Record<string, string>);
}
