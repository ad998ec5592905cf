// Every conformance case, in one list.
import type { Case } from './case.ts';
import { AGGREGATE_CASES } from './cases-aggregates.ts';
import { DATE_CASES } from './cases-dates.ts';
import { FACET_CASES } from './cases-facets.ts';
import { FILTER_CASES } from './cases-filters.ts';
import { GEO_CASES } from './cases-geo.ts';
import { LANG_CASES } from './cases-lang.ts';
import { MULTIVALUED_GROUP_CASES } from './cases-multivalued-groups.ts';
import { ORDER_CASES } from './cases-order.ts';
import { SEARCH_CASES } from './cases-search.ts';
import { SELECT_CASES } from './cases-select.ts';
import { TEXT_CASES } from './cases-text.ts';

export const CASES: Case[] = [
  ...FILTER_CASES,
  ...TEXT_CASES,
  ...SEARCH_CASES,
  ...GEO_CASES,
  ...DATE_CASES,
  ...FACET_CASES,
  ...ORDER_CASES,
  ...AGGREGATE_CASES,
  ...MULTIVALUED_GROUP_CASES,
  ...SELECT_CASES,
  ...LANG_CASES,
];
