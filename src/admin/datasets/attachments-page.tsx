// /backoffice/datasets/{id}/attachments/: the dataset's attachments (title, file, type, size,
// when added) with a link to replace and one to delete each, and the form that adds one. The
// form is multipart, its CSRF token first; refused, it comes back with the message next to the
// field and the title as typed.

import type { Dataset } from '../../core/dataset.ts';
import type { ListedAttachment } from '../../datasets/index.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatDate } from '../../web/components/dates.ts';
import { ScrollTable } from '../../web/components/scroll-table.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import type { NoticeKind } from '../back-office-notice.tsx';
import { datasetPath } from '../dataset-tabs.tsx';
import type { Problems } from '../form-fields.tsx';
import { TextField } from '../form-fields.tsx';
import { formatBytes } from './format-bytes.ts';
import { DatasetFrame } from '../dataset-frame.tsx';

export type AttachmentField = 'file' | 'title';

export interface AttachmentsPageState {
  dataset: Dataset;
  attachments: ListedAttachment[];
  maxBytes: number;
  notice: { kind: NoticeKind; text: string } | null;
  /** The title as typed (after a refusal). */
  title: string;
  problems: Problems<AttachmentField>;
}

export function attachmentsPath(datasetId: string, sub = ''): string {
  return datasetPath(datasetId, `attachments/${sub}`);
}

/** Where the API serves the file (API v1's address, as ODS's information tab links it). */
export function attachmentUrl(datasetId: string, attachmentId: string): string {
  return `/api/datasets/1.0/${encodeURIComponent(datasetId)}/attachments/${encodeURIComponent(attachmentId)}/`;
}

function AttachmentsTable({ ctx, state }: { ctx: PageContext; state: AttachmentsPageState }) {
  const { t } = ctx;
  const id = state.dataset.id;
  return (
    <ScrollTable id="attachments" caption={t('att.caption')}>
      <thead>
        <tr>
          {(['title', 'file', 'type', 'size', 'added', 'actions'] as const).map((column) => (
            <th scope="col">{t(`att.col.${column}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {state.attachments.map(({ attachment, size }) => (
          <tr id={`attachment-${attachment.id}`}>
            <th scope="row">{attachment.title}</th>
            <td class="dg-break-all">
              <a href={attachmentUrl(id, attachment.id)}>{attachment.fileName}</a>
            </td>
            <td>{attachment.mimetype}</td>
            <td>{size === null ? t('att.missing') : formatBytes(ctx.lang, size)}</td>
            <td>{formatDate(ctx.lang, attachment.createdAt, true)}</td>
            <td>
              <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                <li>
                  <a
                    class="fr-btn fr-btn--secondary fr-btn--sm"
                    href={attachmentsPath(id, `${encodeURIComponent(attachment.id)}/replace`)}
                    aria-label={t('att.replaceLabel', { title: attachment.title })}
                  >
                    {t('att.replace')}
                  </a>
                </li>
                <li>
                  <a
                    class="fr-btn fr-btn--tertiary fr-btn--sm"
                    href={attachmentsPath(id, `${encodeURIComponent(attachment.id)}/delete`)}
                    aria-label={t('att.deleteLabel', { title: attachment.title })}
                  >
                    {t('att.delete')}
                  </a>
                </li>
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function AttachmentsPage({ ctx, state }: { ctx: PageContext; state: AttachmentsPageState }) {
  const { t } = ctx;
  const { dataset } = state;
  const title = t('att.title', { title: dataset.metas.title || dataset.id });
  return (
    <DatasetFrame
      ctx={ctx}
      datasetId={dataset.id}
      name={dataset.metas.title || dataset.id}
      title={title}
      heading={title}
      tab="attachments"
    >
      {state.notice ? <BackOfficeNotice kind={state.notice.kind} text={state.notice.text} /> : null}
      <p>{t('att.intro')}</p>
      <section aria-labelledby="attachments-heading" class="fr-mb-4w">
        <h2 id="attachments-heading">{t('att.list')}</h2>
        {state.attachments.length === 0 ? (
          <p>{t('att.none')}</p>
        ) : (
          <AttachmentsTable ctx={ctx} state={state} />
        )}
      </section>
      <section aria-labelledby="add-heading" class="fr-mb-4w">
        <h2 id="add-heading">{t('att.add')}</h2>
        <form
          method="post"
          action={attachmentsPath(dataset.id)}
          enctype="multipart/form-data"
          novalidate
          id="attachment-add"
        >
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            id="attachment-title"
            name="title"
            label={t('att.field.title')}
            hint={t('att.field.title.hint')}
            value={state.title}
            problem={state.problems.title}
          />
          <TextField
            ctx={ctx}
            id="attachment-file"
            name="file"
            type="file"
            label={t('att.field.file')}
            hint={t('att.field.file.hint', { max: formatBytes(ctx.lang, state.maxBytes) })}
            problem={state.problems.file}
          />
          <button class="fr-btn" type="submit">
            {t('att.submit.add')}
          </button>
        </form>
      </section>
    </DatasetFrame>
  );
}
