// French administrative divisions from @etalab/decoupage-administratif (offline, official
// data): a commune, its department and its region from an INSEE commune code or a postal code.
// The data is read once per process; every lookup is a Map access.
//
// Postal codes: about two thirds are shared by several communes. The commune is the one whose
// name (or former name: delegated and associated communes, Paris/Lyon/Marseille districts)
// matches the name given beside the code, or the only commune of the code. When neither tells,
// no commune is chosen, and the department and region are given only when every commune of the
// code has the same ones (all but a handful of codes that straddle a department border).

import { createRequire } from 'node:module';

export interface Division {
  com_code: string | null;
  com_name: string | null;
  dep_code: string;
  dep_name: string;
  reg_code: string;
  reg_name: string;
}

interface CommuneRecord {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  chefLieu?: string;
  commune?: string;
  codesPostaux?: string[];
}

interface Named {
  code: string;
  nom: string;
}

export interface AdminIndex {
  byInsee: Map<string, Division>;
  /** Postal code → its current communes. */
  byPostalCode: Map<string, Division[]>;
  /** Commune code → the names it answers to (its own, former and district names). */
  names: Map<string, string[]>;
  /** The same, folded, filled on first use (folding them all up front costs a good 0.1 s). */
  folded: Map<string, Set<string>>;
}

/** Lower case, no accents, words separated by one space, `ST`/`STE` spelt out. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\b(st|ste)\b/g, (m) => (m === 'st' ? 'saint' : 'sainte'));
}

function buildIndex(): AdminIndex {
  const require = createRequire(import.meta.url);
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as CommuneRecord[];
  const departments = require('@etalab/decoupage-administratif/data/departements.json') as Named[];
  const regions = require('@etalab/decoupage-administratif/data/regions.json') as Named[];
  const depNames = new Map(departments.map((d) => [d.code, d.nom]));
  const regNames = new Map(regions.map((r) => [r.code, r.nom]));
  const byInsee = new Map<string, Division>();
  const byPostalCode = new Map<string, Division[]>();
  const names = new Map<string, string[]>();
  const alias = (code: string, name: string): void => {
    const list = names.get(code);
    if (list) list.push(name);
    else names.set(code, [name]);
  };
  for (const c of communes) {
    if (c.type !== 'commune-actuelle' || !c.departement || !c.region) continue;
    const division: Division = {
      com_code: c.code,
      com_name: c.nom,
      dep_code: c.departement,
      dep_name: depNames.get(c.departement) ?? '',
      reg_code: c.region,
      reg_name: regNames.get(c.region) ?? '',
    };
    byInsee.set(c.code, division);
    alias(c.code, c.nom);
    for (const postalCode of c.codesPostaux ?? []) {
      const list = byPostalCode.get(postalCode);
      if (list) list.push(division);
      else byPostalCode.set(postalCode, [division]);
    }
  }
  // Former communes and districts answer for the current commune they belong to.
  for (const c of communes) {
    const parent = c.type === 'arrondissement-municipal' ? c.commune : c.chefLieu;
    if (c.type === 'commune-actuelle' || parent === undefined) continue;
    const division = byInsee.get(parent);
    if (!division) continue;
    if (!byInsee.has(c.code)) byInsee.set(c.code, division);
    alias(parent, c.nom);
  }
  return { byInsee, byPostalCode, names, folded: new Map() };
}

let index: AdminIndex | undefined;

/** The index, built on first use (about 0.2 s) and kept for the process. */
export function adminIndex(): AdminIndex {
  index ??= buildIndex();
  return index;
}

/** Department and region without a commune, when all candidates agree on them. */
function common(candidates: Division[]): Division | null {
  const first = candidates[0] as Division;
  const same = candidates.every((d) => d.dep_code === first.dep_code);
  if (!same) return null;
  return { ...first, com_code: null, com_name: null };
}

/** An INSEE code (`01001`, `2A004`; former communes and districts give their commune). */
export function divisionOfInsee(idx: AdminIndex, code: string): Division | null {
  return idx.byInsee.get(code.toUpperCase()) ?? null;
}

function foldedNames(idx: AdminIndex, code: string): Set<string> {
  let set = idx.folded.get(code);
  if (!set) {
    set = new Set((idx.names.get(code) ?? []).map(foldName));
    idx.folded.set(code, set);
  }
  return set;
}

/**
 * The one candidate named `name` (folded), or else the one whose name starts with it or that
 * it starts with, word-wise (`Herblay` for Herblay-sur-Seine, renamed in 2021).
 */
function byName(idx: AdminIndex, candidates: Division[], name: string): Division | undefined {
  const exact = candidates.filter((d) => foldedNames(idx, d.com_code as string).has(name));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;
  const prefixed = candidates.filter((d) =>
    [...foldedNames(idx, d.com_code as string)].some(
      (known) => known.startsWith(`${name} `) || name.startsWith(`${known} `),
    ),
  );
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** A postal code, with the commune's name to choose among the communes sharing it. */
export function divisionOfPostalCode(
  idx: AdminIndex,
  code: string,
  communeName: string | null,
): Division | null {
  const candidates = idx.byPostalCode.get(code);
  if (!candidates) return null;
  if (communeName && candidates.length > 1) {
    const named = byName(idx, candidates, foldName(communeName));
    if (named) return named;
  }
  if (candidates.length === 1) return candidates[0] as Division;
  return common(candidates);
}

/** A code as written in a file: trimmed, a number padded to 5 digits (`1400` → `01400`). */
export function normalizeCode(value: unknown): string | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 ? String(value).padStart(5, '0') : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  return /^\d{4}$/.test(text) ? `0${text}` : text;
}
