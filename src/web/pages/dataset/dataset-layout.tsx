// The frame of every dataset tab: the site layout with the dataset's title, breadcrumb, tabs,
// canonical URL and Open Graph tags.

import type { ComponentChildren } from 'preact';

import type { Dataset } from '../../../core/dataset.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import { plainText } from '../../components/rich-text.tsx';
import { langAttribute, shownMetas } from '../../components/shown-metas.ts';
import { Layout } from '../../layout/layout.tsx';
import type { PageContext } from '../../page-context.ts';
import type { DatasetTab } from './dataset-tabs.tsx';
import { DatasetTabs, datasetUrl } from './dataset-tabs.tsx';
import type { TableState } from './table-state.ts';

export interface DatasetLayoutProps {
  ctx: PageContext;
  dataset: Dataset;
  tab: DatasetTab;
  /** The table's filters, carried to the other tabs' links. */
  state?: TableState;
  head?: ComponentChildren;
  children: ComponentChildren;
}

export function DatasetLayout({ ctx, dataset, tab, state, head, children }: DatasetLayoutProps) {
  const { t } = ctx;
  const shown = shownMetas(dataset, ctx.lang);
  const title = shown.title;
  const description = plainText(shown.description ?? '').slice(0, 300);
  const canonical = `${ctx.site.baseUrl}${datasetUrl(dataset.id, tab)}`;
  return (
    <Layout
      ctx={ctx}
      title={`${title} — ${t(`tab.${tab}` as MessageKey)}`}
      description={description}
      crumbs={[{ label: t('catalog.title'), href: '/explore/' }, { label: title }]}
      head={
        <>
          <link rel="canonical" href={canonical} />
          <meta property="og:type" content="website" />
          <meta property="og:title" content={title} />
          <meta property="og:description" content={description || title} />
          <meta property="og:url" content={canonical} />
          <meta property="og:site_name" content={ctx.site.portalName} />
          <meta property="og:locale" content={ctx.lang === 'fr' ? 'fr_FR' : 'en_GB'} />
          {head}
        </>
      }
    >
      <div class="fr-container fr-pb-6w">
        <h1 lang={langAttribute(shown.lang, ctx.lang)}>{title}</h1>
        <DatasetTabs ctx={ctx} dataset={dataset} current={tab} state={state} />
        {children}
      </div>
    </Layout>
  );
}
