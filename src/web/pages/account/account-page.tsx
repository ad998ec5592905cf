// The signed-in user's page (/account/): who they are, a password change, their API keys.

import type { ApiKey, User } from '../../../core/account.ts';
import { CsrfField } from '../../components/csrf-field.tsx';
import { Layout } from '../../layout/layout.tsx';
import type { PageContext } from '../../page-context.ts';
import { ApiKeysSection } from './api-keys-section.tsx';

export interface AccountPageProps {
  ctx: PageContext;
  user: User;
  keys: ApiKey[];
  /** A key just created: shown this once. */
  created?: string;
  notice?: { kind: 'success' | 'error'; text: string };
}

function PasswordForm({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <form method="post" action="/account/password/">
      <CsrfField ctx={ctx} />
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">{t('account.password.heading')}</legend>
        {(
          [
            ['current', 'account.password.current', 'current-password'],
            ['password', 'account.password.new', 'new-password'],
            ['confirm', 'account.password.confirm', 'new-password'],
          ] as const
        ).map(([name, label, autocomplete]) => (
          <div class="fr-fieldset__element" key={name}>
            <div class="fr-input-group">
              <label class="fr-label" for={`password-${name}`}>
                {t(label)}
                {name === 'password' ? (
                  <span class="fr-hint-text">{t('account.password.hint')}</span>
                ) : null}
              </label>
              <input
                class="fr-input"
                type="password"
                id={`password-${name}`}
                name={name}
                autocomplete={autocomplete}
                required
              />
            </div>
          </div>
        ))}
      </fieldset>
      <button class="fr-btn fr-btn--secondary" type="submit">
        {t('account.password.submit')}
      </button>
    </form>
  );
}

export function AccountPage({ ctx, user, keys, created, notice }: AccountPageProps) {
  const { t } = ctx;
  const title = t('account.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <div class="fr-container fr-py-6w">
        <h1>{title}</h1>
        {notice ? (
          <div
            class={`fr-alert fr-alert--${notice.kind} fr-mb-3w`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
          >
            <p>{notice.text}</p>
          </div>
        ) : null}
        <dl class="dg-account-facts">
          <dt>{t('account.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`account.role.${user.role}`)}</dd>
        </dl>
        <section class="fr-mt-6w" aria-labelledby="password-heading">
          <h2 id="password-heading">{t('account.password.heading')}</h2>
          <PasswordForm ctx={ctx} />
        </section>
        <ApiKeysSection ctx={ctx} keys={keys} created={created} />
      </div>
    </Layout>
  );
}
