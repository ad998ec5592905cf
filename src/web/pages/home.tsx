// The home page: what the portal is, a search, the themes, the newest and the most viewed
// datasets (by page views over the last 30 days, from the audience statistics).

import type { Dataset } from '../../core/dataset.ts';
import { DatasetCard } from '../components/dataset-card.tsx';
import { ThirdPartyEmbeds } from '../components/consent/third-party-embeds.tsx';
import { Layout } from '../layout/layout.tsx';
import type { PageContext } from '../page-context.ts';

export interface HomeData {
  themes: { value: string; count: number }[];
  newest: Dataset[];
  /** Empty until the portal has counted views. */
  mostViewed: Dataset[];
  datasetCount: number;
  recordCount: number;
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')} description={t('home.lead')}>
      <div class="fr-container fr-py-6w">
        <h1>{t('home.heading', { portal: ctx.site.portalName })}</h1>
        <p class="fr-text--lead">{t('home.lead')}</p>
        <p>
          {ctx.count('home.datasetCount', data.datasetCount)} ·{' '}
          {ctx.count('dataset.records', data.recordCount)}
        </p>
        <form
          class="fr-search-bar fr-search-bar--lg fr-mb-6w"
          role="search"
          method="get"
          action="/explore/"
        >
          <label class="fr-label" for="home-search-input">
            {t('search.label')}
          </label>
          <input
            class="fr-input"
            type="search"
            id="home-search-input"
            name="q"
            placeholder={t('search.placeholder')}
          />
          <button class="fr-btn" type="submit" title={t('search.button')}>
            {t('search.button')}
          </button>
        </form>

        {data.themes.length > 0 ? (
          <section class="fr-mb-6w" aria-labelledby="home-themes">
            <h2 id="home-themes">{t('home.themes')}</h2>
            <ul class="fr-tags-group">
              {data.themes.map((theme) => (
                <li>
                  <a
                    class="fr-tag"
                    href={`/explore/?${new URLSearchParams({ 'refine.theme': theme.value })}`}
                  >
                    {theme.value} ({ctx.number(theme.count)})
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <ThirdPartyEmbeds ctx={ctx} />

        <section aria-labelledby="home-newest">
          <h2 id="home-newest">{t('home.newest')}</h2>
          {data.newest.length === 0 ? (
            <p>{t('catalog.empty')}</p>
          ) : (
            <ul class="dg-card-list">
              {data.newest.map((dataset) => (
                <li class="fr-mb-3w">
                  <DatasetCard ctx={ctx} dataset={dataset} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/explore/">
              {t('home.allDatasets')}
            </a>
          </p>
        </section>

        {data.mostViewed.length > 0 ? (
          <section class="fr-mt-6w" aria-labelledby="home-most-viewed">
            <h2 id="home-most-viewed">{t('home.mostViewed')}</h2>
            <ul class="dg-card-list">
              {data.mostViewed.map((dataset) => (
                <li class="fr-mb-3w">
                  <DatasetCard ctx={ctx} dataset={dataset} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
