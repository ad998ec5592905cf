// Writes a deterministic, Alim'confiance-shaped CSV (the ODS export dialect: `;`, CRLF, UTF-8,
// label headers, quotes only where needed) with the 2024–2026 field list.
//   node --import tsx scripts/gen-alimconfiance.ts --rows N --out FILE [--seed S]
// The same arguments always give the same bytes: every random choice comes from one seeded PRNG,
// and inspection dates fall in the five years before a fixed end date (WINDOW_END).

import { createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const WINDOW_END = Date.UTC(2026, 10, 30);
const WINDOW_DAYS = 5 * 365;
const DAY_MS = 86400000;
const BUFFER_BYTES = 1 << 20;
/** More than any record can take (a few hundred characters, at most 3 bytes each). */
const MAX_LINE_BYTES = 16 * 1024;

const HEADER = [
  'APP_Libelle_etablissement',
  'SIRET',
  'Adresse_2_UA',
  'Code_postal',
  'Libelle_commune',
  'Numero_inspection',
  'Date_inspection',
  'APP_Libelle_activite_etablissement',
  'Synthese_eval_sanit',
  'APP_Code_synthese_eval_sanit',
  'Agrement',
  'geores',
  'filtre',
  'ods_type_activite',
  'reg_name',
  'reg_code',
  'dep_name',
  'dep_code',
  'com_name',
  'com_code',
];

/** Results with their code and share of inspections. */
const RESULTS: [string, number][] = [
  ['Très satisfaisant', 0.51],
  ['Satisfaisant', 0.41],
  ['A améliorer', 0.075],
  ['A corriger de manière urgente', 0.005],
];

const SURNAMES = (
  'MARTIN BERNARD DUBOIS THOMAS ROBERT RICHARD PETIT DURAND LEROY MOREAU SIMON LAURENT LEFEBVRE ' +
  'MICHEL GARCIA DAVID BERTRAND ROUX VINCENT FOURNIER MOREL GIRARD ANDRE MERCIER DUPONT LAMBERT ' +
  'BONNET FRANCOIS MARTINEZ LEGRAND NGUYEN CHEVALIER LE GALL BARBIER ROUSSEAU BLANC GUERIN MULLER'
).split(' ');
const FIRST_NAMES = (
  'MARIE JEAN PIERRE SOPHIE NICOLAS ISABELLE LUC CAMILLE KARIM LINH ANTOINE JULIE YANN INES ' +
  'THOMAS CLAIRE HUGO SARAH MEHDI LEA PAUL EMMA'
).split(' ');
const NAME_WORDS = (
  'RELAIS BISTROT COMPTOIR JARDIN MOULIN PALAIS COIN CAFE AUBERGE TABLE CANTINE FOURNIL ' +
  'GOURMET SAVEURS DELICES PANIER MARCHE FERME PORT VILLAGE PLACE GARE PONT CHATEAU ZINC ' +
  'BRASSERIE PIZZERIA GRILL WOK SUSHI KEBAB CREPERIE BOULANGERIE BOUCHERIE EPICERIE'
).split(' ');
const NAME_TAILS = (
  "DU MOULIN|DE LA GARE|DES AMIS|DU PORT|DE LA PLACE|GOURMAND|DORE|DES HALLES|DU CENTRE|D'ASIE|" +
  "DU MARCHE|DES SPORTS|DE LA MAIRIE|DU LAC|SAINT-JACQUES|DES DELICES|DU TERROIR|D'ITALIE|DU SOLEIL"
).split('|');
const STREET_KINDS = 'RUE|AVENUE|BOULEVARD|PLACE|CHEMIN|ROUTE|IMPASSE|ALLEE|QUAI|ZA'.split('|');
const STREET_NAMES = (
  'DE LA REPUBLIQUE|DU GENERAL DE GAULLE|JEAN JAURES|VICTOR HUGO|DE LA GARE|DU MARCHE|PASTEUR|' +
  'DES ECOLES|DE L EGLISE|DU STADE|GAMBETTA|DE LA LIBERATION|DES LILAS|DU MOULIN|NATIONALE|' +
  'DE PARIS|DU COMMERCE|DES ARTISANS|FOCH|DE LA PAIX|DU 8 MAI 1945|DES TILLEULS|CARNOT'
).split('|');

interface Commune {
  code: string;
  nom: string;
  departement: string;
  region: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
}

interface Named {
  code: string;
  nom: string;
}

interface GeneratorData {
  departementCentroids: Record<string, [number, number, number]>;
  activities: [string, number, string][];
}

/** sfc32, seeded from a string: small, fast and the same on every platform. */
function prng(seed: string): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 1;
  for (let i = 0; i < seed.length; i++) {
    a = Math.imul(a ^ seed.charCodeAt(i), 0x85ebca6b);
    b = Math.imul(b ^ a, 0xc2b2ae35);
    c = (c + b) | 0;
  }
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** Picks by weight with a binary search over cumulative weights. */
function weighted<T>(items: readonly T[], weightOf: (item: T) => number): (r: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weightOf(item)));
  return (r) => {
    const target = r * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

/** Quotes a free-text value only when it needs it (the other columns never do). */
function quoted(value: string): string {
  if (!value.includes('"') && !value.includes(';')) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/** Six decimals at most, trailing zeros dropped, as in the real exports (`45.16474`). */
function round6(value: number): string {
  const micro = Math.round(Math.abs(value) * 1e6);
  const whole = Math.floor(micro / 1e6);
  let fraction = String(micro - whole * 1e6).padStart(6, '0');
  let end = 6;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = end === 0 ? '' : `.${fraction.slice(0, end)}`;
  return `${value < 0 && micro > 0 ? '-' : ''}${whole}${fraction}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Upper case without accents, as recent exports spell Libelle_commune. */
function plainUpper(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[-']/g, ' ')
    .toUpperCase();
}

/** Midnight UTC rendered in Europe/Berlin time, as the ODS CSV export does. */
function berlinMidnight(dayMs: number): string {
  const date = new Date(dayMs);
  const year = date.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return last.getTime() - last.getUTCDay() * DAY_MS;
  };
  const summer = dayMs > lastSunday(2) && dayMs <= lastSunday(9);
  const day = date.toISOString().slice(0, 10);
  return summer ? `${day}T02:00:00+02:00` : `${day}T01:00:00+01:00`;
}

/** A 14-digit SIRET whose SIREN and SIRET pass the Luhn check, like real ones. */
function siret(random: () => number): string {
  const first = random() < 0.01 ? 0 : [2, 3, 4, 5, 7, 8, 9][Math.floor(random() * 7)];
  let digits = String(first) + pad(Math.floor(random() * 1e7), 7);
  digits += luhnDigit(digits);
  digits += pad(Math.floor(random() * 100) + 1, 4);
  return digits + luhnDigit(digits);
}

function luhnDigit(partial: string): number {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let digit = partial.charCodeAt(partial.length - 1 - i) - 48;
    if (i % 2 === 0 && (digit *= 2) > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

function loadData() {
  const require = createRequire(import.meta.url);
  const communes = (
    require('@etalab/decoupage-administratif/data/communes.json') as Commune[]
  ).filter((c) => c.type === 'commune-actuelle' && c.population && c.codesPostaux?.length);
  const departements = require('@etalab/decoupage-administratif/data/departements.json') as Named[];
  const regions = require('@etalab/decoupage-administratif/data/regions.json') as Named[];
  const path = fileURLToPath(new URL('./data/alimconfiance-gen.json', import.meta.url));
  const data = JSON.parse(readFileSync(path, 'utf8')) as GeneratorData;
  return {
    communes: communes.filter((c) => data.departementCentroids[c.departement]),
    depNames: new Map(departements.map((d) => [d.code, d.nom])),
    regNames: new Map(regions.map((r) => [r.code, r.nom])),
    ...data,
  };
}

type Data = ReturnType<typeof loadData>;

/** Returns a function that writes one random record as a CSV line. */
function recordWriter(data: Data, random: () => number): () => string {
  const pickCommune = weighted(data.communes, (c) => c.population ?? 0);
  const pickActivity = weighted(data.activities, (a) => a[1]);
  const pickResult = weighted([1, 2, 3, 4], (code) => (RESULTS[code - 1] as [string, number])[1]);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const gauss = () => (random() + random() + random() - 1.5) * 2;
  const dates = Array.from({ length: WINDOW_DAYS }, (_, i) =>
    berlinMidnight(WINDOW_END - i * DAY_MS),
  );
  const communeLabels = new Map(data.communes.map((c) => [c, plainUpper(c.nom)]));
  const name = () => {
    const r = random();
    if (r < 0.35)
      return `${pick(['LE', 'LA', 'AU', 'CHEZ', "L'"])} ${pick(NAME_WORDS)} ${pick(NAME_TAILS)}`;
    if (r < 0.6) return `${pick(NAME_WORDS)} ${pick(SURNAMES)}`;
    if (r < 0.8)
      return `${pick(NAME_WORDS)} ${pick(NAME_TAILS)} (${pick(SURNAMES)} ${pick(FIRST_NAMES)})`;
    if (r < 0.999) return `SARL ${pick(SURNAMES)} - ${pick(NAME_WORDS)} ${pick(NAME_TAILS)}`;
    return `LE "${pick(NAME_WORDS)}" ${pick(NAME_TAILS)}`;
  };
  const address = () => {
    const r = random();
    if (r < 0.02) return '';
    if (r < 0.07) return pick(['LD LE BOURG', 'LE BOURG', 'ZI LES PORTES', 'CENTRE COMMERCIAL']);
    return `${1 + Math.floor(random() * 180)} ${pick(STREET_KINDS)} ${pick(STREET_NAMES)}`;
  };
  return () => {
    const commune = pickCommune(random());
    const [lat, lon] = data.departementCentroids[commune.departement] as [number, number, number];
    const activities = [pickActivity(random())];
    if (random() < 0.08) activities.push(pickActivity(random()));
    if (random() < 0.02) activities.push(pickActivity(random()));
    const [label, , category] = activities[0] as [string, number, string];
    const single = activities.length === 1;
    const labels = single ? label : [...new Set(activities.map((a) => a[0]))].join(',');
    const filtre = single
      ? category
      : [...new Set(activities.map((a) => a[2]).filter((f) => f !== ''))].sort().join(',');
    const code = pickResult(random());
    const result = (RESULTS[code - 1] as [string, number])[0];
    const date = dates[Math.floor(random() * WINDOW_DAYS)] as string;
    const year = date.slice(2, 4);
    const inspection = `${year}-${pad(Math.floor(random() * 1e6), 6)}-${random() < 0.95 ? 1 : 2}`;
    const industrial = filtre === '';
    const agrement =
      industrial && random() < 0.7
        ? `${commune.departement.slice(0, 2)}${commune.code.slice(-3)}${pad(Math.floor(random() * 1000), 3)}`
        : '';
    const geores =
      random() < 0.04 ? '' : `${round6(lat + gauss() * 0.04)}, ${round6(lon + gauss() * 0.055)}`;
    const cells = [
      quoted(name()),
      siret(random),
      quoted(address()),
      pick(commune.codesPostaux as string[]),
      communeLabels.get(commune),
      inspection,
      date,
      labels,
      result,
      String(code),
      agrement,
      geores,
      filtre,
      'Autres',
      data.regNames.get(commune.region) ?? '',
      commune.region,
      data.depNames.get(commune.departement) ?? '',
      commune.departement,
      commune.nom,
      commune.code,
    ];
    return cells.join(';');
  };
}

export interface GenerateOptions {
  rows: number;
  out: string;
  seed: string;
}

/** Streams the file; resolves with the number of bytes written. */
export async function generate({ rows, out, seed }: GenerateOptions): Promise<number> {
  const next = recordWriter(loadData(), prng(seed));
  const stream = createWriteStream(out);
  const closed = once(stream, 'close');
  // Lines are UTF-8-encoded one by one into 1 MiB buffers: faster than encoding a big string.
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES + MAX_LINE_BYTES);
  let used = 0;
  let bytes = 0;
  const flush = async () => {
    const chunk = buffer.subarray(0, used);
    bytes += used;
    buffer = Buffer.allocUnsafe(BUFFER_BYTES + MAX_LINE_BYTES);
    used = 0;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  used += buffer.write(HEADER.join(';') + '\r\n', used);
  for (let i = 0; i < rows; i++) {
    used += buffer.write(next(), used);
    buffer[used++] = 13;
    buffer[used++] = 10;
    if (used >= BUFFER_BYTES) await flush();
  }
  await flush();
  stream.end();
  await closed;
  return bytes;
}

const USAGE = 'usage: gen-alimconfiance --rows N --out FILE [--seed S]';

function parseArgs(args: string[]): GenerateOptions | undefined {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [key, value] = [args[i] as string, args[i + 1]];
    if (!['--rows', '--out', '--seed'].includes(key) || value === undefined) return undefined;
    values.set(key, value);
  }
  const rows = Number(values.get('--rows'));
  const out = values.get('--out');
  if (!Number.isSafeInteger(rows) || rows < 0 || !out) return undefined;
  return { rows, out, seed: values.get('--seed') ?? '1' };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!options) {
    console.error(USAGE);
    process.exit(2);
  }
  const start = performance.now();
  const bytes = await generate(options);
  const seconds = (performance.now() - start) / 1000;
  const rate = Math.round(options.rows / seconds);
  console.log(
    `Wrote ${options.rows} rows (${(bytes / 1e6).toFixed(1)} MB) to ${options.out} in ` +
      `${seconds.toFixed(1)} s (${rate} rows/s), seed ${options.seed}.`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
