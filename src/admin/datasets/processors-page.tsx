// /backoffice/datasets/{id}/processors/: the dataset's processors in the order they apply, each
// with its edit link and its move and delete buttons (small forms, no script needed), the form
// that starts adding one (its kind, then its parameters), the preview of the first rows before
// and after them, and the re-import that applies them now.

import type { Dataset } from '../../core/dataset.ts';
import type { DatasetSource, ImportJob } from '../../core/import-job.ts';
import type { ProcessorConfig } from '../../core/processors.ts';
import { PROCESSOR_TYPES } from '../../core/processors.ts';
import type { PipelinePreview } from '../../ingest/dataset-processors.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { ScrollTable } from '../../web/components/scroll-table.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { NoticeKind } from '../back-office-notice.tsx';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import { datasetPath } from '../dataset-tabs.tsx';
import { SelectField } from '../form-fields.tsx';
import { processorSummary } from './processor-summary.ts';
import { ProcessorsPreview } from './processors-preview.tsx';
import { DatasetFrame } from '../dataset-frame.tsx';

export function processorsPath(datasetId: string, sub = ''): string {
  return datasetPath(datasetId, `processors/${sub}`);
}

export interface ProcessorsPageState {
  dataset: Dataset;
  source: DatasetSource | null;
  processors: ProcessorConfig[];
  revision: string;
  preview: PipelinePreview;
  latestJob: ImportJob | null;
  notice: { kind: NoticeKind; text: string } | null;
}

export function kindOptions(ctx: PageContext) {
  return PROCESSOR_TYPES.map((type) => ({
    value: type,
    label: ctx.t(`proc.kind.${type}` as MessageKey),
  }));
}

function time(ctx: PageContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/** A button posting to `action` with the list's revision (and more hidden fields). */
function ActionButton(props: {
  ctx: PageContext;
  action: string;
  revision: string;
  label: string;
  which: string;
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action}>
      <CsrfField ctx={props.ctx} />
      <input type="hidden" name="revision" value={props.revision} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">
        {props.label}
        <span class="fr-sr-only"> {props.which}</span>
      </button>
    </form>
  );
}

function ProcessorsTable({ ctx, state }: { ctx: PageContext; state: ProcessorsPageState }) {
  const { t } = ctx;
  const { dataset, processors, revision } = state;
  if (processors.length === 0) return <p id="processors-empty">{t('proc.list.empty')}</p>;
  return (
    <ScrollTable id="processors" caption={t('proc.list.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('proc.list.position')}</th>
          <th scope="col">{t('proc.list.kind')}</th>
          <th scope="col">{t('proc.list.params')}</th>
          <th scope="col">{t('proc.list.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {processors.map((processor, index) => {
          const position = index + 1;
          const which = t('proc.action.which', { position });
          const at = processorsPath(dataset.id, `${position}/`);
          return (
            <tr data-processor={processor.type}>
              <td>{position}</td>
              <td>{t(`proc.kind.${processor.type}` as MessageKey)}</td>
              <td>{processorSummary(ctx, processor)}</td>
              <td>
                <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  <li>
                    <a class="fr-btn fr-btn--sm fr-btn--secondary" href={at}>
                      {t('proc.action.edit')}
                      <span class="fr-sr-only"> {which}</span>
                    </a>
                  </li>
                  {position > 1 ? (
                    <li>
                      <ActionButton
                        ctx={ctx}
                        action={`${at}move`}
                        revision={revision}
                        label={t('proc.action.up')}
                        which={which}
                        fields={{ direction: 'up' }}
                      />
                    </li>
                  ) : null}
                  {position < processors.length ? (
                    <li>
                      <ActionButton
                        ctx={ctx}
                        action={`${at}move`}
                        revision={revision}
                        label={t('proc.action.down')}
                        which={which}
                        fields={{ direction: 'down' }}
                      />
                    </li>
                  ) : null}
                  <li>
                    <ActionButton
                      ctx={ctx}
                      action={`${at}delete`}
                      revision={revision}
                      label={t('proc.action.delete')}
                      which={which}
                    />
                  </li>
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

export function ProcessorsPage({ ctx, state }: { ctx: PageContext; state: ProcessorsPageState }) {
  const { t } = ctx;
  const { dataset, source, latestJob } = state;
  const title = dataset.metas.title || dataset.id;
  return (
    <DatasetFrame
      ctx={ctx}
      datasetId={dataset.id}
      name={title}
      title={t('proc.title', { title })}
      tab="processors"
    >
      {state.notice ? <BackOfficeNotice kind={state.notice.kind} text={state.notice.text} /> : null}
      <p>{t('proc.intro')}</p>
      {source === null ? (
        <BackOfficeNotice kind="info" id="no-source" text={t('proc.noSource')} />
      ) : (
        <>
          <section aria-labelledby="processors-heading" class="fr-mb-4w">
            <h2 id="processors-heading">{t('proc.list.title')}</h2>
            <ProcessorsTable ctx={ctx} state={state} />
          </section>
          <section aria-labelledby="add-heading" class="fr-mb-4w">
            <h2 id="add-heading">{t('proc.add.title')}</h2>
            <form method="get" action={processorsPath(dataset.id, 'new')}>
              <SelectField
                ctx={ctx}
                id="add-type"
                name="type"
                label={t('proc.add.kind')}
                value="rename"
                options={kindOptions(ctx)}
              />
              <button class="fr-btn fr-btn--secondary" type="submit">
                {t('proc.add.continue')}
              </button>
            </form>
          </section>
          <ProcessorsPreview ctx={ctx} preview={state.preview} fileName={source.fileName ?? ''} />
          <section aria-labelledby="reimport-heading" class="fr-mb-4w">
            <h2 id="reimport-heading">{t('proc.reimport.title')}</h2>
            <p>{t('proc.reimport.intro')}</p>
            {latestJob ? (
              <p id="latest-import">
                {t('proc.reimport.latest', {
                  state: t(`imp.state.${latestJob.state}` as MessageKey),
                  date: time(ctx, latestJob.createdAt),
                })}
                {latestJob.error ? ` ${latestJob.error}` : ''}
              </p>
            ) : null}
            <form method="post" action={processorsPath(dataset.id, 'reimport')}>
              <CsrfField ctx={ctx} />
              <button class="fr-btn" type="submit">
                {t('proc.reimport.submit')}
              </button>
            </form>
          </section>
        </>
      )}
    </DatasetFrame>
  );
}
