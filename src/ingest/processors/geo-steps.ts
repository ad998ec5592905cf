// Points from latitude and longitude fields, and the reverse.

import type { GeoPoint } from '../../core/cell.ts';
import { makeField } from '../../core/field.ts';
import type { GeoPointProcessor, SplitGeoPointProcessor } from '../../core/processors.ts';
import type { SchemaEntry, Step, StepContext } from './schema.ts';
import { shown } from './schema.ts';

/** A coordinate from a number, or from text (`48.85`, `48,85` with a decimal comma). */
function coordinate(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(',', '.');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

function numeric(ctx: StepContext, option: 'latitude' | 'longitude', name: string): SchemaEntry {
  const entry = ctx.existing(option, name);
  const type = entry.field.type;
  if (type !== 'int' && type !== 'double' && type !== 'text') {
    ctx.fail(option, `"${name}" is neither a number nor a text field`);
  }
  if (entry.field.annotations['multivalued']) ctx.fail(option, `"${name}" is multivalued`);
  return entry;
}

export function geoPointStep(ctx: StepContext, config: GeoPointProcessor): Step {
  const lat = numeric(ctx, 'latitude', config.latitude).slot;
  const lon = numeric(ctx, 'longitude', config.longitude).slot;
  const name = ctx.free('to', config.to ?? 'geo_point_2d');
  const { slot } = ctx.schema.add(makeField(name, 'geo_point_2d'));
  return (row, line, issues) => {
    const a = row[lat];
    const b = row[lon];
    row[slot] = null;
    if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
    const latitude = coordinate(a);
    const longitude = coordinate(b);
    if (latitude === undefined || latitude < -90 || latitude > 90) {
      issues.add(line, name, `latitude "${shown(String(a ?? ''))}" is not within -90…90`);
    } else if (longitude === undefined || longitude < -180 || longitude > 180) {
      issues.add(line, name, `longitude "${shown(String(b ?? ''))}" is not within -180…180`);
    } else {
      row[slot] = { lat: latitude, lon: longitude };
    }
    return true;
  };
}

export function splitGeoPointStep(ctx: StepContext, config: SplitGeoPointProcessor): Step {
  const source = ctx.existing('field', config.field);
  if (source.field.type !== 'geo_point_2d') {
    ctx.fail('field', `"${config.field}" is not a geo_point_2d field`);
  }
  const latName = ctx.free('latitude', config.latitude ?? `${config.field}_lat`);
  const lonName = config.longitude ?? `${config.field}_lon`;
  if (lonName === latName) ctx.fail('longitude', 'the same name as the latitude');
  ctx.free('longitude', lonName);
  const from = source.slot;
  const lat = ctx.schema.add(makeField(latName, 'double')).slot;
  const lon = ctx.schema.add(makeField(lonName, 'double')).slot;
  return (row) => {
    const point = row[from] as GeoPoint | null | undefined;
    row[lat] = point ? point.lat : null;
    row[lon] = point ? point.lon : null;
    return true;
  };
}
