// normalize_date: text read with an explicit format, as a date or as an instant in a time zone.
// A field the import already read as a date or datetime is converted, not parsed again.

import type { NormalizeDateProcessor } from '../../core/processors.ts';
import type { DateParts } from '../../odsql/dates.ts';
import { toEpochMs, wallClock } from '../../odsql/dates.ts';
import { compileDatePattern } from './date-pattern.ts';
import type { DatePattern } from './date-pattern.ts';
import type { Step, StepContext } from './schema.ts';
import { shown } from './schema.ts';

const CACHE_LIMIT = 50_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function dateText(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The converter from the field's current cells to the target type. */
function converter(
  ctx: StepContext,
  config: NormalizeDateProcessor,
  type: string,
  zone: string,
): (value: unknown) => unknown {
  const toDate = config.to === 'date';
  switch (type) {
    case 'text': {
      let pattern: DatePattern;
      try {
        pattern = compileDatePattern(config.format);
      } catch (error) {
        return ctx.fail('format', (error as Error).message);
      }
      return (value) => {
        const parts = typeof value === 'string' ? pattern.read(value) : undefined;
        if (!parts) return undefined;
        if (toDate) return dateText(parts.year, parts.month, parts.day);
        return toEpochMs(parts, zone);
      };
    }
    case 'date':
      if (toDate) return (value) => value;
      return (value) => {
        const text = value as string;
        const parts: DateParts = {
          year: Number(text.slice(0, 4)),
          month: Number(text.slice(5, 7)),
          day: Number(text.slice(8, 10)),
          hour: 0,
          minute: 0,
          second: 0,
          millisecond: 0,
          precision: 'day',
          offsetMinutes: null,
        };
        return toEpochMs(parts, zone);
      };
    case 'datetime':
      if (!toDate) return (value) => value;
      return (value) => {
        const w = wallClock(value as number, zone);
        return dateText(w.year, w.month, w.day);
      };
    default:
      return ctx.fail('field', `"${config.field}" holds neither text nor dates`);
  }
}

export function normalizeDateStep(ctx: StepContext, config: NormalizeDateProcessor): Step {
  const entry = ctx.existing('field', config.field);
  const from = entry.field;
  if (from.annotations['multivalued']) ctx.fail('field', `"${from.name}" is multivalued`);
  const zone = config.timezone ?? ctx.timeZone;
  const convert = converter(ctx, config, from.type, zone);
  const type = config.to ?? 'datetime';
  entry.field = { ...from, type };
  const { slot } = entry;
  const name = from.name;
  const format = config.format;
  // Files repeat their dates (a day per inspection, not a second): remember the answers.
  const known = new Map<unknown, unknown>();
  return (row, line, issues) => {
    const value = row[slot];
    if (value === null || value === undefined) return true;
    let converted = known.get(value);
    if (converted === undefined && !known.has(value)) {
      converted = convert(value);
      if (known.size >= CACHE_LIMIT) known.clear();
      known.set(value, converted);
    }
    if (converted === undefined) {
      row[slot] = null;
      issues.add(line, name, `"${shown(String(value))}" does not match the format "${format}"`);
    } else {
      row[slot] = converted;
    }
    return true;
  };
}
