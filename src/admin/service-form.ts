// The back office's service form: the fields as typed (kept on error), read into a declaration,
// and each refusal (a line the form cannot read, or DG_ERR_SERVICE_INVALID's detail) put next to
// the field it concerns, in the page's language.

import type { DeclaredCookie, ThirdPartyService } from '../core/third-party.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';

export const SERVICE_FIELDS = [
  'id',
  'kind',
  'category',
  'url',
  'name',
  'provider',
  'purposeFr',
  'purposeEn',
  'cookies',
  'attribution',
  'privacyUrl',
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];
export type ServiceFormValues = Record<ServiceField, string>;

export interface FieldProblem {
  key: MessageKey;
  params?: MessageParams;
}
export type FieldProblems = Partial<Record<ServiceField, FieldProblem>>;

const OPTIONAL: readonly ServiceField[] = ['cookies', 'attribution', 'privacyUrl'];
const REQUIRED = SERVICE_FIELDS.filter((field) => !OPTIONAL.includes(field));

export function emptyServiceForm(): ServiceFormValues {
  return Object.fromEntries(SERVICE_FIELDS.map((name) => [name, ''])) as ServiceFormValues;
}

export function serviceFormFromBody(body: Record<string, unknown> | undefined): ServiceFormValues {
  const values = emptyServiceForm();
  for (const name of SERVICE_FIELDS) {
    const value = body?.[name];
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

export function serviceFormOf(service: ThirdPartyService): ServiceFormValues {
  return {
    id: service.id,
    kind: service.kind,
    category: service.category,
    url: service.url,
    name: service.name,
    provider: service.provider,
    purposeFr: service.purpose.fr,
    purposeEn: service.purpose.en,
    cookies: service.cookies
      .map((c) => `${c.name}:${c.maxAgeSeconds === 0 ? 'session' : c.maxAgeSeconds}`)
      .join('\n'),
    attribution: service.attribution,
    privacyUrl: service.privacyUrl ?? '',
  };
}

/** The declaration, or what keeps the form from being one (before the service's own checks). */
export function readServiceForm(
  values: ServiceFormValues,
): { service: ThirdPartyService; problems: null } | { service: null; problems: FieldProblems } {
  const problems: FieldProblems = {};
  for (const name of REQUIRED) {
    if (values[name].trim() === '') problems[name] = { key: 'bo.error.required' };
  }
  const cookies: DeclaredCookie[] = [];
  for (const raw of values.cookies.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^([^:\s]+)\s*:\s*(\d+|session)$/.exec(line);
    if (!match) {
      problems.cookies ??= { key: 'bo.error.cookieLine', params: { line } };
      continue;
    }
    cookies.push({
      name: match[1]!,
      maxAgeSeconds: match[2] === 'session' ? 0 : Number(match[2]),
    });
  }
  if (Object.keys(problems).length > 0) return { service: null, problems };
  return {
    service: {
      id: values.id.trim(),
      name: values.name,
      provider: values.provider,
      category: values.category as ThirdPartyService['category'],
      purpose: { fr: values.purposeFr, en: values.purposeEn },
      kind: values.kind as ThirdPartyService['kind'],
      url: values.url,
      attribution: values.attribution,
      cookies,
      privacyUrl: values.privacyUrl.trim() || null,
    },
    problems: null,
  };
}

/** DG_ERR_SERVICE_INVALID's detail (core/third-party.ts) → the field it concerns. */
const DETAILS: {
  pattern: RegExp;
  field: ServiceField;
  problem: (m: RegExpExecArray) => FieldProblem;
}[] = [
  { pattern: /^Service id/, field: 'id', problem: () => ({ key: 'bo.error.id' }) },
  { pattern: /^Service kind/, field: 'kind', problem: () => ({ key: 'bo.error.choice' }) },
  { pattern: /^Service category/, field: 'category', problem: () => ({ key: 'bo.error.choice' }) },
  { pattern: /^A tile URL/, field: 'url', problem: () => ({ key: 'bo.error.tiles' }) },
  { pattern: /^The URL/, field: 'url', problem: () => ({ key: 'bo.error.url' }) },
  { pattern: /^The privacy URL/, field: 'privacyUrl', problem: () => ({ key: 'bo.error.url' }) },
  {
    pattern: /^Cookie name "(.*)" is not valid/,
    field: 'cookies',
    problem: (m) => ({ key: 'bo.error.cookieName', params: { name: m[1]! } }),
  },
  {
    pattern: /^Cookie (\S+) is declared twice/,
    field: 'cookies',
    problem: (m) => ({ key: 'bo.error.cookieTwice', params: { name: m[1]! } }),
  },
  ...(
    [
      ['The name', 'name'],
      ['The provider', 'provider'],
      ['The French purpose', 'purposeFr'],
      ['The English purpose', 'purposeEn'],
    ] as const
  ).map(([what, field]) => ({
    pattern: new RegExp(`^${what} is (?:empty|longer than (\\d+) characters)`),
    field,
    problem: (m: RegExpExecArray): FieldProblem =>
      m[1]
        ? { key: 'bo.error.tooLong', params: { max: Number(m[1]) } }
        : { key: 'bo.error.required' },
  })),
];

/** The field a refusal concerns, or null when the detail names none this form knows. */
export function problemOfDetail(
  detail: string,
): { field: ServiceField; problem: FieldProblem } | null {
  for (const entry of DETAILS) {
    const match = entry.pattern.exec(detail);
    if (match) return { field: entry.field, problem: entry.problem(match) };
  }
  return null;
}
