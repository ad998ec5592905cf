// Processor configurations: the steps an import applies to every record, in order (rename a
// field, compute one, skip records…). Plain JSON, stored with a dataset and edited in the back
// office; `parseProcessors` checks the shape of each one, the ingest pipeline checks the rest
// against the fields (docs/processors.md).

import { PortalError } from './errors.ts';
import type { FieldType } from './field.ts';
import { isFieldType } from './field.ts';

export interface RenameProcessor {
  type: 'rename';
  field: string;
  to: string;
  /** A new label; the field keeps its label otherwise. */
  label?: string;
}

export interface RetypeProcessor {
  type: 'retype';
  field: string;
  to: FieldType;
}

export interface DeleteProcessor {
  type: 'delete';
  field: string;
}

/** Sets a field (new or existing) to a constant or to an ODSQL expression of the record. */
export interface SetProcessor {
  type: 'set';
  field: string;
  /** A constant (exclusive with `expression`). */
  value?: string | number | boolean | null;
  /** An ODSQL value expression such as `upper(libelle_commune)`. */
  expression?: string;
  /** The field type; by default the constant's or the expression's own type. */
  fieldType?: FieldType;
  label?: string;
}

export interface SplitProcessor {
  type: 'split';
  field: string;
  separator: string;
}

export interface GeoPointProcessor {
  type: 'geo_point';
  latitude: string;
  longitude: string;
  /** The new geo_point_2d field (default `geo_point_2d`). */
  to?: string;
}

export interface SplitGeoPointProcessor {
  type: 'split_geo_point';
  field: string;
  /** Names of the two new decimal fields (default `<field>_lat`, `<field>_lon`). */
  latitude?: string;
  longitude?: string;
}

export interface NormalizeDateProcessor {
  type: 'normalize_date';
  field: string;
  /** strftime (`%d/%m/%Y %H:%M`) or ODS/Joda letters (`dd/MM/yyyy HH:mm`). */
  format: string;
  /** IANA zone of the wall-clock times read (default UTC). */
  timezone?: string;
  /** The type the field becomes (default datetime). */
  to?: 'date' | 'datetime';
}

export interface SkipProcessor {
  type: 'skip';
  /** An ODSQL condition: the records it matches are not imported. */
  where: string;
}

export interface DeduplicateProcessor {
  type: 'deduplicate';
  /** The first record of each combination of these fields' values is kept. */
  fields: string[];
}

export const ADMIN_OUTPUTS = [
  'reg_name',
  'reg_code',
  'dep_name',
  'dep_code',
  'com_name',
  'com_code',
] as const;
export type AdminOutput = (typeof ADMIN_OUTPUTS)[number];

export interface AdminDivisionsProcessor {
  type: 'admin_divisions';
  /** The field holding the code. */
  field: string;
  /** What the field holds: an INSEE commune code or a postal code. */
  code: 'insee' | 'postal_code';
  /** A field with the commune's name, to choose among the communes of a shared postal code. */
  communeName?: string;
  /** Output field names (Alim'confiance's by default); null leaves one out. */
  outputs?: Partial<Record<AdminOutput, string | null>>;
}

export type ProcessorConfig =
  | RenameProcessor
  | RetypeProcessor
  | DeleteProcessor
  | SetProcessor
  | SplitProcessor
  | GeoPointProcessor
  | SplitGeoPointProcessor
  | NormalizeDateProcessor
  | SkipProcessor
  | DeduplicateProcessor
  | AdminDivisionsProcessor;

export type ProcessorType = ProcessorConfig['type'];

export const PROCESSOR_TYPES: readonly ProcessorType[] = [
  'rename',
  'retype',
  'delete',
  'set',
  'split',
  'geo_point',
  'split_geo_point',
  'normalize_date',
  'skip',
  'deduplicate',
  'admin_divisions',
];

/** The error for processor `index` (0-based), about its option `option`. */
export function processorError(
  index: number,
  type: string,
  option: string,
  detail: string,
): PortalError {
  return new PortalError('DG_ERR_PROCESSOR_INVALID', {
    position: index + 1,
    processor: type,
    option,
    detail,
  });
}

// As the names the import derives from labels: `_` never first (`_id`, `_rowid` are the
// storage's own columns).
const FIELD_NAME = /^[a-z0-9][a-z0-9_]{0,99}$/;

/** Whether a processor may name a field so (a-z, 0-9 and _, not starting with _, at most 100). */
export function isProcessorFieldName(name: string): boolean {
  return FIELD_NAME.test(name);
}

type Raw = Record<string, unknown>;

/** Reads the options of one processor, failing with the option's name. */
class Options {
  constructor(
    private readonly raw: Raw,
    private readonly index: number,
    private readonly type: string,
  ) {}

  fail(option: string, detail: string): never {
    throw processorError(this.index, this.type, option, detail);
  }

  only(allowed: string[]): void {
    for (const key of Object.keys(this.raw)) {
      if (key !== 'type' && !allowed.includes(key)) this.fail(key, 'unknown option');
    }
  }

  name(option: string, required = true): string | undefined {
    const value = this.raw[option];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value === '') this.fail(option, 'a field name is required');
    if (!FIELD_NAME.test(value)) {
      this.fail(
        option,
        `"${value}" is not a field name (a-z, 0-9 and _, not starting with _, at most 100)`,
      );
    }
    return value;
  }

  text(option: string, required = true): string | undefined {
    const value = this.raw[option];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') this.fail(option, 'a text is required');
    if (value.length > 2000) this.fail(option, 'at most 2000 characters');
    return value;
  }

  fieldType(option: string, required = true): FieldType | undefined {
    const value = this.raw[option];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || !isFieldType(value)) this.fail(option, 'not a field type');
    return value;
  }

  oneOf<T extends string>(option: string, values: readonly T[], fallback?: T): T {
    const value = this.raw[option] ?? fallback;
    if (typeof value !== 'string' || !values.includes(value as T)) {
      this.fail(option, `expected one of ${values.join(', ')}`);
    }
    return value as T;
  }
}

function checkTimeZone(options: Options, zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    options.fail('timezone', `unknown time zone "${zone}"`);
  }
}

function parseOne(raw: Raw, index: number): ProcessorConfig {
  const type = raw['type'];
  if (typeof type !== 'string' || !PROCESSOR_TYPES.includes(type as ProcessorType)) {
    throw processorError(index, String(type), 'type', 'unknown processor type');
  }
  const o: Options = new Options(raw, index, type);
  const field = (): string => o.name('field') as string;
  switch (type as ProcessorType) {
    case 'rename': {
      o.only(['field', 'to', 'label']);
      const label = o.text('label', false);
      return { type: 'rename', field: field(), to: o.name('to') as string, ...opt({ label }) };
    }
    case 'retype':
      o.only(['field', 'to']);
      return { type: 'retype', field: field(), to: o.fieldType('to') as FieldType };
    case 'delete':
      o.only(['field']);
      return { type: 'delete', field: field() };
    case 'set':
      return parseSet(raw, o, field());
    case 'split': {
      o.only(['field', 'separator']);
      const separator = raw['separator'];
      if (typeof separator !== 'string' || separator === '' || separator.length > 10) {
        o.fail('separator', 'one to ten characters');
      }
      return { type: 'split', field: field(), separator };
    }
    case 'geo_point': {
      o.only(['latitude', 'longitude', 'to']);
      const to = o.name('to', false);
      const latitude = o.name('latitude') as string;
      return {
        type: 'geo_point',
        latitude,
        longitude: o.name('longitude') as string,
        ...opt({ to }),
      };
    }
    case 'split_geo_point': {
      o.only(['field', 'latitude', 'longitude']);
      const latitude = o.name('latitude', false);
      const longitude = o.name('longitude', false);
      return { type: 'split_geo_point', field: field(), ...opt({ latitude, longitude }) };
    }
    case 'normalize_date': {
      o.only(['field', 'format', 'timezone', 'to']);
      const timezone = o.text('timezone', false);
      if (timezone !== undefined) checkTimeZone(o, timezone);
      const to = o.oneOf('to', ['date', 'datetime'] as const, 'datetime');
      const format = o.text('format') as string;
      return { type: 'normalize_date', field: field(), format, to, ...opt({ timezone }) };
    }
    case 'skip':
      o.only(['where']);
      return { type: 'skip', where: o.text('where') as string };
    case 'deduplicate': {
      o.only(['fields']);
      const fields = raw['fields'];
      if (!Array.isArray(fields) || fields.length === 0) o.fail('fields', 'at least one field');
      fields.forEach((name: unknown) => {
        if (typeof name !== 'string' || !FIELD_NAME.test(name)) {
          o.fail('fields', `"${String(name)}" is not a field name`);
        }
      });
      return { type: 'deduplicate', fields: [...new Set(fields as string[])] };
    }
    case 'admin_divisions':
      return parseAdminDivisions(raw, o, field());
  }
}

/** Drops the undefined entries (the configuration stays plain JSON). */
function opt<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) out[key as keyof T] = value as T[keyof T];
  }
  return out;
}

function parseSet(raw: Raw, o: Options, field: string): SetProcessor {
  o.only(['field', 'value', 'expression', 'fieldType', 'label']);
  const hasValue = 'value' in raw;
  const expression = o.text('expression', false);
  if (hasValue === (expression !== undefined)) {
    o.fail('expression', 'give either a value or an expression');
  }
  const value = raw['value'];
  const scalar =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value));
  if (hasValue && !scalar) o.fail('value', 'a text, a number, true, false or null');
  const fieldType = o.fieldType('fieldType', false);
  const label = o.text('label', false);
  const source = hasValue ? { value: value as SetProcessor['value'] } : { expression };
  return { type: 'set', field, ...source, ...opt({ fieldType, label }) };
}

function parseAdminDivisions(raw: Raw, o: Options, field: string): AdminDivisionsProcessor {
  o.only(['field', 'code', 'communeName', 'outputs']);
  const code = o.oneOf('code', ['insee', 'postal_code'] as const);
  const communeName = o.name('communeName', false);
  const outputs = raw['outputs'];
  const result: AdminDivisionsProcessor = { type: 'admin_divisions', field, code };
  if (communeName !== undefined) result.communeName = communeName;
  if (outputs === undefined) return result;
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) {
    o.fail('outputs', 'an object of output names');
  }
  const names: Partial<Record<AdminOutput, string | null>> = {};
  for (const [key, name] of Object.entries(outputs as Raw)) {
    if (!(ADMIN_OUTPUTS as readonly string[]).includes(key)) {
      o.fail('outputs', `"${key}" is not one of ${ADMIN_OUTPUTS.join(', ')}`);
    }
    if (name !== null && (typeof name !== 'string' || !FIELD_NAME.test(name))) {
      o.fail('outputs', `"${String(name)}" is not a field name`);
    }
    names[key as AdminOutput] = name as string | null;
  }
  result.outputs = names;
  return result;
}

/** Checks a list of processor configurations (parsed JSON); throws DG_ERR_PROCESSOR_INVALID. */
export function parseProcessors(value: unknown): ProcessorConfig[] {
  if (!Array.isArray(value)) {
    throw new PortalError('DG_ERR_PROCESSOR_INVALID', {
      position: 0,
      processor: 'list',
      option: 'processors',
      detail: 'expected a list of processors',
    });
  }
  return value.map((raw: unknown, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw processorError(index, 'processor', 'type', 'expected an object');
    }
    return parseOne(raw as Raw, index);
  });
}
