// The DCAT template of a dataset's metadata (`metas.dcat`, as ODS names it), which the catalog's
// DCAT exports and the Explore API's `metas.dcat` carry to harvesters such as data.gouv.fr.

/**
 * Accrual periodicities: the codes of the EU "frequency" authority table, which DCAT-AP uses
 * (`http://publications.europa.eu/resource/authority/frequency/<CODE>`).
 */
export const ACCRUAL_PERIODICITIES = [
  'CONT',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'QUARTERLY',
  'ANNUAL',
  'IRREG',
  'NEVER',
  'UNKNOWN',
] as const;

export type AccrualPeriodicity = (typeof ACCRUAL_PERIODICITIES)[number];

export const FREQUENCY_AUTHORITY = 'http://publications.europa.eu/resource/authority/frequency/';

export interface DcatMetas {
  /** `YYYY-MM-DD`. */
  created: string | null;
  /** `YYYY-MM-DD`. */
  issued: string | null;
  creator: string | null;
  contributor: string | null;
  contact_name: string | null;
  contact_email: string | null;
  accrualperiodicity: AccrualPeriodicity | null;
  /** The place the data covers, in words or as a URI. */
  spatial: string | null;
  /** `YYYY-MM-DD`. */
  temporal_coverage_start: string | null;
  /** `YYYY-MM-DD`. */
  temporal_coverage_end: string | null;
  granularity: string | null;
  dataquality: string | null;
}

export const DCAT_KEYS: readonly (keyof DcatMetas)[] = [
  'created',
  'issued',
  'creator',
  'contributor',
  'contact_name',
  'contact_email',
  'accrualperiodicity',
  'spatial',
  'temporal_coverage_start',
  'temporal_coverage_end',
  'granularity',
  'dataquality',
];

export function isAccrualPeriodicity(value: string): value is AccrualPeriodicity {
  return (ACCRUAL_PERIODICITIES as readonly string[]).includes(value);
}

/** The DCAT template of `metas` (every key present, null when unset). */
export function dcatMetasOf(metas: Record<string, unknown>): DcatMetas {
  const stored = metas['dcat'];
  const source =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const text = (key: keyof DcatMetas) => {
    const value = source[key];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const periodicity = text('accrualperiodicity');
  return {
    created: text('created'),
    issued: text('issued'),
    creator: text('creator'),
    contributor: text('contributor'),
    contact_name: text('contact_name'),
    contact_email: text('contact_email'),
    accrualperiodicity:
      periodicity !== null && isAccrualPeriodicity(periodicity) ? periodicity : null,
    spatial: text('spatial'),
    temporal_coverage_start: text('temporal_coverage_start'),
    temporal_coverage_end: text('temporal_coverage_end'),
    granularity: text('granularity'),
    dataquality: text('dataquality'),
  };
}

/** Whether any DCAT value is set. */
export function hasDcatMetas(dcat: DcatMetas): boolean {
  return DCAT_KEYS.some((key) => dcat[key] !== null);
}
