// Building facet nodes from grouped counts: states (displayed, refined, excluded), sorting,
// multivalued values split, and the year → month → day hierarchy of dates. Pure code.

export type FacetState = 'displayed' | 'refined' | 'excluded';

export interface FacetNode {
  name: string;
  value: string;
  count: number;
  state: FacetState;
  facets?: FacetNode[];
}

export type FacetSort = 'count' | '-count' | 'alphanum' | '-alphanum' | 'num' | '-num';

export const FACET_SORTS: readonly FacetSort[] = [
  'count',
  '-count',
  'alphanum',
  '-alphanum',
  'num',
  '-num',
];

export interface FacetSelection {
  refined: ReadonlySet<string>;
  excluded: ReadonlySet<string>;
}

function compare(sort: FacetSort): (a: FacetNode, b: FacetNode) => number {
  const byValue = (a: FacetNode, b: FacetNode) => a.value.localeCompare(b.value, 'fr');
  switch (sort) {
    case 'count':
      return (a, b) => a.count - b.count || byValue(a, b);
    case '-count':
      return (a, b) => b.count - a.count || byValue(a, b);
    case 'alphanum':
      return byValue;
    case '-alphanum':
      return (a, b) => byValue(b, a);
    case 'num':
      return (a, b) => Number(a.value) - Number(b.value);
    case '-num':
      return (a, b) => Number(b.value) - Number(a.value);
  }
}

function stateOf(value: string, selection: FacetSelection): FacetState {
  if (selection.excluded.has(value)) return 'excluded';
  if (selection.refined.has(value)) return 'refined';
  return 'displayed';
}

/** Flat facet values from (value, count) pairs; lists are split and their items counted. */
export function flatFacet(
  counts: Iterable<[unknown, number]>,
  selection: FacetSelection,
  sort: FacetSort,
  limit: number | undefined,
): FacetNode[] {
  const totals = new Map<string, number>();
  for (const [raw, count] of counts) {
    if (raw == null) continue;
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (value == null) continue;
      const key = String(value);
      totals.set(key, (totals.get(key) ?? 0) + count);
    }
  }
  for (const value of selection.excluded) if (!totals.has(value)) totals.set(value, 0);
  for (const value of selection.refined) if (!totals.has(value)) totals.set(value, 0);
  const nodes = [...totals].map(([value, count]) => ({
    name: value,
    value,
    count,
    state: stateOf(value, selection),
  }));
  nodes.sort(compare(sort));
  return limit === undefined ? nodes : nodes.slice(0, limit);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date hierarchy from counts by (year, month, day): years at the top; the months of a
 * refined year under it; the days of a refined month under that.
 */
export function dateFacet(
  counts: Iterable<[number | null, number | null, number | null, number]>,
  selection: FacetSelection,
  sort: FacetSort,
): FacetNode[] {
  const years = new Map<
    string,
    { count: number; months: Map<string, { count: number; days: Map<string, number> }> }
  >();
  for (const [year, month, day, count] of counts) {
    if (year == null) continue;
    const y = String(year);
    const yearNode = years.get(y) ?? { count: 0, months: new Map() };
    yearNode.count += count;
    years.set(y, yearNode);
    if (month == null) continue;
    const m = `${y}/${pad(month)}`;
    const monthNode = yearNode.months.get(m) ?? { count: 0, days: new Map() };
    monthNode.count += count;
    yearNode.months.set(m, monthNode);
    if (day == null) continue;
    const d = `${m}/${pad(day)}`;
    monthNode.days.set(d, (monthNode.days.get(d) ?? 0) + count);
  }
  const order = compare(sort);
  const node = (value: string, count: number): FacetNode => ({
    name: value.split('/').pop() ?? value,
    value,
    count,
    state: stateOf(value, selection),
  });
  const isOpen = (value: string) =>
    [...selection.refined].some((r) => r === value || r.startsWith(`${value}/`));
  return [...years]
    .map(([y, yearNode]) => {
      const top = node(y, yearNode.count);
      if (isOpen(y)) {
        top.facets = [...yearNode.months]
          .map(([m, monthNode]) => {
            const month = node(m, monthNode.count);
            if (isOpen(m))
              month.facets = [...monthNode.days].map(([d, n]) => node(d, n)).sort(order);
            return month;
          })
          .sort(order);
      }
      return top;
    })
    .sort(order);
}
