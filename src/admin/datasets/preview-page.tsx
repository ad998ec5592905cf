// /backoffice/datasets/new/preview/?upload=…: the inferred schema and the first rows of the
// file received, before anything is created; then "Create draft" or "Publish now".

import type { Row } from '../../core/cell.ts';
import type { Field } from '../../core/field.ts';
import type { PendingUpload } from '../../ingest/pending-uploads.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { ScrollTable } from '../../web/components/scroll-table.tsx';
import { Layout } from '../../web/layout/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import { NEW_DATASET_PATH } from './new-dataset-page.tsx';
import { rawCellText } from './raw-cell-text.ts';

export const CREATE_PATH = '/backoffice/datasets/new/create';

export type PreviewState =
  | { kind: 'ready'; upload: PendingUpload; fields: Field[]; rows: Row[] }
  | { kind: 'unreadable'; upload: PendingUpload; detail: string }
  | { kind: 'gone' };

export function PreviewPage({ ctx, state }: { ctx: PageContext; state: PreviewState }) {
  const { t } = ctx;
  const title =
    state.kind === 'gone'
      ? t('imp.new.title')
      : t('imp.preview.title', { title: state.upload.title || state.upload.datasetId });
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[{ label: t('imp.new.title'), href: NEW_DATASET_PATH }, { label: title }]}
    >
      <div class="fr-container fr-pb-6w">
        <h1>{title}</h1>
        {state.kind === 'gone' ? (
          <BackOfficeNotice kind="error" text={t('imp.preview.gone')} />
        ) : null}
        {state.kind === 'unreadable' ? (
          <BackOfficeNotice
            kind="error"
            text={t('imp.preview.unreadable', { detail: state.detail })}
          />
        ) : null}
        {state.kind === 'ready' ? <Preview ctx={ctx} state={state} /> : null}
        <p>
          <a class="fr-link" href={NEW_DATASET_PATH}>
            {t('imp.preview.back')}
          </a>
        </p>
      </div>
    </Layout>
  );
}

function Preview({
  ctx,
  state,
}: {
  ctx: PageContext;
  state: Extract<PreviewState, { kind: 'ready' }>;
}) {
  const { t } = ctx;
  const { upload, fields, rows } = state;
  return (
    <>
      <p>{t('imp.preview.intro', { count: rows.length, file: upload.fileName })}</p>
      <h2 id="schema-heading">{t('imp.preview.schema')}</h2>
      <ScrollTable id="preview-schema" caption={t('imp.preview.schema')}>
        <thead>
          <tr>
            <th scope="col">{t('imp.preview.fieldName')}</th>
            <th scope="col">{t('imp.preview.fieldLabel')}</th>
            <th scope="col">{t('imp.preview.fieldType')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr>
              <td>
                <code>{field.name}</code>
              </td>
              <td>{field.label}</td>
              <td>{field.type}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h2 id="rows-heading">{t('imp.preview.rows')}</h2>
      <ScrollTable id="preview-rows" caption={t('imp.preview.rows')}>
        <thead>
          <tr>
            {fields.map((field) => (
              <th scope="col">{field.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {row.map((value) => (
                <td>{rawCellText(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <form method="post" action={CREATE_PATH}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="upload" value={upload.token} />
        <ul class="fr-btns-group fr-btns-group--inline">
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" name="publish" value="no">
              {t('imp.create.draft')}
            </button>
          </li>
          <li>
            <button class="fr-btn" type="submit" name="publish" value="yes">
              {t('imp.create.publish')}
            </button>
          </li>
        </ul>
      </form>
    </>
  );
}
