// The records every ODSQL feature test runs against, with the fields of their dataset.

import type { Field } from '../../src/core/field.ts';
import { makeField as f } from '../../src/core/field.ts';

export const FIELDS: Field[] = [
  f('name', 'text', { sortable: [] }),
  f('city', 'text', { hierarchical: ['/'] }),
  f('tags', 'text', { multivalued: [','] }),
  f('population', 'int'),
  f('score', 'double'),
  f('open', 'boolean'),
  f('day', 'date'),
  f('at', 'datetime'),
  f('geo', 'geo_point_2d'),
];

export const TABLE = 'ds_test';

export type Raw = [
  string | null,
  string | null,
  string[] | null,
  number | null,
  number | null,
  boolean | null,
  string | null,
  string | null,
  [number, number] | null,
];

export const ROWS: Raw[] = [
  [
    'Star Trek',
    'France/Paris',
    ['Restaurant', 'Traiteur'],
    100,
    1.5,
    true,
    '2019-03-22',
    '2019-03-22T10:00:00Z',
    [48.85, 2.35],
  ],
  [
    'Boulangerie Éclair',
    'France/Lyon',
    ['Boulangerie'],
    50,
    2.5,
    false,
    '2019-12-31',
    '2019-12-31T23:30:00Z',
    [45.76, 4.83],
  ],
  [
    'Star Wars',
    'France/Paris',
    ['Restaurant'],
    null,
    3.5,
    true,
    '2020-01-01',
    '2020-01-01T00:30:00Z',
    [48.86, 2.34],
  ],
  ['Café', null, null, 10, null, null, null, null, null],
];
