// The API keys of the signed-in user on their account page: the list (never the keys
// themselves), a form to create one, shown once right after, and one revoke button per key.

import type { ApiKey } from '../../../core/account.ts';
import { CsrfField } from '../../components/csrf-field.tsx';
import type { PageContext } from '../../page-context.ts';

/** A key's state in words: revoked, expired, valid until a date, or without expiry. */
export function keyState(ctx: PageContext, key: ApiKey, now: string): string {
  const { t } = ctx;
  if (key.revokedAt) return t('account.keys.revoked', { date: key.revokedAt.slice(0, 10) });
  if (key.expiresAt && key.expiresAt <= now) return t('account.keys.expired');
  if (key.expiresAt) return t('account.keys.until', { date: key.expiresAt.slice(0, 10) });
  return t('account.keys.noExpiry');
}

function NewKey({ ctx, created }: { ctx: PageContext; created: string }) {
  const { t } = ctx;
  return (
    <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
      <h3 class="fr-alert__title">{t('account.keys.created')}</h3>
      <p>{t('account.keys.createdOnce')}</p>
      <p>
        <code id="new-api-key" class="dg-secret">
          {created}
        </code>
      </p>
    </div>
  );
}

export function ApiKeysSection(props: { ctx: PageContext; keys: ApiKey[]; created?: string }) {
  const { ctx, keys, created } = props;
  const { t } = ctx;
  const now = new Date().toISOString();
  return (
    <section class="fr-mt-6w" aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">{t('account.keys.heading')}</h2>
      <p>{t('account.keys.intro')}</p>
      <p>
        <a class="fr-link" href="/backoffice/api-keys/">
          {t('account.keys.backOffice')}
        </a>
      </p>
      {created ? <NewKey ctx={ctx} created={created} /> : null}
      {keys.length === 0 ? (
        <p>{t('account.keys.none')}</p>
      ) : (
        <div class="fr-table fr-table--no-caption">
          <table>
            <caption>{t('account.keys.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.keys.label')}</th>
                <th scope="col">{t('account.keys.prefix')}</th>
                <th scope="col">{t('account.keys.scope')}</th>
                <th scope="col">{t('account.keys.state')}</th>
                <th scope="col">{t('account.keys.lastUsed')}</th>
                <th scope="col">{t('account.keys.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.label || '—'}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{t(key.scope === 'write' ? 'account.keys.write' : 'account.keys.read')}</td>
                  <td>{keyState(ctx, key, now)}</td>
                  <td>{key.lastUsedAt ? key.lastUsedAt.slice(0, 10) : t('account.keys.never')}</td>
                  <td>
                    {key.revokedAt ? null : (
                      <form method="post" action={`/account/api-keys/${key.id}/revoke/`}>
                        <CsrfField ctx={ctx} />
                        <button
                          class="fr-btn fr-btn--sm fr-btn--tertiary"
                          type="submit"
                          title={t('account.keys.revokeTitle', { prefix: key.prefix })}
                        >
                          {t('account.keys.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action="/account/api-keys/" class="fr-mt-3w">
        <CsrfField ctx={ctx} />
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend">{t('account.keys.new')}</legend>
          <div class="fr-fieldset__element">
            <div class="fr-input-group">
              <label class="fr-label" for="key-label">
                {t('account.keys.label')}
              </label>
              <input class="fr-input" id="key-label" name="label" maxLength={200} />
            </div>
          </div>
          <div class="fr-fieldset__element">
            <div class="fr-select-group">
              <label class="fr-label" for="key-scope">
                {t('account.keys.scope')}
              </label>
              <select class="fr-select" id="key-scope" name="scope">
                <option value="read">{t('account.keys.read')}</option>
                <option value="write">{t('account.keys.write')}</option>
              </select>
            </div>
          </div>
          <div class="fr-fieldset__element">
            <div class="fr-input-group">
              <label class="fr-label" for="key-expires">
                {t('account.keys.expires')}
                <span class="fr-hint-text">{t('account.keys.expiresHint')}</span>
              </label>
              <input class="fr-input" type="date" id="key-expires" name="expires" />
            </div>
          </div>
        </fieldset>
        <button class="fr-btn" type="submit">
          {t('account.keys.create')}
        </button>
      </form>
    </section>
  );
}
