// The site's error pages (404, 500…), in the layout and the visitor's language, with a way on.

import type { MessageKey } from '../../i18n/translate.ts';
import { Layout } from '../layout/layout.tsx';
import type { PageContext } from '../page-context.ts';

export function ErrorPage({ ctx, status }: { ctx: PageContext; status: number }) {
  const { t } = ctx;
  const kind = status === 404 ? 'notFound' : status >= 500 ? 'server' : 'request';
  return (
    <Layout ctx={ctx} title={t(`error.${kind}.title` as MessageKey)}>
      <div class="fr-container fr-py-6w">
        <h1>{t(`error.${kind}.title` as MessageKey)}</h1>
        <p class="fr-text--sm fr-mb-3w">{t('error.code', { status })}</p>
        <p class="fr-text--lead">{t(`error.${kind}.text` as MessageKey)}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn" href="/">
              {t('error.home')}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href="/explore/">
              {t('nav.catalog')}
            </a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}
