// A time zone's offsets over a span of years, as the instants where they change: what
// formatInstant writes for an instant, without asking Intl for each (SQL writes instants from
// them, storage/sqlite/line-values-sql.ts). The offset of an instant is that of the start of its
// quarter hour, as zoneOffsetMinutes takes it, so the changes found are quarter-hour starts.

import { isUtcZone, zoneOffsetMinutes } from './iso-time.ts';

export interface ZoneOffsets {
  /** Instants (ms) from which the offsets are known, and up to which (excluded). */
  from: number;
  to: number;
  /** Instants (ms, ascending) where the offset changes. */
  changes: number[];
  /** The offset in minutes before the first change, then from each change on. */
  offsets: number[];
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;
/** 1900-01-01 and 2100-01-01: the offsets of dates people export. */
export const ZONE_OFFSETS_FROM_MS = Date.UTC(1900, 0, 1);
export const ZONE_OFFSETS_TO_MS = Date.UTC(2100, 0, 1);

const known = new Map<string, ZoneOffsets>();
const KNOWN_LIMIT = 32;

/** The first quarter-hour start in (`low`, `high`] whose offset differs from `low`'s. */
function firstChange(zone: string, low: number, high: number): number {
  const before = zoneOffsetMinutes(low, zone);
  let [a, b] = [low / QUARTER_HOUR_MS, high / QUARTER_HOUR_MS];
  while (b - a > 1) {
    const middle = Math.floor((a + b) / 2);
    if (zoneOffsetMinutes(middle * QUARTER_HOUR_MS, zone) === before) a = middle;
    else b = middle;
  }
  return b * QUARTER_HOUR_MS;
}

/**
 * The offsets of `zone` from 1900 to 2100, looked at day by day (a change and its reversal
 * within one day would be missed: no zone has one), each change then found to the quarter hour.
 * About 73,000 lookups the first time for a zone, then kept.
 */
export function zoneOffsets(zone: string): ZoneOffsets {
  const kept = known.get(zone);
  if (kept) return kept;
  const from = ZONE_OFFSETS_FROM_MS;
  const to = ZONE_OFFSETS_TO_MS;
  const changes: number[] = [];
  const offsets = [zoneOffsetMinutes(from, zone)];
  if (!isUtcZone(zone)) {
    for (let day = from; day < to; day += DAY_MS) {
      const next = Math.min(day + DAY_MS, to);
      if (zoneOffsetMinutes(next, zone) === offsets[offsets.length - 1]) continue;
      // The change lies in this day; later ones too, if the day holds several.
      let start = day;
      while (zoneOffsetMinutes(next, zone) !== offsets[offsets.length - 1]) {
        const change = firstChange(zone, start, next);
        changes.push(change);
        offsets.push(zoneOffsetMinutes(change, zone));
        start = change;
      }
    }
  }
  const result = { from, to, changes, offsets };
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(zone, result);
  return result;
}
