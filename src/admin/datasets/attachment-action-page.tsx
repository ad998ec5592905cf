// The pages of one attachment: replace its file (a multipart form, token first, with an
// optional new title) or delete it (what will happen, a box to tick, the button, Cancel).
// Refused, each comes back with the message next to the field.

import type { Attachment } from '../../core/attachment.ts';
import type { Dataset } from '../../core/dataset.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/layout/layout.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import { BackOfficeMenu, DATASETS_PATH } from '../backoffice-menu.tsx';
import { datasetPath } from '../dataset-tabs.tsx';
import type { Problems } from '../form-fields.tsx';
import { ErrorText, TextField } from '../form-fields.tsx';
import type { AttachmentField } from './attachments-page.tsx';
import { attachmentsPath } from './attachments-page.tsx';
import { formatBytes } from './format-bytes.ts';

export type AttachmentAction = 'replace' | 'delete';

export interface AttachmentActionState {
  dataset: Dataset;
  attachment: Attachment;
  action: AttachmentAction;
  maxBytes: number;
  /** The new title as typed (replace). */
  title: string;
  /** Field problems (replace), or `confirm` when the deletion box was not ticked. */
  problems: Problems<AttachmentField | 'confirm'>;
}

function ReplaceForm({ ctx, state }: { ctx: PageContext; state: AttachmentActionState }) {
  const { t } = ctx;
  const { attachment } = state;
  return (
    <form
      method="post"
      action={attachmentsPath(state.dataset.id, `${encodeURIComponent(attachment.id)}/replace`)}
      enctype="multipart/form-data"
      novalidate
      id="attachment-replace"
    >
      <CsrfField ctx={ctx} />
      <TextField
        ctx={ctx}
        id="attachment-title"
        name="title"
        label={t('att.field.newTitle')}
        hint={t('att.field.newTitle.hint', { title: attachment.title })}
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
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button class="fr-btn" type="submit">
            {t('att.submit.replace')}
          </button>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary" href={attachmentsPath(state.dataset.id)}>
            {t('att.cancel')}
          </a>
        </li>
      </ul>
    </form>
  );
}

function DeleteForm({ ctx, state }: { ctx: PageContext; state: AttachmentActionState }) {
  const { t } = ctx;
  const problem = state.problems.confirm;
  const id = 'confirm-attachment';
  return (
    <form
      method="post"
      action={attachmentsPath(
        state.dataset.id,
        `${encodeURIComponent(state.attachment.id)}/delete`,
      )}
      id="attachment-delete"
    >
      <CsrfField ctx={ctx} />
      <fieldset
        class={`fr-fieldset${problem ? ' fr-fieldset--error' : ''}`}
        aria-labelledby={`${id}-legend${problem ? ` ${id}-error` : ''}`}
      >
        <legend class="fr-sr-only" id={`${id}-legend`}>
          {t('att.delete.check')}
        </legend>
        <div class="fr-fieldset__element">
          <div class="fr-checkbox-group">
            <input type="checkbox" id={id} name="confirm" value="yes" />
            <label class="fr-label" for={id}>
              {t('att.delete.check')}
            </label>
          </div>
        </div>
        <ErrorText ctx={ctx} id={id} problem={problem} />
      </fieldset>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button class="fr-btn" type="submit">
            {t('att.delete.submit')}
          </button>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary" href={attachmentsPath(state.dataset.id)}>
            {t('att.cancel')}
          </a>
        </li>
      </ul>
    </form>
  );
}

export function AttachmentActionPage(props: { ctx: PageContext; state: AttachmentActionState }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const { dataset, attachment, action } = state;
  const title = t(`att.${action}.title`, { title: attachment.title });
  const refused = Object.keys(state.problems).length > 0;
  const params = { file: attachment.fileName, id: attachment.id };
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { label: t('bo.datasets.title'), href: DATASETS_PATH },
        { label: dataset.metas.title || dataset.id, href: datasetPath(dataset.id) },
        { label: t('att.tab'), href: attachmentsPath(dataset.id) },
        { label: title },
      ]}
    >
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={DATASETS_PATH} />
        <h1>{title}</h1>
        {refused && action === 'replace' ? (
          <BackOfficeNotice kind="error" text={t('att.problem.summary')} />
        ) : null}
        <p class="fr-text--lead">{t(`att.${action}.intro`, params)}</p>
        {action === 'replace' ? (
          <ReplaceForm ctx={ctx} state={state} />
        ) : (
          <DeleteForm ctx={ctx} state={state} />
        )}
      </div>
    </Layout>
  );
}
