// The conformance dataset: eight records with one field of each type, nulls, accents,
// multivalued values, points and shapes, and instants around DST changes in several zones.
// Row `f` is all nulls. Comments give each instant in the zones the cases use.

import type { Row } from '../../../src/core/cell.ts';
import type { Field } from '../../../src/core/field.ts';
import { makeField as field } from '../../../src/core/field.ts';

export const CONFORMANCE_ID = 'conformance';
/** The same records in a dataset whose language is English (full-text stemming differs). */
export const ENGLISH_ID = 'conformance_en';

export const FIELDS: Field[] = [
  field('id', 'text', { sortable: [] }),
  field('name', 'text', { sortable: [] }),
  field('city', 'text', { hierarchical: ['/'] }),
  field('tags', 'text', { multivalued: [','] }),
  field('n', 'int'),
  field('x', 'double'),
  field('ok', 'boolean'),
  field('d', 'date'),
  field('ts', 'datetime'),
  field('geo', 'geo_point_2d'),
  field('shape', 'geo_shape'),
];

const box = (x1: number, y1: number, x2: number, y2: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x1, y1],
      [x2, y1],
      [x2, y2],
      [x1, y2],
      [x1, y1],
    ],
  ],
});

const utc = (iso: string): number => Date.parse(iso);

export const ROWS: Row[] = [
  // Paris: 2021-03-28 01:30 CET (before the spring change at 01:00 UTC).
  [
    'a',
    'Café de Paris',
    'France/Paris',
    ['bar', 'restaurant'],
    10,
    1.5,
    true,
    '2021-03-28',
    utc('2021-03-28T00:30:00Z'),
    { lat: 48.8566, lon: 2.3522 },
    box(2.2, 48.8, 2.5, 48.9),
  ],
  // Paris: 2021-03-28 03:30 CEST (after the change).
  [
    'b',
    'Boulangerie Éclair',
    'France/Lyon',
    ['boulangerie'],
    20,
    2.5,
    false,
    '2021-03-27',
    utc('2021-03-28T01:30:00Z'),
    { lat: 45.764, lon: 4.8357 },
    box(4.7, 45.7, 4.9, 45.8),
  ],
  // Paris: 2021-10-31 02:30 CEST (the first 02:30 of the autumn change at 01:00 UTC).
  [
    'c',
    "L'Étoile du Nord",
    'France/Paris',
    ['restaurant'],
    null,
    3.5,
    true,
    '2021-10-31',
    utc('2021-10-31T00:30:00Z'),
    { lat: 48.88, lon: 2.355 },
    null,
  ],
  // New York: 2021-11-07 01:30 EDT (the first 01:30; EST starts at 06:00 UTC). Paris: 06:30 CET.
  [
    'd',
    'New York Deli',
    'USA/New York',
    ['deli', 'bar'],
    30,
    -1,
    null,
    '2021-11-07',
    utc('2021-11-07T05:30:00Z'),
    { lat: 40.7128, lon: -74.006 },
    box(-74.1, 40.6, -73.9, 40.8),
  ],
  // Kolkata (+05:30): 2020-03-01 00:15. New York: 2020-02-29 13:45. Paris: 19:45.
  [
    'e',
    'Mumbai Masala',
    'India/Mumbai',
    null,
    0,
    0,
    false,
    '2020-02-29',
    utc('2020-02-29T18:45:00Z'),
    { lat: 19.076, lon: 72.8777 },
    null,
  ],
  ['f', null, null, null, null, null, null, null, null, null, null],
  // Paris: 2020-01-01 00:30. New York: 2019-12-31 18:30.
  [
    'g',
    'cafe 100%_ok',
    'France',
    ['bar'],
    -5,
    10.25,
    true,
    '2019-12-31',
    utc('2019-12-31T23:30:00Z'),
    { lat: 48.85, lon: 2.35 },
    box(2.3, 48.84, 2.36, 48.86),
  ],
  // Paris: 2021-10-31 02:30 CET (the second 02:30). Kolkata: 2021-10-31 07:00.
  [
    'h',
    'Zoé "Quote" \\ back',
    'France/Paris/Montmartre',
    ['Bar', 'crêperie'],
    100,
    0.1,
    false,
    '2021-10-30',
    utc('2021-10-31T01:30:00Z'),
    { lat: 48.8867, lon: 2.3431 },
    null,
  ],
];

export const ALL_IDS = ROWS.map((r) => r[0] as string);

/** A second dataset on the same portal, which no query of the first may ever reach. */
export const SECRET_ID = 'secret';
export const SECRET_FIELDS: Field[] = [field('id', 'text'), field('secret', 'text')];
export const SECRET_ROWS: Row[] = [
  ['s1', 'TOPSECRET-1'],
  ['s2', 'TOPSECRET-2'],
];
