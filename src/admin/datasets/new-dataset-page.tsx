// /backoffice/datasets/new/: a file to upload or a URL to fetch, the dataset's id and title.
// One multipart form (the token field first, for the CSRF check made as the body streams);
// works without JavaScript: both sources' fields show, the radio choosing which counts.

import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/layout/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { BackOfficeMenu, DATASETS_PATH } from '../backoffice-menu.tsx';
import type { Problems } from '../form-fields.tsx';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import { TextField } from '../form-fields.tsx';
import { formatBytes } from './format-bytes.ts';
import type { NewDatasetField, NewDatasetValues } from './new-dataset-form.ts';

export const NEW_DATASET_PATH = '/backoffice/datasets/new/';

export interface NewDatasetPageState {
  values: NewDatasetValues;
  problems: Problems<NewDatasetField>;
  maxBytes: number;
}

export function NewDatasetPage({ ctx, state }: { ctx: PageContext; state: NewDatasetPageState }) {
  const { t } = ctx;
  const { values, problems } = state;
  const max = formatBytes(ctx.lang, state.maxBytes);
  const hasProblems = Object.keys(problems).length > 0;
  return (
    <Layout
      ctx={ctx}
      title={t('imp.new.title')}
      crumbs={[
        { label: t('bo.datasets.title'), href: DATASETS_PATH },
        { label: t('imp.new.title') },
      ]}
    >
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={DATASETS_PATH} />
        <h1>{t('imp.new.title')}</h1>
        <p>{t('imp.new.intro')}</p>
        {hasProblems ? <BackOfficeNotice kind="error" text={t('imp.problem.summary')} /> : null}
        <form method="post" action={NEW_DATASET_PATH} enctype="multipart/form-data" novalidate>
          <CsrfField ctx={ctx} />
          <fieldset class="fr-fieldset" id="kind" aria-labelledby="kind-legend">
            <legend class="fr-fieldset__legend" id="kind-legend">
              {t('imp.kind.legend')}
            </legend>
            {(['file', 'url'] as const).map((kind) => (
              <div class="fr-fieldset__element">
                <div class="fr-radio-group">
                  <input
                    type="radio"
                    id={`kind-${kind}`}
                    name="kind"
                    value={kind}
                    checked={values.kind === kind}
                  />
                  <label class="fr-label" for={`kind-${kind}`}>
                    {t(kind === 'file' ? 'imp.kind.file' : 'imp.kind.url')}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <TextField
            ctx={ctx}
            id="new-url"
            name="url"
            label={t('imp.field.url')}
            hint={t('imp.field.url.hint')}
            value={values.url}
            problem={problems.url}
          />
          <TextField
            ctx={ctx}
            id="new-schedule"
            name="schedule"
            label={t('imp.field.schedule')}
            hint={t('imp.field.schedule.hint')}
            value={values.schedule}
            problem={problems.schedule}
          />
          <TextField
            ctx={ctx}
            id="new-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,.xls,.json,.jsonl,.ndjson,.geojson,.zip,.parquet"
            label={t('imp.field.file')}
            hint={t('imp.field.file.hint', { max })}
            problem={problems.file}
          />
          <TextField
            ctx={ctx}
            id="new-separator"
            name="separator"
            label={t('imp.field.separator')}
            hint={t('imp.field.separator.hint')}
            value={values.separator}
            problem={problems.separator}
          />
          <TextField
            ctx={ctx}
            id="new-id"
            name="id"
            label={t('imp.field.id')}
            hint={t('imp.field.id.hint')}
            value={values.id}
            problem={problems.id}
          />
          <TextField
            ctx={ctx}
            id="new-title"
            name="title"
            label={t('imp.field.title')}
            hint={t('imp.field.title.hint')}
            value={values.title}
            problem={problems.title}
          />
          <button class="fr-btn" type="submit">
            {t('imp.submit.preview')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
