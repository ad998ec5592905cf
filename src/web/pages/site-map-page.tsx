// The site map ("Plan du site"): every page of the site and every public dataset.

import type { Dataset } from '../../core/dataset.ts';
import { langAttribute, shownMetas } from '../components/shown-metas.ts';
import { Layout } from '../layout/layout.tsx';
import type { PageContext } from '../page-context.ts';
import { datasetUrl } from './dataset/dataset-tabs.tsx';

export function SiteMapPage({ ctx, datasets }: { ctx: PageContext; datasets: Dataset[] }) {
  const { t } = ctx;
  const pages: [string, string][] = [
    ['/', t('nav.home')],
    ['/explore/', t('nav.catalog')],
    ['/accessibility/', t('a11y.title')],
    ['/legal-notice/', t('legal.title')],
    ['/personal-data/', t('privacy.title')],
    ['/cookies/', t('cookies.title')],
  ];
  return (
    <Layout ctx={ctx} title={t('footer.sitemap')} crumbs={[{ label: t('footer.sitemap') }]}>
      <div class="fr-container fr-pb-6w">
        <h1>{t('footer.sitemap')}</h1>
        <h2>{t('sitemap.pages')}</h2>
        <ul>
          {pages.map(([href, label]) => (
            <li>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
        <h2>{t('sitemap.datasets')}</h2>
        <ul>
          {datasets.map((dataset) => (
            <li>
              <a
                href={datasetUrl(dataset.id)}
                lang={langAttribute(shownMetas(dataset, ctx.lang).lang, ctx.lang)}
              >
                {shownMetas(dataset, ctx.lang).title}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
