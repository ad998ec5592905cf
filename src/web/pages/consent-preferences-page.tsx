// The consent panel on its own page: where "Personnaliser" and "Gestion des cookies" lead when
// JavaScript does not run, and where the visitor comes back to see their choices saved.

import { ConsentPanel } from '../components/consent/consent-panel.tsx';
import { Layout } from '../layout/layout.tsx';
import type { PageContext } from '../page-context.ts';

export function ConsentPreferencesPage({ ctx, next }: { ctx: PageContext; next: string }) {
  const { t } = ctx;
  const consent = ctx.consent;
  const standing = consent?.standing;
  return (
    <Layout
      ctx={ctx}
      title={t('consent.panel.title')}
      crumbs={[
        { label: t('cookies.title'), href: '/cookies/' },
        { label: t('consent.panel.title') },
      ]}
    >
      <div class="fr-container fr-pb-6w">
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-lg-10">
            <h1>{t('consent.panel.title')}</h1>
            {ctx.query.get('saved') === '1' ? (
              <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
                <p>{t('consent.saved')}</p>
              </div>
            ) : null}
            <p>
              {consent && consent.policy.services.length > 0
                ? t('consent.page.intro')
                : t('consent.page.none')}
            </p>
            {standing ? (
              <p>
                {t('consent.page.current', {
                  date: new Date(standing.decidedAt).toLocaleString(ctx.lang, {
                    dateStyle: 'long',
                    timeStyle: 'short',
                    timeZone: 'Europe/Paris',
                  }),
                })}
              </p>
            ) : null}
            <ConsentPanel ctx={ctx} idPrefix="consent-page" next={next} collapsible={false} />
          </div>
        </div>
      </div>
    </Layout>
  );
}
