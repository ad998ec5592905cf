// Rendering v1 query values as ODSQL literals, by the type of the field they apply to.

import type { Field } from '../../core/field.ts';

const NUMBER = /^[+-]?\d+(\.\d+)?$/;
/** v1 dates: `2013`, `2013/02`, `2013/02/11`, or ISO `2013-02-11[T…]`. */
const SLASHED_DATE = /^(\d{4})(?:\/(\d{1,2})(?:\/(\d{1,2}))?)?$/;
const ISO_DATE = /^\d{4}-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?$/;

export function odsqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function odsqlName(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/** `2013/2/1` → `2013-02-01`; ISO text as is; null when it is not a date. */
export function v1DateText(value: string): string | null {
  const slashed = SLASHED_DATE.exec(value);
  if (slashed) {
    const [, year, month, day] = slashed;
    return [year, month?.padStart(2, '0'), day?.padStart(2, '0')].filter(Boolean).join('-');
  }
  return ISO_DATE.test(value) ? value : null;
}

/** The ODSQL literal of a v1 value compared with `field` (unknown fields guess from the text). */
export function odsqlValue(value: string, quoted: boolean, field: Field | undefined): string {
  const type = field?.type;
  if (type === 'date' || type === 'datetime') {
    const date = v1DateText(value);
    return date === null ? odsqlString(value) : `date'${date}'`;
  }
  if (type === 'int' || type === 'double' || (type === undefined && !quoted)) {
    return NUMBER.test(value) ? value : odsqlString(value);
  }
  if (type === 'boolean' && /^(true|false)$/i.test(value)) return value.toLowerCase();
  return odsqlString(value);
}
