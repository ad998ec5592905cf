// Geo predicates on points and shapes, v2.0 names, distances.
import type { Case } from './case.ts';
import { query, where } from './case.ts';

const PARIS = "geom'POINT(2.3522 48.8566)'";
const SQUARE = "geom'POLYGON((2 48, 3 48, 3 49, 2 49, 2 48))'";
const LYON_SQUARE = "geom'POLYGON((4 45, 5 45, 5 46, 4 46, 4 45))'";

export const GEO_CASES: Case[] = [
  where(`within_distance(geo, ${PARIS}, 1km)`, 'ag'),
  where(`within_distance(geo, ${PARIS}, 1000m)`, 'ag'),
  where(`within_distance(geo, ${PARIS}, 5km)`, 'acgh'),
  where(`within_distance(geo, ${PARIS}, 500km)`, 'abcgh'),
  where(`within_distance(geo, ${PARIS}, 10m)`, 'a'),
  where("within_distance(geo, geom'POINT(-74 40.7)', 10mi)", 'd'),
  where(`not within_distance(geo, ${PARIS}, 5km)`, 'bdef'),
  where(`distance(geo, ${PARIS}, 1km)`, 'ag'),
  where(`distance(geo, ${PARIS}) < 1000`, 'ag'),
  where(`distance(geo, ${PARIS}) > 1000000`, 'de'),
  where('in_bbox(geo, 48.9, 2.3, 48.8, 2.4)', 'acgh'),
  where('in_bbox(geo, 48.8, 2.4, 48.9, 2.3)', 'acgh'),
  where('in_bbox(geo, 46, 4, 45, 5)', 'b'),
  where('in_bbox(geo, 0, 0, 1, 1)', ''),
  where('in_bbox(shape, 48.85, 2.34, 48.86, 2.36)', 'ag'),
  where(`intersects(geo, ${SQUARE})`, 'acgh'),
  where(`disjoint(geo, ${SQUARE})`, 'bde'),
  where(`within(geo, ${SQUARE})`, 'acgh'),
  where(`polygon(geo, ${SQUARE})`, 'acgh'),
  where(`geometry(geo, ${SQUARE})`, 'acgh'),
  where(`geometry(geo, ${SQUARE}, INTERSECTS)`, 'acgh'),
  where(`geometry(geo, ${SQUARE}, DISJOINT)`, 'bde'),
  where(`geometry(geo, ${SQUARE}, WITHIN)`, 'acgh'),
  where("intersects(shape, geom'POINT(2.35 48.85)')", 'ag'),
  where(`intersects(shape, ${LYON_SQUARE})`, 'b'),
  where(`disjoint(shape, ${LYON_SQUARE})`, 'adg'),
  where(`within(shape, ${SQUARE})`, 'ag'),
  where(`intersects(geo, ${LYON_SQUARE})`, 'b'),
  where(`within_distance(shape, ${PARIS}, 10km)`, 'ag'),
  where(`distance(shape, ${PARIS}) < 1000`, 'a'),
  where(
    'intersects(geo, geom\'{"type": "Polygon", "coordinates": [[[4, 45], [5, 45], [5, 46], [4, 46], [4, 45]]]}\')',
    'b',
  ),
  query(
    { where: `within_distance(geo, ${PARIS}, 10000km)`, order_by: `distance(geo, ${PARIS})` },
    'agchbde',
  ),
  query({ order_by: `distance(geo, ${PARIS}) desc` }, 'edbhcgaf'),
];
