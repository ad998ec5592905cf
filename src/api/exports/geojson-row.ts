// The GeoJSON export's row encoder (a RowEncoding module, run in the reader threads): one
// Feature, whose geometry is the first geo column (projected when `epsg` is given) and whose
// properties are the others.

import type { JoinedRuns } from '../../core/joined-runs.ts';
import { joinedPosition } from '../../core/joined-runs.ts';
import type { JoinedRowEncoder, RowEncoder } from '../../core/row-encoding.ts';
import type { OutputColumn } from '../../odsql/index.ts';
import { renderValue } from '../../records/render.ts';
import { prepareReprojection, reprojection } from './epsg.ts';
import { numberText, recordMembers } from './json-row.ts';
import { rowGeometry } from './geometry.ts';

export interface GeoJsonRowOptions {
  columns: OutputColumn[];
  timezone: string;
  /** Index in `columns` of the geometry column. */
  geoIndex: number;
  /** The EPSG code coordinates are written in; WGS 84 longitude/latitude when absent. */
  epsg?: number;
  /** Rows come with these runs of the properties joined as JSON members (jsonRuns). */
  joined?: JoinedRuns;
}

export const GEOJSON_ROW_MODULE = import.meta.url;

/** The columns other than the geometry's: the Feature's properties. */
export function propertyColumns(options: GeoJsonRowOptions): OutputColumn[] {
  return options.columns.filter((_, i) => i !== options.geoIndex);
}

/** The JSON text of an unprojected point's geometry (rowGeometry's), without the objects. */
function pointGeometry(column: OutputColumn): (row: readonly unknown[]) => string {
  const [latAt = 0, lonAt = 1] = column.positions;
  return (row) => {
    const lat = row[latAt];
    const lon = row[lonAt];
    if (lat == null || lon == null) return 'null';
    return `{"type":"Point","coordinates":[${numberText(Number(lon))},${numberText(Number(lat))}]}`;
  };
}

/** Imports proj4 in this thread when the features are reprojected (RowEncoderModule.prepare). */
export function prepare(options: GeoJsonRowOptions): Promise<void> {
  return prepareReprojection(options.epsg);
}

export function createRowEncoder(options: GeoJsonRowOptions): RowEncoder | JoinedRowEncoder {
  const { columns, timezone, geoIndex, joined } = options;
  const column = columns[geoIndex];
  // Its positions in the row as it comes (moved back by the runs joined before it).
  const geoColumn =
    column && joined
      ? { ...column, positions: column.positions.map((p) => joinedPosition(joined.runs, p)) }
      : column;
  const others = propertyColumns(options);
  const project = options.epsg ? reprojection(options.epsg) : null;
  // The properties written member by member, as the JSON export writes a record.
  const members = recordMembers(others, timezone, joined);
  const geometryText = (row: readonly unknown[]) => {
    const found = rowGeometry(row, geoColumn, timezone);
    return JSON.stringify(found && project ? project.geometry(found) : found);
  };
  const pointText =
    geoColumn?.type === 'geo_point_2d' && !project ? pointGeometry(geoColumn) : null;
  return (row) => {
    if (members) {
      const properties = members(row);
      if (properties === null) return null;
      const geometry = pointText ? pointText(row) : geometryText(row);
      return `{"type":"Feature","geometry":${geometry},"properties":{${properties}}}`;
    }
    const found = rowGeometry(row, geoColumn, timezone);
    const geometry = found && project ? project.geometry(found) : found;
    const properties: Record<string, unknown> = {};
    for (const column of others) properties[column.key] = renderValue(row, column, timezone);
    return JSON.stringify({ type: 'Feature', geometry, properties });
  };
}
