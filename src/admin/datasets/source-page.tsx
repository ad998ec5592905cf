// /backoffice/datasets/{id}/source/: the dataset's current source, the forms that replace its
// file, set its URL and schedule or import it again, and its imports with their progress and
// their issues line by line. A script keeps a running import's figures fresh (polling a JSON
// endpoint); without it, a reload link does.

import type { Dataset } from '../../core/dataset.ts';
import type { DatasetSource, ImportJob } from '../../core/import-job.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { ScrollTable } from '../../web/components/scroll-table.tsx';
import { Layout } from '../../web/layout/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { BackOfficeMenu, DATASETS_PATH } from '../backoffice-menu.tsx';
import { DatasetTabs } from '../dataset-tabs.tsx';
import type { Problems } from '../form-fields.tsx';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import { TextField } from '../form-fields.tsx';
import { formatBytes } from './format-bytes.ts';

export function sourcePath(datasetId: string): string {
  return `/backoffice/datasets/${encodeURIComponent(datasetId)}/source/`;
}

export type SourceField = 'file' | 'separator' | 'url' | 'schedule';

export interface SourcePageState {
  dataset: Dataset;
  source: DatasetSource | null;
  jobs: ImportJob[];
  maxBytes: number;
  notice: { kind: 'error' | 'success'; key: MessageKey } | null;
  /** What the URL form holds (typed values on error, else the source's). */
  urlForm: { url: string; schedule: string; separator: string };
  problems: Problems<SourceField>;
}

function time(ctx: PageContext, iso: string | null): string {
  if (iso === null) return '';
  return new Intl.DateTimeFormat(ctx.lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

export function isActive(job: ImportJob): boolean {
  return job.state === 'queued' || job.state === 'running';
}

export function SourcePage({ ctx, state }: { ctx: PageContext; state: SourcePageState }) {
  const { t } = ctx;
  const { dataset, source, jobs } = state;
  const title = t('imp.source.title', { title: dataset.metas.title || dataset.id });
  const path = sourcePath(dataset.id);
  const running = jobs.some(isActive);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: t('bo.datasets.title'), href: DATASETS_PATH }, { label: title }]}
      head={running ? <script type="module" src="/static/js/import-progress.js" /> : null}
    >
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={DATASETS_PATH} />
        <h1>{title}</h1>
        <DatasetTabs ctx={ctx} datasetId={dataset.id} current="source" />
        {state.notice ? (
          <BackOfficeNotice kind={state.notice.kind} text={t(state.notice.key)} />
        ) : null}
        <section aria-labelledby="current-heading" class="fr-mb-4w">
          <h2 id="current-heading">{t('imp.source.current')}</h2>
          {source === null ? (
            <p>{t('imp.source.none')}</p>
          ) : (
            <SourceFacts ctx={ctx} source={source} />
          )}
        </section>
        <section aria-labelledby="jobs-heading" class="fr-mb-4w">
          <h2 id="jobs-heading">{t('imp.jobs.title')}</h2>
          <p>{t('imp.failedKeeps')}</p>
          {running ? (
            <p>
              <a class="fr-link" href={path} data-import-poll={`${path}jobs.json`}>
                {t('imp.jobs.reload')}
              </a>
            </p>
          ) : null}
          <JobsTable ctx={ctx} jobs={jobs} />
          <JobIssues ctx={ctx} jobs={jobs} />
        </section>
        {source !== null ? (
          <form method="post" action={`${path}refresh`} class="fr-mb-4w">
            <CsrfField ctx={ctx} />
            <button class="fr-btn fr-btn--secondary" type="submit">
              {t('imp.source.refresh')}
            </button>
          </form>
        ) : null}
        <section aria-labelledby="replace-heading" class="fr-mb-4w">
          <h2 id="replace-heading">{t('imp.source.replace')}</h2>
          <form method="post" action={`${path}file`} enctype="multipart/form-data" novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              ctx={ctx}
              id="replace-separator"
              name="separator"
              label={t('imp.field.separator')}
              hint={t('imp.field.separator.hint')}
              value={state.urlForm.separator}
              problem={state.problems.separator}
            />
            <TextField
              ctx={ctx}
              id="replace-file"
              name="file"
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,.xls,.json,.jsonl,.ndjson,.geojson,.zip,.parquet"
              label={t('imp.field.file')}
              hint={t('imp.field.file.hint', { max: formatBytes(ctx.lang, state.maxBytes) })}
              problem={state.problems.file}
            />
            <button class="fr-btn" type="submit">
              {t('imp.source.replace.submit')}
            </button>
          </form>
        </section>
        <section aria-labelledby="url-heading" class="fr-mb-4w">
          <h2 id="url-heading">{t('imp.source.setUrl')}</h2>
          <form method="post" action={`${path}url`} novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              ctx={ctx}
              id="source-url"
              name="url"
              label={t('imp.field.url')}
              hint={t('imp.field.url.hint')}
              value={state.urlForm.url}
              problem={state.problems.url}
            />
            <TextField
              ctx={ctx}
              id="source-schedule"
              name="schedule"
              label={t('imp.field.schedule')}
              hint={t('imp.field.schedule.hint')}
              value={state.urlForm.schedule}
              problem={state.problems.schedule}
            />
            <button class="fr-btn" type="submit">
              {t('imp.source.setUrl.submit')}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

function SourceFacts({ ctx, source }: { ctx: PageContext; source: DatasetSource }) {
  const { t } = ctx;
  return (
    <dl>
      <dt>{t(source.kind === 'url' ? 'imp.source.kind.url' : 'imp.source.kind.file')}</dt>
      <dd>{source.kind === 'url' ? <code>{source.location}</code> : source.fileName}</dd>
      {source.size !== null ? (
        <>
          <dt>{t('imp.source.size')}</dt>
          <dd>{formatBytes(ctx.lang, source.size)}</dd>
        </>
      ) : null}
      {source.kind === 'url' ? (
        <>
          <dt>{t('imp.source.schedule')}</dt>
          <dd>
            <code>{source.schedule}</code>
          </dd>
          <dt>{t('imp.source.nextRun')}</dt>
          <dd>{source.nextRunAt ? time(ctx, source.nextRunAt) : '—'}</dd>
        </>
      ) : null}
    </dl>
  );
}

function JobsTable({ ctx, jobs }: { ctx: PageContext; jobs: ImportJob[] }) {
  const { t } = ctx;
  if (jobs.length === 0) return <p>{t('imp.jobs.none')}</p>;
  return (
    <ScrollTable id="import-jobs" caption={t('imp.jobs.title')}>
      <thead>
        <tr>
          <th scope="col">{t('imp.jobs.id')}</th>
          <th scope="col">{t('imp.jobs.trigger')}</th>
          <th scope="col">{t('imp.jobs.state')}</th>
          <th scope="col">{t('imp.jobs.started')}</th>
          <th scope="col">{t('imp.jobs.ended')}</th>
          <th scope="col">{t('imp.jobs.rows')}</th>
          <th scope="col">{t('imp.jobs.rejected')}</th>
          <th scope="col">{t('imp.jobs.error')}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr data-job={job.id}>
            <td>{job.id}</td>
            <td>{t(`imp.trigger.${job.trigger}` as MessageKey)}</td>
            <td data-job-state>{t(`imp.state.${job.state}` as MessageKey)}</td>
            <td>{time(ctx, job.startedAt)}</td>
            <td>{time(ctx, job.endedAt)}</td>
            <td data-job-rows>{formatNumber(ctx.lang, job.rowsRead)}</td>
            <td>{formatNumber(ctx.lang, job.rowsRejected)}</td>
            <td>{job.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The issues of the latest import that had any, line by line. */
function JobIssues({ ctx, jobs }: { ctx: PageContext; jobs: ImportJob[] }) {
  const job = jobs.find((candidate) => candidate.issues.length > 0);
  if (!job) return null;
  const { t } = ctx;
  return (
    <>
      <h3 id="issues-heading">{t('imp.jobs.issues', { id: job.id, count: job.issueCount })}</h3>
      <ul aria-labelledby="issues-heading">
        {job.issues.map((issue) => (
          <li>
            {issue.field
              ? t('imp.jobs.issueField', {
                  line: issue.line,
                  field: issue.field,
                  reason: issue.reason,
                })
              : t('imp.jobs.issue', { line: issue.line, reason: issue.reason })}
          </li>
        ))}
      </ul>
    </>
  );
}
