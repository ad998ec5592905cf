// The catalog, /explore/: search, facets, sort and pages; every control is a link or a GET
// form, so the page works without JavaScript and its URL holds the whole state.

import type { FacetNode } from '../../../core/facet-tree.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import { DatasetCard } from '../../components/dataset-card.tsx';
import { FacetList } from '../../components/facet-list.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { Layout } from '../../layout/layout.tsx';
import type { PageContext } from '../../page-context.ts';
import type { CatalogModel } from './catalog-model.ts';
import type { CatalogState, SiteFacet } from './catalog-state.ts';
import { CATALOG_SORTS, catalogUrl, toggleRefine, withoutExclude } from './catalog-state.ts';

function FacetGroup(props: {
  ctx: PageContext;
  state: CatalogState;
  name: SiteFacet;
  nodes: FacetNode[];
}) {
  const { ctx, state, name, nodes } = props;
  return (
    <FacetList
      ctx={ctx}
      id={`facet-${name}`}
      title={ctx.t(`facet.${name}` as MessageKey)}
      nodes={nodes}
      label={(node) =>
        name === 'features' ? ctx.t(`feature.${node.value}` as MessageKey) : node.name
      }
      href={(node) => {
        const choice = { facet: name, value: node.value };
        return catalogUrl(
          node.state === 'excluded' ? withoutExclude(state, choice) : toggleRefine(state, choice),
        );
      }}
    />
  );
}

function SortForm({ ctx, state }: { ctx: PageContext; state: CatalogState }) {
  const { t } = ctx;
  return (
    <form method="get" action="/explore/" class="dg-sort-form">
      {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
      {state.refines.map((r) => (
        <input type="hidden" name={`refine.${r.facet}`} value={r.value} />
      ))}
      {state.excludes.map((e) => (
        <input type="hidden" name={`exclude.${e.facet}`} value={e.value} />
      ))}
      <div class="fr-select-group">
        <label class="fr-label" for="catalog-sort">
          {t('catalog.sortBy')}
        </label>
        <select class="fr-select" id="catalog-sort" name="sort">
          {CATALOG_SORTS.map((sort) => (
            <option value={sort} selected={sort === state.sort}>
              {t(`catalog.sort.${sort}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit">
        {t('catalog.applySort')}
      </button>
    </form>
  );
}

export function CatalogPage(props: { ctx: PageContext; state: CatalogState; model: CatalogModel }) {
  const { ctx, state, model } = props;
  const { t } = ctx;
  const title = state.q ? t('catalog.titleFor', { q: state.q }) : t('catalog.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t('catalog.title') }]}>
      <div class="fr-container fr-pb-6w">
        <h1>{t('catalog.title')}</h1>
        <form class="fr-search-bar fr-mb-4w" role="search" method="get" action="/explore/">
          <label class="fr-label" for="catalog-search-input">
            {t('catalog.searchLabel')}
          </label>
          <input
            class="fr-input"
            type="search"
            id="catalog-search-input"
            name="q"
            value={state.q}
            placeholder={t('search.placeholder')}
          />
          {state.refines.map((r) => (
            <input type="hidden" name={`refine.${r.facet}`} value={r.value} />
          ))}
          <button class="fr-btn" type="submit" title={t('search.button')}>
            {t('search.button')}
          </button>
        </form>
        <div class="fr-grid-row fr-grid-row--gutters">
          <aside class="fr-col-12 fr-col-md-4" aria-labelledby="catalog-filters">
            <h2 class="fr-h5" id="catalog-filters">
              {t('catalog.filters')}
            </h2>
            {model.facets.map((group) => (
              <FacetGroup ctx={ctx} state={state} name={group.name} nodes={group.nodes} />
            ))}
          </aside>
          <div class="fr-col-12 fr-col-md-8">
            <div class="dg-results-bar">
              <p role="status" class="fr-mb-2w">
                {ctx.count('catalog.results', model.total)}
              </p>
              <SortForm ctx={ctx} state={state} />
            </div>
            {model.datasets.length === 0 ? (
              <p>{t('catalog.noResult')}</p>
            ) : (
              <ul class="dg-card-list">
                {model.datasets.map((dataset) => (
                  <li class="fr-mb-3w">
                    <DatasetCard ctx={ctx} dataset={dataset} />
                  </li>
                ))}
              </ul>
            )}
            <Pagination
              ctx={ctx}
              page={Math.min(state.page, model.pages)}
              pages={model.pages}
              href={(page) => catalogUrl({ ...state, page })}
            />
          </div>
        </div>
      </div>
    </Layout>
  );
}
