// The frame of a dataset's back-office section: the site's layout with the crumbs from the
// datasets list to the section, the back office menu, the heading and the dataset's tabs. The
// section's own notices and content follow as children.

import type { ComponentChildren } from 'preact';

import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { BackOfficeMenu, DATASETS_PATH } from './backoffice-menu.tsx';
import type { DatasetTab } from './dataset-tabs.tsx';
import { DatasetTabs, datasetPath, tabLabel } from './dataset-tabs.tsx';

export function DatasetFrame(props: {
  ctx: PageContext;
  datasetId: string;
  /** The dataset's name in the crumbs. */
  name: string;
  /** The document's title. */
  title: string;
  /** The page's heading (default: the dataset's name). */
  heading?: string;
  tab: DatasetTab;
  /** The crumbs after the dataset's (default: the tab's label). */
  trail?: { label: string; href?: string }[];
  children: ComponentChildren;
}) {
  const { ctx, datasetId, name } = props;
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={props.title}
      crumbs={[
        { label: t('bo.datasets.title'), href: DATASETS_PATH },
        { label: name, href: datasetPath(datasetId) },
        ...(props.trail ?? [{ label: t(tabLabel(props.tab)) }]),
      ]}
    >
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={DATASETS_PATH} />
        <h1>{props.heading ?? name}</h1>
        <DatasetTabs ctx={ctx} datasetId={datasetId} current={props.tab} />
        {props.children}
      </div>
    </Layout>
  );
}
