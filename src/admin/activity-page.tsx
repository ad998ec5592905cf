// /backoffice/activity/ (administrators): the activity log, newest first, filtered by user,
// action and dataset (a GET form), in pages; each entry's diff shown as "before → after" lines.

import type { ActivityDiff, ActivityPage as LogPage } from '../core/activity.ts';
import type { User } from '../core/account.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { CATALOGUES } from '../i18n/translate.ts';
import { formatDate } from '../web/components/dates.ts';
import { Pagination } from '../web/components/pagination.tsx';
import { ScrollTable } from '../web/components/scroll-table.tsx';
import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { ACTIVITY_PATH, BackOfficeMenu } from './backoffice-menu.tsx';
import { datasetPath } from './dataset-tabs.tsx';

export interface ActivityFilters {
  userId: string;
  action: string;
  datasetId: string;
}

export interface ActivityPageState {
  filters: ActivityFilters;
  /** The dataset filter was not a dataset id (it is then ignored). */
  datasetProblem: boolean;
  log: LogPage;
  page: number;
  pages: number;
  users: User[];
  actions: readonly string[];
}

export function activityHref(filters: ActivityFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.userId !== '') params.set('user', filters.userId);
  if (filters.action !== '') params.set('action', filters.action);
  if (filters.datasetId !== '') params.set('dataset', filters.datasetId);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query === '' ? ACTIVITY_PATH : `${ACTIVITY_PATH}?${query}`;
}

/** An action's label, or the action itself when the catalogue has none (another part's). */
function actionLabel(ctx: PageContext, action: string): string {
  const key = `bo.action.${action}`;
  return key in CATALOGUES[ctx.lang] ? ctx.t(key as MessageKey) : action;
}

function shown(ctx: PageContext, value: unknown): string {
  if (value === null || value === undefined || value === '') return ctx.t('bo.activity.empty');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Diff({ ctx, diff }: { ctx: PageContext; diff: ActivityDiff | null }) {
  if (!diff || Object.keys(diff).length === 0) return null;
  const { t } = ctx;
  return (
    <ul class="fr-text--sm fr-mb-0">
      {Object.entries(diff).map(([property, change]) => (
        <li>
          <code>{property}</code> : <span class="fr-sr-only">{t('bo.activity.before')} </span>
          <del>{shown(ctx, change.before)}</del> →{' '}
          <span class="fr-sr-only">{t('bo.activity.after')} </span>
          <ins>{shown(ctx, change.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

function Filters({ ctx, state }: { ctx: PageContext; state: ActivityPageState }) {
  const { t } = ctx;
  const { filters } = state;
  return (
    <form method="get" action={ACTIVITY_PATH} class="fr-mb-4w">
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-md-3">
          <div class="fr-select-group">
            <label class="fr-label" for="activity-user">
              {t('bo.activity.user')}
            </label>
            <select class="fr-select" id="activity-user" name="user">
              <option value="">{t('bo.activity.any')}</option>
              {state.users.map((user) => (
                <option value={user.id} selected={filters.userId === user.id}>
                  {user.name} ({user.email})
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <div class="fr-select-group">
            <label class="fr-label" for="activity-action">
              {t('bo.activity.action')}
            </label>
            <select class="fr-select" id="activity-action" name="action">
              <option value="">{t('bo.activity.any')}</option>
              {state.actions.map((action) => (
                <option value={action} selected={filters.action === action}>
                  {actionLabel(ctx, action)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <div class={`fr-input-group${state.datasetProblem ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for="activity-dataset">
              {t('bo.activity.dataset')}
            </label>
            <input
              class={`fr-input${state.datasetProblem ? ' fr-input--error' : ''}`}
              type="text"
              id="activity-dataset"
              name="dataset"
              value={filters.datasetId}
              aria-describedby={state.datasetProblem ? 'activity-dataset-error' : undefined}
              aria-invalid={state.datasetProblem ? true : undefined}
            />
            {state.datasetProblem ? (
              <p class="fr-error-text" id="activity-dataset-error">
                {t('bo.activity.problem.dataset')}
              </p>
            ) : null}
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-2">
          <button class="fr-btn" type="submit">
            {t('bo.activity.filter')}
          </button>
        </div>
      </div>
    </form>
  );
}

function Entries({ ctx, state }: { ctx: PageContext; state: ActivityPageState }) {
  const { t } = ctx;
  if (state.log.entries.length === 0) return <p id="activity-none">{t('bo.activity.none')}</p>;
  const names = new Map(state.users.map((u) => [u.id, u.name]));
  return (
    <ScrollTable id="activity" caption={t('bo.activity.caption')}>
      <thead>
        <tr>
          {(['when', 'user', 'action', 'dataset', 'diff'] as const).map((column) => (
            <th scope="col">{t(`bo.activity.col.${column}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {state.log.entries.map((entry) => (
          <tr id={`activity-${entry.id}`}>
            <td>{formatDate(ctx.lang, entry.at, true)}</td>
            <td>
              {entry.userId === null
                ? t('bo.dataset.portal')
                : (names.get(entry.userId) ?? t('bo.dataset.formerUser'))}
            </td>
            <td>{actionLabel(ctx, entry.action)}</td>
            <td>
              {entry.datasetId === null ? null : entry.action === 'dataset.delete' ? (
                <code>{entry.datasetId}</code>
              ) : (
                <a href={datasetPath(entry.datasetId)}>
                  <code>{entry.datasetId}</code>
                </a>
              )}
            </td>
            <td>
              <Diff ctx={ctx} diff={entry.diff} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function ActivityLogPage({ ctx, state }: { ctx: PageContext; state: ActivityPageState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('bo.activity.title')} crumbs={[{ label: t('bo.activity.title') }]}>
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={ACTIVITY_PATH} />
        <h1>{t('bo.activity.title')}</h1>
        <p>{t('bo.activity.intro')}</p>
        <Filters ctx={ctx} state={state} />
        <p id="activity-count">{ctx.count('bo.activity.count', state.log.total)}</p>
        <Entries ctx={ctx} state={state} />
        <Pagination
          ctx={ctx}
          page={state.page}
          pages={state.pages}
          href={(page) => activityHref(state.filters, page)}
        />
      </div>
    </Layout>
  );
}
