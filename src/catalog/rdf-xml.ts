// Triples written as RDF/XML: one rdf:Description per subject, IRIs as rdf:resource, blank
// nodes as rdf:nodeID, typed literals with rdf:datatype, tagged ones with xml:lang. Namespaces
// come from the prefixes.

import type { Quad } from 'n3';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function quadsToRdfXml(quads: Quad[], prefixes: Record<string, string>): string {
  const entries = Object.entries(prefixes);
  const qname = (iri: string): string => {
    for (const [prefix, base] of entries) {
      if (iri.startsWith(base) && /^[A-Za-z_][\w-]*$/.test(iri.slice(base.length))) {
        return `${prefix}:${iri.slice(base.length)}`;
      }
    }
    throw new Error(`No prefix for ${iri}`);
  };
  const subjects = new Map<string, Quad[]>();
  for (const q of quads) {
    const key = `${q.subject.termType}|${q.subject.value}`;
    const list = subjects.get(key);
    if (list) list.push(q);
    else subjects.set(key, [q]);
  }
  const descriptions = [...subjects.values()].map((list) => {
    const s = list[0]?.subject;
    const about =
      s?.termType === 'BlankNode'
        ? `rdf:nodeID="${escape(s.value)}"`
        : `rdf:about="${escape(s?.value ?? '')}"`;
    const properties = list.map((q) => {
      const name = qname(q.predicate.value);
      const o = q.object;
      if (o.termType === 'NamedNode') return `<${name} rdf:resource="${escape(o.value)}"/>`;
      if (o.termType === 'BlankNode') return `<${name} rdf:nodeID="${escape(o.value)}"/>`;
      const language = o.termType === 'Literal' ? o.language : '';
      const datatype = o.termType === 'Literal' ? o.datatype.value : '';
      const typed = language
        ? ` xml:lang="${escape(language)}"`
        : datatype && !datatype.endsWith('#string') && !datatype.endsWith('#langString')
          ? ` rdf:datatype="${escape(datatype)}"`
          : '';
      return `<${name}${typed}>${escape(o.value)}</${name}>`;
    });
    return `<rdf:Description ${about}>${properties.join('')}</rdf:Description>`;
  });
  const namespaces = entries
    .filter(([, base]) => base !== RDF)
    .map(([prefix, base]) => ` xmlns:${prefix}="${escape(base)}"`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="${RDF}"${namespaces}>${descriptions.join('')}</rdf:RDF>\n`;
}
