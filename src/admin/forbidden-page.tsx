// The answer to a signed-in account that is not an administrator.

import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';

export function ForbiddenPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('stats.forbidden.title')}>
      <div class="fr-container fr-py-6w">
        <h1>{t('stats.forbidden.title')}</h1>
        <p class="fr-text--lead">{t('stats.forbidden.text')}</p>
        <a class="fr-btn" href="/">
          {t('error.home')}
        </a>
      </div>
    </Layout>
  );
}
