// The table tab: the records, server-rendered, with full-text search, facet filters, sorting on
// sortable fields, paging, a choice of columns and a record's detail. Every control is a link
// or a GET form, so it all works without JavaScript and the URL holds the whole state.

import type { Dataset } from '../../../core/dataset.ts';
import type { Field } from '../../../core/field.ts';
import { fieldDecimals, isSortable } from '../../../core/field.ts';
import type { CellFormat } from '../../components/cell-text.ts';
import { cellText } from '../../components/cell-text.ts';
import { FacetList } from '../../components/facet-list.tsx';
import { labelWithUnit } from '../../components/field-label.ts';
import { Pagination } from '../../components/pagination.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import type { PageContext } from '../../page-context.ts';
import { DatasetLayout } from './dataset-layout.tsx';
import { datasetUrl } from './dataset-tabs.tsx';
import type { TableModel, TableRow } from './table-model.ts';
import type { TableState } from './table-state.ts';
import { ROWS_PER_PAGE, nextSort, tableQuery, toggleTableRefine } from './table-state.ts';

interface TabProps {
  ctx: PageContext;
  dataset: Dataset;
  state: TableState;
  model: TableModel;
}

function cellFormat(ctx: PageContext, model: TableModel): CellFormat {
  return {
    lang: ctx.lang,
    timeZone: model.timeZone,
    yes: ctx.t('value.yes'),
    no: ctx.t('value.no'),
  };
}

/** Hidden inputs carrying the parts of the state a form does not edit. */
function StateInputs({ state, except }: { state: TableState; except: 'q' | 'fields' }) {
  return (
    <>
      {except !== 'q' && state.q ? <input type="hidden" name="q" value={state.q} /> : null}
      {state.refines.map((r) => (
        <input type="hidden" name={`refine.${r.field}`} value={r.value} />
      ))}
      {state.excludes.map((e) => (
        <input type="hidden" name={`exclude.${e.field}`} value={e.value} />
      ))}
      {state.sort ? (
        <input
          type="hidden"
          name="sort"
          value={`${state.sort.descending ? '' : '-'}${state.sort.field}`}
        />
      ) : null}
      {except !== 'fields' && state.columns ? (
        <input type="hidden" name="fields" value={state.columns.join(',')} />
      ) : null}
    </>
  );
}

function SearchForm({ ctx, dataset, state }: Omit<TabProps, 'model'>) {
  const { t } = ctx;
  return (
    <form
      class="fr-search-bar fr-mb-3w"
      role="search"
      method="get"
      action={datasetUrl(dataset.id, 'table')}
    >
      <label class="fr-label" for="table-search-input">
        {t('table.search')}
      </label>
      <input
        class="fr-input"
        type="search"
        id="table-search-input"
        name="q"
        value={state.q}
        placeholder={t('table.searchPlaceholder')}
      />
      <StateInputs state={state} except="q" />
      <button class="fr-btn" type="submit" title={t('search.button')}>
        {t('search.button')}
      </button>
    </form>
  );
}

function ColumnsForm({ ctx, dataset, state, model }: TabProps) {
  const { t } = ctx;
  const shown = new Set(model.columns.map((f) => f.name));
  return (
    <details class="fr-mb-3w dg-columns">
      <summary>{t('table.columns')}</summary>
      <form method="get" action={datasetUrl(dataset.id, 'table')}>
        <StateInputs state={state} except="fields" />
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend fr-text--regular">{t('table.columnsLegend')}</legend>
          {model.fields.map((field) => (
            <div class="fr-fieldset__element">
              <div class="fr-checkbox-group fr-checkbox-group--sm">
                <input
                  type="checkbox"
                  id={`column-${field.name}`}
                  name="fields"
                  value={field.name}
                  checked={shown.has(field.name)}
                />
                <label class="fr-label" for={`column-${field.name}`}>
                  {field.label}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit">
          {t('table.applyColumns')}
        </button>
      </form>
    </details>
  );
}

function HeaderCell({ ctx, dataset, state, field }: Omit<TabProps, 'model'> & { field: Field }) {
  if (!isSortable(field)) return <th scope="col">{labelWithUnit(field)}</th>;
  const current = state.sort?.field === field.name ? state.sort : null;
  const ariaSort = current ? (current.descending ? 'descending' : 'ascending') : undefined;
  const href = `${datasetUrl(dataset.id, 'table')}${tableQuery(nextSort(state, field.name))}`;
  const next = !current
    ? ctx.t('table.sortDescending')
    : current.descending
      ? ctx.t('table.sortAscending')
      : ctx.t('table.sortNone');
  return (
    <th scope="col" aria-sort={ariaSort}>
      <a href={href} class="dg-sort-link">
        {labelWithUnit(field)}
        <span class="fr-sr-only"> ({next})</span>
        <span aria-hidden="true">{current ? (current.descending ? ' ↓' : ' ↑') : ' ↕'}</span>
      </a>
    </th>
  );
}

function RecordDetail({ ctx, dataset, state, model, record }: TabProps & { record: TableRow }) {
  const { t } = ctx;
  const format = cellFormat(ctx, model);
  const close = `${datasetUrl(dataset.id, 'table')}${tableQuery({ ...state, record: null })}`;
  return (
    <section
      class="fr-card fr-p-3w fr-mb-4w"
      id="record"
      aria-labelledby="record-title"
      tabIndex={-1}
    >
      <h2 class="fr-h4" id="record-title">
        {t('table.record')}
      </h2>
      <dl class="dg-metadata">
        {model.fields.map((field) => (
          <div>
            <dt>{labelWithUnit(field)}</dt>
            <dd>
              {cellText(record.values[field.name], field.type, format, fieldDecimals(field)) || '—'}
            </dd>
          </div>
        ))}
      </dl>
      <p class="fr-text--sm">
        {t('table.recordId')} <code>{record.id}</code>
      </p>
      <a class="fr-link fr-icon-close-line fr-link--icon-left" href={close}>
        {t('table.closeRecord')}
      </a>
    </section>
  );
}

function RecordsTable({ ctx, dataset, state, model }: TabProps) {
  const { t } = ctx;
  const format = cellFormat(ctx, model);
  return (
    <ScrollTable id="records-table" caption={t('table.caption', { title: dataset.metas.title })}>
      <thead>
        <tr>
          <th scope="col">
            <span class="fr-sr-only">{t('table.detailColumn')}</span>
          </th>
          {model.columns.map((field) => (
            <HeaderCell ctx={ctx} dataset={dataset} state={state} field={field} />
          ))}
        </tr>
      </thead>
      <tbody>
        {model.rows.map((row, i) => (
          <tr>
            <td>
              <a
                class="fr-link fr-link--sm"
                href={`${datasetUrl(dataset.id, 'table')}${tableQuery({ ...state, record: row.id })}#record`}
                title={t('table.openRecordN', { n: (state.page - 1) * ROWS_PER_PAGE + i + 1 })}
              >
                {t('table.openRecord')}
              </a>
            </td>
            {model.columns.map((field) => (
              <td>{cellText(row.values[field.name], field.type, format, fieldDecimals(field))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function TableTab(props: TabProps) {
  const { ctx, dataset, state, model } = props;
  const { t } = ctx;
  const base = datasetUrl(dataset.id, 'table');
  return (
    <DatasetLayout ctx={ctx} dataset={dataset} tab="table" state={state}>
      <div class="fr-grid-row fr-grid-row--gutters">
        <aside class="fr-col-12 fr-col-md-3" aria-labelledby="table-filters">
          <h2 class="fr-h5" id="table-filters">
            {t('catalog.filters')}
          </h2>
          {model.facets.map(({ field, nodes }) => (
            <FacetList
              ctx={ctx}
              id={`facet-${field.name}`}
              title={field.label}
              nodes={nodes}
              href={(node) => {
                const choice = { field: field.name, value: node.value };
                const next =
                  node.state === 'excluded'
                    ? {
                        ...state,
                        page: 1,
                        excludes: state.excludes.filter(
                          (e) => e.field !== field.name || e.value !== node.value,
                        ),
                      }
                    : toggleTableRefine(state, choice);
                return `${base}${tableQuery(next)}`;
              }}
            />
          ))}
        </aside>
        <div class="fr-col-12 fr-col-md-9">
          <SearchForm ctx={ctx} dataset={dataset} state={state} />
          {model.error !== null ? (
            <div class="fr-alert fr-alert--error fr-mb-3w" role="alert">
              <h2 class="fr-alert__title">{t('table.invalidSearch')}</h2>
              <p>{model.error}</p>
            </div>
          ) : (
            <p role="status">{ctx.count('dataset.records', model.total)}</p>
          )}
          {state.record && model.record === null ? (
            <div class="fr-alert fr-alert--warning fr-mb-3w">
              <p>{t('table.recordNotFound')}</p>
            </div>
          ) : null}
          {model.record ? <RecordDetail {...props} record={model.record} /> : null}
          <ColumnsForm {...props} />
          {model.rows.length > 0 ? <RecordsTable {...props} /> : null}
          <Pagination
            ctx={ctx}
            page={Math.min(state.page, model.pages)}
            pages={model.pages}
            href={(page) => `${base}${tableQuery({ ...state, page, record: null })}`}
          />
        </div>
      </div>
    </DatasetLayout>
  );
}
