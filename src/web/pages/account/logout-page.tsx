// /logout/: signing out is a POST (a link cannot sign anyone out behind their back), so the page
// asks for a click; after it, or for a visitor who is not signed in, it says so.

import { CsrfField } from '../../components/csrf-field.tsx';
import { Layout } from '../../layout/layout.tsx';
import type { PageContext } from '../../page-context.ts';

export function LogoutPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const title = t('logout.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: title }]}>
      <div class="fr-container fr-py-6w">
        <h1>{title}</h1>
        {ctx.account ? (
          <form method="post" action="/logout/">
            <CsrfField ctx={ctx} />
            <p>{t('logout.confirm', { name: ctx.account.name })}</p>
            <button class="fr-btn" type="submit">
              {t('logout.submit')}
            </button>
          </form>
        ) : (
          <>
            <p class="fr-text--lead">{t('logout.done')}</p>
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li>
                <a class="fr-btn" href="/">
                  {t('error.home')}
                </a>
              </li>
              <li>
                <a class="fr-btn fr-btn--secondary" href="/login/">
                  {t('nav.signIn')}
                </a>
              </li>
            </ul>
          </>
        )}
      </div>
    </Layout>
  );
}
