// /backoffice/api-keys/: every signed-in user's own keys (administrators: every key, with its
// owner), the form that creates one (the key is shown once, right after), and revocation.

import type { ApiKey, User } from '../core/account.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import { ScrollTable } from '../web/components/scroll-table.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { Notice } from './backoffice-frame.tsx';
import { BackOfficeFrame } from './backoffice-frame.tsx';
import { API_KEYS_PATH } from './backoffice-menu.tsx';
import type { ApiKeyField, ApiKeyValues } from './api-key-form.ts';
import type { Problems } from './form-fields.tsx';
import { SelectField, TextField } from './form-fields.tsx';
import { keyState } from '../web/pages/account/api-keys-section.tsx';

export interface ApiKeysPageState {
  keys: ApiKey[];
  /** Owners by id, when the viewer sees others' keys (administrators). */
  owners: Map<string, User> | null;
  form: ApiKeyValues;
  problems: Problems<ApiKeyField>;
  /** The key just created, shown this once. */
  created: string | null;
  notice: Notice | null;
}

function KeysTable({ ctx, state }: { ctx: PageContext; state: ApiKeysPageState }) {
  const { t } = ctx;
  const now = new Date().toISOString();
  if (state.keys.length === 0) return <p id="keys-none">{t('account.keys.none')}</p>;
  return (
    <ScrollTable id="api-keys" caption={t('bo.keys.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('account.keys.label')}</th>
          {state.owners ? <th scope="col">{t('bo.keys.owner')}</th> : null}
          <th scope="col">{t('account.keys.prefix')}</th>
          <th scope="col">{t('account.keys.scope')}</th>
          <th scope="col">{t('account.keys.state')}</th>
          <th scope="col">{t('account.keys.lastUsed')}</th>
          <th scope="col">{t('account.keys.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {state.keys.map((key) => (
          <tr id={`key-row-${key.id}`}>
            <th scope="row">{key.label || '—'}</th>
            {state.owners ? <td>{state.owners.get(key.userId)?.email ?? key.userId}</td> : null}
            <td>
              <code>{key.prefix}…</code>
            </td>
            <td>{t(key.scope === 'write' ? 'account.keys.write' : 'account.keys.read')}</td>
            <td>{keyState(ctx, key, now)}</td>
            <td>{key.lastUsedAt ? key.lastUsedAt.slice(0, 10) : t('account.keys.never')}</td>
            <td>
              {key.revokedAt ? null : (
                <form method="post" action={`${API_KEYS_PATH}${key.id}/revoke`}>
                  <CsrfField ctx={ctx} />
                  <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">
                    {t('account.keys.revoke')}
                    <span class="fr-sr-only"> {key.prefix}</span>
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function ApiKeysPage({ ctx, state }: { ctx: PageContext; state: ApiKeysPageState }) {
  const { t } = ctx;
  const { form, problems } = state;
  return (
    <BackOfficeFrame
      ctx={ctx}
      title={t('bo.keys.title')}
      section={API_KEYS_PATH}
      notice={state.notice}
    >
      <p>{t(state.owners ? 'bo.keys.introAdmin' : 'bo.keys.intro')}</p>
      {state.created ? (
        <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
          <h2 class="fr-alert__title">{t('account.keys.created')}</h2>
          <p>{t('account.keys.createdOnce')}</p>
          <p>
            <code id="new-api-key" class="dg-secret">
              {state.created}
            </code>
          </p>
        </div>
      ) : null}
      <KeysTable ctx={ctx} state={state} />
      <section aria-labelledby="new-key-heading" class="fr-mt-6w">
        <h2 id="new-key-heading">{t('account.keys.new')}</h2>
        <form method="post" action={API_KEYS_PATH} novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            id="key-label"
            name="label"
            label={t('account.keys.label')}
            value={form.label}
            problem={problems.label}
          />
          <SelectField
            ctx={ctx}
            id="key-scope"
            name="scope"
            label={t('account.keys.scope')}
            value={form.scope}
            options={[
              { value: 'read', label: t('account.keys.read') },
              { value: 'write', label: t('account.keys.write') },
            ]}
            problem={problems.scope}
          />
          <TextField
            ctx={ctx}
            id="key-expires"
            name="expires"
            type="date"
            label={t('account.keys.expires')}
            hint={t('bo.keys.expiresHint')}
            value={form.expires}
            problem={problems.expires}
          />
          <button class="fr-btn" type="submit">
            {t('account.keys.create')}
          </button>
        </form>
      </section>
    </BackOfficeFrame>
  );
}
