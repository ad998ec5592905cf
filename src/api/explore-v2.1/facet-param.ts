// The `facet` parameter: a field name, or `facet(name="x", disjunctive=true, sort="-count",
// limit=10)` as ods-widgets and the official client send it.

import { PortalError } from '../../core/errors.ts';
import type { FacetSpec } from '../../records/index.ts';

function invalid(text: string, why: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
    detail: `Invalid value for facet API parameter: ${JSON.stringify(text)} ${why}.`,
  });
}

const ARGUMENT = /\s*([a-z_]+)\s*=\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,\s)]+)\s*(,|$)/y;

function unquote(raw: string): string {
  if (raw.startsWith('"') || raw.startsWith("'")) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  return raw;
}

export function parseFacetParameter(text: string): FacetSpec {
  const trimmed = text.trim();
  const call = /^facet\s*\((.*)\)$/is.exec(trimmed);
  if (!call) {
    if (!/^[A-Za-z0-9_.]+$/.test(trimmed)) throw invalid(text, 'is not a field name nor facet(…)');
    return { name: trimmed };
  }
  const body = call[1] as string;
  const args = new Map<string, string>();
  ARGUMENT.lastIndex = 0;
  while (ARGUMENT.lastIndex < body.length) {
    const start = ARGUMENT.lastIndex;
    const match = ARGUMENT.exec(body);
    if (!match || match.index !== start) throw invalid(text, 'has an argument that cannot be read');
    args.set(match[1] as string, unquote(match[2] as string));
    if (match[3] === '') break;
  }
  const name = args.get('name');
  if (!name) throw invalid(text, 'needs name="<field>"');
  const spec: FacetSpec = { name };
  const disjunctive = args.get('disjunctive');
  if (disjunctive !== undefined) {
    if (!/^(true|false)$/i.test(disjunctive))
      throw invalid(text, 'has a disjunctive that is not true or false');
    spec.disjunctive = disjunctive.toLowerCase() === 'true';
  }
  const sort = args.get('sort');
  if (sort !== undefined) spec.sort = sort;
  const limit = args.get('limit');
  if (limit !== undefined) {
    if (!/^\d{1,6}$/.test(limit)) throw invalid(text, 'has a limit that is not a positive number');
    spec.limit = Number(limit);
  }
  return spec;
}
