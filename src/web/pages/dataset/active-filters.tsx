// The filters a tab applies (from the table's search and facets), each with a link that
// removes it, so the export and API tabs say what they export.

import type { Dataset } from '../../../core/dataset.ts';
import type { PageContext } from '../../page-context.ts';
import type { DatasetTab } from './dataset-tabs.tsx';
import { datasetUrl } from './dataset-tabs.tsx';
import type { TableState } from './table-state.ts';
import { tableQuery } from './table-state.ts';

export function ActiveFilters(props: {
  ctx: PageContext;
  dataset: Dataset;
  state: TableState;
  tab?: DatasetTab;
}) {
  const { ctx, dataset, state, tab = 'export' } = props;
  const { t } = ctx;
  const label = (name: string) =>
    dataset.current?.fields.find((f) => f.name === name)?.label ?? name;
  const base = datasetUrl(dataset.id, tab);
  const items: { text: string; without: TableState }[] = [];
  if (state.q)
    items.push({ text: t('filters.search', { q: state.q }), without: { ...state, q: '' } });
  for (const r of state.refines) {
    items.push({
      text: `${label(r.field)} = ${r.value}`,
      without: { ...state, refines: state.refines.filter((x) => x !== r) },
    });
  }
  for (const e of state.excludes) {
    items.push({
      text: `${label(e.field)} ≠ ${e.value}`,
      without: { ...state, excludes: state.excludes.filter((x) => x !== e) },
    });
  }
  if (items.length === 0) return <p>{t('filters.none')}</p>;
  return (
    <div class="fr-mb-2w">
      <p class="fr-mb-1w">{t('filters.active')}</p>
      <ul class="fr-tags-group">
        {items.map((item) => (
          <li>
            <a
              class="fr-tag fr-icon-close-line fr-tag--icon-left"
              href={`${base}${tableQuery(item.without)}`}
            >
              {item.text}
              <span class="fr-sr-only"> {t('facet.remove')}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
