// The answer to a signed-in account that may not open a back office page.

import type { MessageKey } from '../i18n/translate.ts';
import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';

export function ForbiddenPage({
  ctx,
  text = 'stats.forbidden.text',
}: {
  ctx: PageContext;
  /** Why: by default, that the page is for administrators only. */
  text?: MessageKey;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('stats.forbidden.title')}>
      <div class="fr-container fr-py-6w">
        <h1>{t('stats.forbidden.title')}</h1>
        <p class="fr-text--lead">{t(text)}</p>
        <a class="fr-btn" href="/">
          {t('error.home')}
        </a>
      </div>
    </Layout>
  );
}
