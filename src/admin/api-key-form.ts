// The back office's API key form: label, scope and optional expiry day, as typed, and what is
// wrong with them, field by field, before the keys service sees them.

import type { Problems } from './form-fields.tsx';
import { formField } from './form-fields.tsx';

export interface ApiKeyValues {
  label: string;
  scope: string;
  /** `YYYY-MM-DD`, or empty for a key that does not expire. */
  expires: string;
}
export type ApiKeyField = keyof ApiKeyValues;

export function emptyApiKeyForm(): ApiKeyValues {
  return { label: '', scope: 'read', expires: '' };
}

export function apiKeyFromBody(body: Record<string, unknown> | undefined): ApiKeyValues {
  return {
    label: formField(body, 'label'),
    scope: formField(body, 'scope'),
    expires: formField(body, 'expires').trim(),
  };
}

/** `today` is the current UTC day, `YYYY-MM-DD`: a key must outlive it. */
export function checkApiKey(values: ApiKeyValues, today: string): Problems<ApiKeyField> {
  const problems: Problems<ApiKeyField> = {};
  if (values.label.trim().length > 200) {
    problems.label = { key: 'bo.error.tooLong', params: { max: 200 } };
  }
  if (values.scope !== 'read' && values.scope !== 'write')
    problems.scope = { key: 'bo.error.choice' };
  if (values.expires !== '') {
    const day = /^\d{4}-\d\d-\d\d$/.test(values.expires)
      ? new Date(`${values.expires}T00:00:00Z`)
      : null;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== values.expires) {
      problems.expires = { key: 'bo.keys.error.date' };
    } else if (values.expires <= today) {
      problems.expires = { key: 'bo.keys.error.past' };
    }
  }
  return problems;
}
