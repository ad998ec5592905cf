// /backoffice/datasets/{id}/: a dataset's overview for those who manage it: its state and the
// version online, the actions (publish or unpublish, delete, roll back: the last two through a
// confirmation page), and the version history (when, who, records, source, status).

import type { AudienceReport } from '../analytics/index.ts';
import type { DatasetVersion } from '../core/dataset.ts';
import type { DatasetOverview } from '../datasets/index.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import { formatDate } from '../web/components/dates.ts';
import { ScrollTable } from '../web/components/scroll-table.tsx';
import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { BackOfficeNotice } from './back-office-notice.tsx';
import { BackOfficeMenu, DATASETS_PATH } from './backoffice-menu.tsx';
import { DatasetAudience } from './dataset-audience.tsx';
import { StateBadges } from './dataset-badges.tsx';
import { DatasetTabs, datasetPath } from './dataset-tabs.tsx';

export interface DatasetPageNotice {
  text: string;
  error: boolean;
}

function Summary({ ctx, overview }: { ctx: PageContext; overview: DatasetOverview }) {
  const { t } = ctx;
  const { dataset } = overview;
  const current = dataset.current;
  const publicPath = `/explore/dataset/${encodeURIComponent(dataset.id)}/`;
  return (
    <section aria-labelledby="summary-heading" class="fr-mb-4w">
      <h2 id="summary-heading" class="fr-h4">
        {t('bo.dataset.summary')}
      </h2>
      <dl>
        <dt>{t('bo.dataset.id')}</dt>
        <dd>
          <code>{dataset.id}</code>
        </dd>
        <dt>{t('bo.dataset.state')}</dt>
        <dd>
          <StateBadges
            ctx={ctx}
            publication={overview.publication}
            importFailed={overview.importFailed}
          />
        </dd>
        <dt>{t('bo.dataset.current')}</dt>
        <dd id="dataset-current">
          {current
            ? t('bo.dataset.currentValue', {
                id: current.id,
                records: ctx.count('dataset.records', current.recordsCount),
                date: formatDate(ctx.lang, current.committedAt ?? current.createdAt, true),
              })
            : t('bo.dataset.noCurrent')}
        </dd>
        <dt>{t('bo.dataset.owner')}</dt>
        <dd>{overview.ownerName ?? t('bo.datasets.noOwner')}</dd>
        <dt>{t('bo.dataset.updated')}</dt>
        <dd>{formatDate(ctx.lang, overview.updatedAt, true)}</dd>
      </dl>
      <p>
        <a class="fr-link" href={publicPath}>
          {t(dataset.published ? 'bo.dataset.view' : 'bo.dataset.preview')}
        </a>
      </p>
    </section>
  );
}

function Actions({ ctx, overview }: { ctx: PageContext; overview: DatasetOverview }) {
  const { t } = ctx;
  const { dataset } = overview;
  const publish = !dataset.published;
  return (
    <section aria-labelledby="actions-heading" class="fr-mb-4w">
      <h2 id="actions-heading" class="fr-h4">
        {t('bo.dataset.actions')}
      </h2>
      <p class="fr-text--sm" id="publish-hint">
        {t(publish ? 'bo.dataset.publishHint' : 'bo.dataset.unpublishHint')}
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <form
            method="post"
            action={datasetPath(dataset.id, publish ? 'publish' : 'unpublish')}
            id="publish-form"
          >
            <CsrfField ctx={ctx} />
            <button
              class={`fr-btn${publish ? '' : ' fr-btn--secondary'}`}
              type="submit"
              aria-describedby="publish-hint"
            >
              {t(publish ? 'bo.dataset.publish' : 'bo.dataset.unpublish')}
            </button>
          </form>
        </li>
        <li>
          <a class="fr-btn fr-btn--tertiary" href={datasetPath(dataset.id, 'delete')}>
            {t('bo.dataset.delete')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function author(ctx: PageContext, overview: DatasetOverview, version: DatasetVersion): string {
  if (version.createdBy === null) return ctx.t('bo.dataset.portal');
  return overview.authors.get(version.createdBy) ?? ctx.t('bo.dataset.formerUser');
}

function History({ ctx, overview }: { ctx: PageContext; overview: DatasetOverview }) {
  const { t } = ctx;
  const { versions, dataset } = overview;
  const current = dataset.current;
  const canRollBack =
    current !== null && versions.some((v) => v.status === 'retired' && v.id < current.id);
  return (
    <section aria-labelledby="history-heading" class="fr-mb-4w">
      <h2 id="history-heading" class="fr-h4">
        {t('bo.dataset.history')}
      </h2>
      {versions.length === 0 ? (
        <p>{t('bo.dataset.history.none')}</p>
      ) : (
        <ScrollTable id="versions" caption={t('bo.dataset.history.caption')}>
          <thead>
            <tr>
              {(['version', 'when', 'who', 'records', 'source', 'status'] as const).map((c) => (
                <th scope="col">{t(`bo.dataset.col.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr id={`version-${version.id}`}>
                <th scope="row">{ctx.number(version.id)}</th>
                <td>{formatDate(ctx.lang, version.createdAt, true)}</td>
                <td>{author(ctx, overview, version)}</td>
                <td>{ctx.number(version.recordsCount)}</td>
                <td class="dg-break-all">{version.source ?? ''}</td>
                <td>
                  {t(`bo.version.${version.status}`)}
                  {version.error ? <p class="fr-text--xs fr-mb-0">{version.error}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {canRollBack ? (
        <>
          <p class="fr-text--sm" id="rollback-hint">
            {t('bo.dataset.rollbackHint')}
          </p>
          <a
            class="fr-btn fr-btn--secondary"
            href={datasetPath(dataset.id, 'rollback')}
            aria-describedby="rollback-hint"
          >
            {t('bo.dataset.rollback')}
          </a>
        </>
      ) : null}
    </section>
  );
}

export function DatasetPage(props: {
  ctx: PageContext;
  overview: DatasetOverview;
  notice: DatasetPageNotice | null;
  /** The dataset's audience of the last 30 days, when it was read. */
  audience?: AudienceReport;
}) {
  const { ctx, overview } = props;
  const { t } = ctx;
  const title = overview.dataset.metas.title;
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: t('bo.datasets.title'), href: DATASETS_PATH }, { label: title }]}
    >
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={DATASETS_PATH} />
        <h1>{title}</h1>
        <DatasetTabs ctx={ctx} datasetId={overview.dataset.id} current="overview" />
        {props.notice ? (
          <BackOfficeNotice text={props.notice.text} error={props.notice.error} />
        ) : null}
        <Summary ctx={ctx} overview={overview} />
        {props.audience ? <DatasetAudience ctx={ctx} report={props.audience} /> : null}
        <Actions ctx={ctx} overview={overview} />
        <History ctx={ctx} overview={overview} />
      </div>
    </Layout>
  );
}
