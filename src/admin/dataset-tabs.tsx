// The sections of a dataset's back-office page, as links (no script needed). Other sections
// (the schema) add an entry here and a page at their path.

import type { MessageKey } from '../i18n/translate.ts';
import type { PageContext } from '../web/page-context.ts';
import { DATASETS_PATH } from './backoffice-menu.tsx';

export type DatasetTab =
  'overview' | 'metadata' | 'schema' | 'processors' | 'attachments' | 'access' | 'source';

const TABS: { id: DatasetTab; label: MessageKey; path: string }[] = [
  { id: 'overview', label: 'bo.dataset.tab.overview', path: '' },
  { id: 'metadata', label: 'bo.dataset.tab.metadata', path: 'metadata/' },
  { id: 'schema', label: 'bo.dataset.tab.schema', path: 'schema/' },
  { id: 'processors', label: 'proc.tab', path: 'processors/' },
  { id: 'attachments', label: 'att.tab', path: 'attachments/' },
  { id: 'access', label: 'acc.tab', path: 'access/' },
  { id: 'source', label: 'imp.tab.source', path: 'source/' },
];

/** The label of a tab, as its link and the last crumb of its page show it. */
export function tabLabel(tab: DatasetTab): MessageKey {
  return TABS.find((entry) => entry.id === tab)!.label;
}

export function datasetPath(id: string, sub = ''): string {
  return `${DATASETS_PATH}${encodeURIComponent(id)}/${sub}`;
}

export function DatasetTabs(props: { ctx: PageContext; datasetId: string; current: DatasetTab }) {
  const { t } = props.ctx;
  return (
    <nav class="fr-mb-4w" aria-label={t('bo.dataset.tabs')}>
      <ul class="fr-tags-group">
        {TABS.map((tab) => (
          <li>
            <a
              class="fr-tag"
              href={datasetPath(props.datasetId, tab.path)}
              aria-current={tab.id === props.current ? 'page' : undefined}
            >
              {t(tab.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
