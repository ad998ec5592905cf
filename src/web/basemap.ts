// The offline basemap: the world's country outlines at 1:50 million (Natural Earth, through
// the world-atlas package), turned from TopoJSON into GeoJSON once and kept in memory. No
// request leaves the portal to draw a map.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import type { FastifyInstance } from 'fastify';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

export const COUNTRIES_URL = '/static/basemap/countries.geojson';
let countries: Promise<string> | undefined;

export function countriesGeoJson(): Promise<string> {
  countries ??= readFile(require.resolve('world-atlas/countries-50m.json'), 'utf8').then((text) => {
    const topology = JSON.parse(text) as Topology;
    // Three decimals (about 100 m) are finer than the 1:50 million outlines: half the bytes.
    return JSON.stringify(
      feature(topology, topology.objects['countries']!),
      (_key, value: unknown) =>
        typeof value === 'number' ? Math.round(value * 1000) / 1000 : value,
    );
  });
  return countries;
}

export function basemapRoutes(scope: FastifyInstance): void {
  scope.get(COUNTRIES_URL, async (_request, reply) =>
    reply
      .type('application/geo+json; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(await countriesGeoJson()),
  );
}
