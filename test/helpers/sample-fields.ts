// Fields and typed records of a small dataset with one field of each stored kind.

import type { Row } from '../../src/core/cell.ts';
import type { Field } from '../../src/core/field.ts';
import { makeField as field } from '../../src/core/field.ts';

export const SAMPLE_FIELDS: Field[] = [
  field('name', 'text', { sortable: [] }),
  field('city', 'text', { facet: [] }),
  field('tags', 'text', { multivalued: [';'] }),
  field('count', 'int'),
  field('score', 'double'),
  field('open', 'boolean'),
  field('day', 'date'),
  field('seen', 'datetime'),
  field('location', 'geo_point_2d'),
  field('area', 'geo_shape'),
  field('extra', 'json_blob'),
];

export function sampleRow(n: number): Row {
  return [
    `Café n°${n}`,
    n % 2 === 0 ? 'Lyon' : 'Nantes',
    ['a', `t${n}`],
    n,
    n / 4,
    n % 2 === 0,
    `2024-01-${String((n % 28) + 1).padStart(2, '0')}`,
    Date.UTC(2024, 0, 1, 12, 0, n % 60),
    { lat: 45 + n / 1000, lon: 4 + n / 1000 },
    {
      type: 'Polygon',
      coordinates: [
        [
          [4, 45],
          [5, 45],
          [5, 46],
          [4, 45],
        ],
      ],
    },
    { n },
  ];
}

export function sampleRows(count: number, from = 0): Row[] {
  return Array.from({ length: count }, (_, i) => sampleRow(from + i));
}

/** Tests that build their own fields use the same constructor. */
export { field };
