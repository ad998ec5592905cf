// ISO 8601 rendering of instants in an IANA time zone, with the zone's offset (`+01:00`).

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 50_000;
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** True when `zone` is a time zone id the runtime knows (`Europe/Paris`, `UTC`…). */
export function isValidTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True for the ids of UTC itself, whose offset is always zero (`+00:00`). */
export function isUtcZone(zone: string): boolean {
  return zone === 'UTC' || zone === 'Etc/UTC';
}

/** The zone's offset from UTC at instant `ms`, in minutes (east positive). */
export function zoneOffsetMinutes(ms: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  // Offsets change on quarter-hour boundaries at the finest, so one lookup serves 15 minutes.
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${zone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const instant = bucket * QUARTER_HOUR_MS;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallClock = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  const offset = Math.round((wallClock - instant) / 60_000);
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** An offset in minutes as ISO 8601 writes it after a time: `+01:00`, `-03:30`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * `2019-03-22T01:00:00+01:00`: the instant as wall-clock time in `zone`, with the offset.
 * Milliseconds appear only when not zero (`…:00.250+00:00`).
 */
export function formatInstant(ms: number, zone: string): string {
  const offset = zoneOffsetMinutes(ms, zone);
  const local = new Date(ms + offset * 60_000);
  const millis = local.getUTCMilliseconds();
  const year = local.getUTCFullYear();
  const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
  return (
    `${yearText}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (millis === 0 ? '' : `.${pad(millis, 3)}`) +
    formatOffset(offset)
  );
}

const DAY_MS = 86_400_000;
/** Beyond this, Date is invalid: formatInstant's own rendering applies. */
const MAX_INSTANT_MS = 8.64e15;
const INSTANT_CACHE_LIMIT = 100_000;
/** Whole texts kept by an instant formatter (forgotten all at once past this). */
const TEXT_CACHE_LIMIT = 16_384;

/**
 * formatInstant for one zone, for many instants (a whole export): the offset of each quarter
 * hour and the date text of each local day are computed once, the time of day by arithmetic.
 */
export function instantFormatter(zone: string): (ms: number) => string {
  const offsets = new Map<number, number>();
  const offsetTexts = new Map<number, string>();
  const days = new Map<number, string>();
  // Whole texts too: exported instants repeat (days, hours), and a hit skips the building.
  const texts = new Map<number, string>();
  return (ms) => {
    const known = texts.get(ms);
    if (known !== undefined) return known;
    if (!Number.isInteger(ms) || Math.abs(ms) > MAX_INSTANT_MS) return formatInstant(ms, zone);
    const bucket = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      if (offsets.size >= INSTANT_CACHE_LIMIT) offsets.clear();
      offset = zoneOffsetMinutes(ms, zone);
      offsets.set(bucket, offset);
    }
    let offsetText = offsetTexts.get(offset);
    if (offsetText === undefined) {
      offsetText = formatOffset(offset);
      offsetTexts.set(offset, offsetText);
    }
    const local = ms + offset * 60_000;
    const day = Math.floor(local / DAY_MS);
    let dayText = days.get(day);
    if (dayText === undefined) {
      if (days.size >= INSTANT_CACHE_LIMIT) days.clear();
      const date = new Date(day * DAY_MS);
      const year = date.getUTCFullYear();
      const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : String(year);
      dayText = `${yearText}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T`;
      days.set(day, dayText);
    }
    const time = local - day * DAY_MS;
    const millis = time % 1000;
    const seconds = Math.floor(time / 1000);
    const text =
      `${dayText}${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:` +
      `${pad(seconds % 60)}${millis === 0 ? '' : `.${pad(millis, 3)}`}${offsetText}`;
    if (texts.size >= TEXT_CACHE_LIMIT) texts.clear();
    texts.set(ms, text);
    return text;
  };
}
