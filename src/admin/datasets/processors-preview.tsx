// The processors page's preview: the first rows of the stored source file as they are read, then
// as the processors leave them (with the records they drop and the values they cannot convert),
// or why there is nothing to show.

import type { Row } from '../../core/cell.ts';
import type { Field } from '../../core/field.ts';
import type { PipelinePreview } from '../../ingest/dataset-processors.ts';
import { ScrollTable } from '../../web/components/scroll-table.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import { rawCellText } from './raw-cell-text.ts';

function Grid(props: { id: string; caption: string; fields: Field[]; rows: Row[] }) {
  return (
    <ScrollTable id={props.id} caption={props.caption}>
      <thead>
        <tr>
          {props.fields.map((field) => (
            <th scope="col">
              {field.label}
              <br />
              <code>{field.name}</code> ({field.type})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {row.map((value) => (
              <td>{rawCellText(value)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function ProcessorsPreview(props: {
  ctx: PageContext;
  preview: PipelinePreview;
  fileName: string;
}) {
  const { ctx, preview } = props;
  const { t } = ctx;
  if (preview.kind === 'none') return null;
  return (
    <section aria-labelledby="preview-heading" class="fr-mb-4w">
      <h2 id="preview-heading">{t('proc.preview.title')}</h2>
      {preview.kind === 'remote' ? (
        <BackOfficeNotice kind="info" id="preview-notice" text={t('proc.preview.remote')} />
      ) : null}
      {preview.kind === 'unreadable' ? (
        <BackOfficeNotice
          kind="error"
          id="preview-notice"
          text={t('proc.preview.unreadable', { detail: preview.detail })}
        />
      ) : null}
      {preview.kind === 'ready' ? (
        <>
          <p>{t('proc.preview.intro', { file: props.fileName })}</p>
          <h3 id="preview-before-heading">{t('proc.preview.before')}</h3>
          <Grid
            id="preview-before"
            caption={t('proc.preview.before')}
            fields={preview.fields}
            rows={preview.rows}
          />
          <h3 id="preview-after-heading">{t('proc.preview.after')}</h3>
          {preview.problem ? (
            <BackOfficeNotice
              kind="error"
              id="preview-notice"
              text={t('proc.preview.problem', { detail: preview.problem.message })}
            />
          ) : null}
          {preview.after ? (
            <>
              {preview.after.skipped > 0 ? (
                <p id="preview-skipped">
                  {ctx.count('proc.preview.skipped', preview.after.skipped)}
                </p>
              ) : null}
              <Grid
                id="preview-after"
                caption={t('proc.preview.after')}
                fields={preview.after.fields}
                rows={preview.after.rows}
              />
              {preview.after.issues.length > 0 ? (
                <>
                  <h4 id="preview-issues-heading">{t('proc.preview.issues')}</h4>
                  <ul aria-labelledby="preview-issues-heading" id="preview-issues">
                    {preview.after.issues.map((issue) => (
                      <li>
                        {issue.field
                          ? t('imp.jobs.issueField', { ...issue, field: issue.field })
                          : t('imp.jobs.issue', { line: issue.line, reason: issue.reason })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
