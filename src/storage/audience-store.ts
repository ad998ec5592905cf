// The storage contract for the portal's own audience measurement: hourly counters and each day's
// estimated number of visitors. Nothing else of a visitor is ever stored. Both engines implement it.

/** One hourly counter. Dimensions a metric does not use are ''. */
export interface AudienceCount {
  /** The hour's start, ISO 8601 UTC (`2026-11-29T10:00:00.000Z`). */
  hour: string;
  metric: string;
  dataset: string;
  kind: string;
  detail: string;
  count: number;
}

/** Counters summed over a period, per metric and dimensions. */
export type AudienceTotal = Omit<AudienceCount, 'hour'>;

export interface AudienceDaily {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  metric: string;
  count: number;
}

export interface VisitorCount {
  day: string;
  visitors: number;
}

/** A half-open period of hours, [from, to), ISO 8601 UTC. */
export interface HourRange {
  from: string;
  to: string;
}

export interface AudienceStore {
  /** Adds each count to its counter (created at zero), in one transaction. */
  addCounts(counts: AudienceCount[]): Promise<void>;
  /** Keeps the larger of the stored count and this one (a restarted process counts again). */
  saveVisitors(counts: VisitorCount[]): Promise<void>;
  /** Counters of the period (of one dataset when given), summed per metric, dataset, kind, detail. */
  totals(range: HourRange, dataset?: string): Promise<AudienceTotal[]>;
  /** Counters of the period (of one dataset when given), summed per UTC day and metric. */
  daily(range: HourRange, dataset?: string): Promise<AudienceDaily[]>;
  /** Estimated visitors of the days the period covers, oldest first. */
  visitors(range: HourRange): Promise<VisitorCount[]>;
  /** Deletes the counters of hours before `hour`, and the visitor counts of days before its day. */
  purgeBefore(hour: string): Promise<number>;
}
