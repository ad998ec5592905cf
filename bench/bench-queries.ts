// The queries the bench times over HTTP (bench/queries-child.ts) and straight on the engine
// (bench/floor-child.ts), on the generated Alim'confiance-shaped dataset. Each is an Explore v2.1
// URL; the floor reads the same URL's parameters and compiles them as the portal does.

export const DATASET_ID = 'bench_alimconfiance';
export const API = `/api/explore/v2.1/catalog/datasets/${DATASET_ID}`;

export type QueryKind = 'records' | 'record' | 'facets';

export interface BenchQuery {
  key: string;
  label: string;
  kind: QueryKind;
  /** Path and query string; `{id}` stands for a record id found at run time. */
  path: string;
}

const q = (params: Record<string, string | string[]>): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
  }
  return search.toString();
};

/** A facet field's value that about 7.5 % of the generated rows hold. */
const FILTER = 'synthese_eval_sanit:A améliorer';
const FACETS = ['synthese_eval_sanit', 'reg_name', 'app_libelle_activite_etablissement'];
const SCORE = 'avg(app_code_synthese_eval_sanit) as score';

export const QUERIES: BenchQuery[] = [
  {
    key: 'filtered',
    label: 'records: facet filter, by date, 20',
    kind: 'records',
    path: `${API}/records?${q({ refine: FILTER, order_by: 'date_inspection desc', limit: '20' })}`,
  },
  {
    key: 'filteredDeep',
    label: 'records: same, offset 9980',
    kind: 'records',
    path: `${API}/records?${q({ refine: FILTER, order_by: 'date_inspection desc', limit: '20', offset: '9980' })}`,
  },
  {
    key: 'search',
    label: 'records: full-text search, 20',
    kind: 'records',
    path: `${API}/records?${q({ where: '"pizzeria"', limit: '20' })}`,
  },
  { key: 'byId', label: 'record by id', kind: 'record', path: `${API}/records/{id}` },
  {
    key: 'geo',
    label: 'records: within_distance 2 km, 20',
    kind: 'records',
    path: `${API}/records?${q({ where: "within_distance(geores, geom'POINT(2.3488 48.8534)', 2km)", limit: '20' })}`,
  },
  {
    key: 'facetsAll',
    label: 'facets: 3 fields, whole dataset',
    kind: 'facets',
    path: `${API}/facets?${q({ facet: FACETS })}`,
  },
  {
    key: 'facetsFiltered',
    label: 'facets: 3 fields, under a filter',
    kind: 'facets',
    // A `where` (not a refine): the answer is computed each time, not kept (records/facets.ts).
    path: `${API}/facets?${q({ facet: FACETS, where: "date_inspection >= date'2025-01-01'" })}`,
  },
  {
    key: 'groupByField',
    label: 'aggregation: count, avg by a field',
    kind: 'records',
    path: `${API}/records?${q({ select: `reg_name, count(*) as n, ${SCORE}`, group_by: 'reg_name', limit: '100' })}`,
  },
  {
    key: 'groupByYear',
    label: 'aggregation: count, avg by year',
    kind: 'records',
    path: `${API}/records?${q({ select: `year(date_inspection) as y, count(*) as n, ${SCORE}`, group_by: 'year(date_inspection) as y', limit: '100' })}`,
  },
];

/** Where a record id is found: a page of one record with its links. */
export const RECORD_ID_PATH = `${API}/records?${q({ limit: '1', offset: '5000', include_links: 'true' })}`;

/** The filtered page that the throughput run repeats. */
export const THROUGHPUT_PATH = QUERIES[0]!.path;

/** The endurance run's mixed load: site pages, records, facets and small exports in turn. */
export const MIXED_PATHS = [
  `/explore/dataset/${DATASET_ID}/table/`,
  QUERIES[0]!.path,
  `${API}/facets?${q({ facet: FACETS, refine: 'reg_name:Bretagne' })}`,
  `${API}/exports/csv?${q({ refine: FILTER, limit: '1000' })}`,
  QUERIES[2]!.path,
  `/explore/dataset/${DATASET_ID}/information/`,
  QUERIES[4]!.path,
  `${API}/exports/geojson?${q({ refine: 'dep_name:Gironde', limit: '500' })}`,
];

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export interface Timing {
  firstMs: number;
  medianMs: number;
  p99Ms: number;
  runs: number;
}

/**
 * Times `a` and `b` in turn (one run of each, again and again, so that both meet the same load
 * on a shared machine), after a first (cold) run and 2 warm-up runs of each: at least 20 runs,
 * at most 300, and no more once 6 s have passed. Times in milliseconds.
 */
/**
 * Times `count` runs of `run` one right after the other: the steady latency of a server that
 * is kept busy, as a dashboard's burst of calls or an application's traffic keeps it.
 */
export async function timeBurst(run: () => Promise<unknown>, count = 300): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  const firstMs = times[0]!;
  times.sort((x, y) => x - y);
  return { firstMs, medianMs: percentile(times, 50), p99Ms: percentile(times, 99), runs: count };
}

export async function timeInterleaved(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[Timing, Timing]> {
  const once = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  const first = [await once(a), await once(b)];
  for (let i = 0; i < 2; i++) {
    await once(a);
    await once(b);
  }
  const times: [number[], number[]] = [[], []];
  const end = performance.now() + 6000;
  while (times[0].length < 20 || (times[0].length < 300 && performance.now() < end)) {
    times[0].push(await once(a));
    times[1].push(await once(b));
  }
  return times.map((list, i) => {
    list.sort((x, y) => x - y);
    return {
      firstMs: first[i]!,
      medianMs: percentile(list, 50),
      p99Ms: percentile(list, 99),
      runs: list.length,
    };
  }) as [Timing, Timing];
}
