// API v1's geocluster: the points of the dataset's geo_point_2d field clustered for a map zoom
// level with ODSQL's geo_cluster(), each cluster with its centre, count, envelope and series.

import type { CatalogService } from '../catalog/index.ts';
import { PortalError } from '../core/errors.ts';
import type { RecordsRequest, RecordsService } from './records-service.ts';
import type { Serie } from './series.ts';
import { compileSerie } from './series.ts';
import { MAX_POINTS } from './analyze.ts';

export interface GeoclusterRequest extends Pick<
  RecordsRequest,
  'datasetId' | 'viewer' | 'where' | 'refine' | 'exclude' | 'qv1' | 'timezone'
> {
  /** The map zoom level (geo_cluster() takes 0 to 25; higher levels are read as 25). */
  clusterprecision: number;
  /** The cluster radius in pixels (geo_cluster()'s default, 40, when absent). */
  clusterdistance?: number;
  series: Serie[];
}

export interface Cluster {
  cluster_center: [number, number];
  count: number;
  series?: Record<string, number | null>;
  cluster: unknown;
}

export interface GeoclusterAnswer {
  clusters: Cluster[];
  count: { min: number; max: number };
  series?: Record<string, { min: number | null; max: number | null }>;
  clusterprecision: number;
}

function invalid(detail: string): PortalError {
  return new PortalError('DG_ERR_REST_INVALID_PARAMETER', { detail });
}

const MAX_ZOOM = 25;

export async function geoclusterRecords(
  records: RecordsService,
  catalog: CatalogService,
  request: GeoclusterRequest,
): Promise<GeoclusterAnswer> {
  const dataset = await catalog.getDataset(request.datasetId, request.viewer);
  const fields = dataset.current?.fields ?? [];
  const geo = fields.find((f) => f.type === 'geo_point_2d');
  if (dataset.current && !geo) {
    throw invalid('The geocluster API needs a dataset with a geo_point_2d field.');
  }
  if (!(request.clusterprecision >= 0)) {
    throw invalid('Invalid value for clusterprecision API parameter: it is negative.');
  }
  const distance = request.clusterdistance;
  if (distance !== undefined && !(distance > 0)) {
    throw invalid('Invalid value for clusterdistance API parameter: it must be positive.');
  }
  const name = `\`${geo?.name ?? ''}\``;
  const zoom = Math.min(request.clusterprecision, MAX_ZOOM);
  const cluster = `geo_cluster(${name}, ${zoom}${distance === undefined ? '' : `, ${distance}`})`;
  const series = request.series.map((s, i) => compileSerie(s, `dg_s${i}`));
  const select = ['dg_c', 'count(*) as dg_n', `envelope(${name}) as dg_e`];
  const page = !geo
    ? { results: [] }
    : await records.queryRecords({
        datasetId: request.datasetId,
        viewer: request.viewer,
        select: [...select, ...series.flatMap((s) => s.select)].join(', '),
        where: request.where,
        groupBy: `${cluster} as dg_c`,
        orderBy: 'dg_n desc',
        refine: request.refine,
        exclude: request.exclude,
        qv1: request.qv1,
        timezone: request.timezone,
        limit: MAX_POINTS,
      });
  const clusters = page.results.map((row): Cluster => {
    const center = row['dg_c'] as { lat: number; lon: number };
    const envelope = row['dg_e'] as { geometry?: unknown } | null;
    const out: Cluster = {
      cluster_center: [center.lat, center.lon],
      count: Number(row['dg_n']),
      cluster: envelope?.geometry ?? null,
    };
    if (series.length > 0)
      out.series = Object.fromEntries(series.map((s) => [s.name, s.value(row)]));
    return out;
  });
  const counts = clusters.map((c) => c.count);
  const answer: GeoclusterAnswer = {
    clusters,
    count: {
      min: counts.length ? Math.min(...counts) : 0,
      max: counts.length ? Math.max(...counts) : 0,
    },
    clusterprecision: request.clusterprecision,
  };
  if (series.length > 0)
    answer.series = Object.fromEntries(series.map((s) => [s.name, range(clusters, s.name)]));
  return answer;
}

function range(clusters: Cluster[], name: string): { min: number | null; max: number | null } {
  const values = clusters
    .map((c) => c.series?.[name])
    .filter((v): v is number => typeof v === 'number');
  return values.length === 0
    ? { min: null, max: null }
    : { min: Math.min(...values), max: Math.max(...values) };
}
