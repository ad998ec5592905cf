// The sign-in page (/login/): email and password, in a plain form that works without JavaScript.
// A failed attempt says only that the pair is not right, never whether the account exists.

import { CsrfField } from '../../components/csrf-field.tsx';
import { Layout } from '../../layout/layout.tsx';
import type { PageContext } from '../../page-context.ts';

export interface LoginPageProps {
  ctx: PageContext;
  next: string;
  email?: string;
  /** The message of a refused attempt. */
  error?: string;
}

export function LoginPage({ ctx, next, email, error }: LoginPageProps) {
  const { t } = ctx;
  const title = t('login.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <div class="fr-container fr-py-6w">
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <h1>{title}</h1>
            {ctx.account ? (
              <p class="fr-text--lead">{t('login.already', { name: ctx.account.name })}</p>
            ) : null}
            {error ? (
              <div class="fr-alert fr-alert--error fr-mb-3w" role="alert" id="login-error">
                <p>{error}</p>
              </div>
            ) : null}
            <form
              method="post"
              action="/login/"
              aria-describedby={error ? 'login-error' : undefined}
            >
              <CsrfField ctx={ctx} />
              <input type="hidden" name="next" value={next} />
              <fieldset class="fr-fieldset">
                <legend class="fr-fieldset__legend">{t('login.legend')}</legend>
                <div class="fr-fieldset__element">
                  <div class="fr-input-group">
                    <label class="fr-label" for="login-email">
                      {t('login.email')}
                      <span class="fr-hint-text">{t('login.emailHint')}</span>
                    </label>
                    <input
                      class="fr-input"
                      type="email"
                      id="login-email"
                      name="email"
                      autocomplete="username"
                      required
                      value={email ?? ''}
                    />
                  </div>
                </div>
                <div class="fr-fieldset__element">
                  <div class="fr-input-group">
                    <label class="fr-label" for="login-password">
                      {t('login.password')}
                    </label>
                    <input
                      class="fr-input"
                      type="password"
                      id="login-password"
                      name="password"
                      autocomplete="current-password"
                      required
                    />
                  </div>
                </div>
              </fieldset>
              <button class="fr-btn" type="submit">
                {t('login.submit')}
              </button>
            </form>
          </div>
        </div>
      </div>
    </Layout>
  );
}
