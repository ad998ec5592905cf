// /backoffice/datasets/{id}/schema/: the schema editor. A table of the fields as the public sees
// them, then one form with a group per field, in the form's order (schema-field-group.tsx).
// Refused values stay as typed, each message by its control, and a summary at the top links to
// them. The form has a save button first, so that Enter in a box saves rather than moves a field.

import type { Field } from '../core/field.ts';
import type { Dataset } from '../core/dataset.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { NoticeKind } from './back-office-notice.tsx';
import { BackOfficeNotice } from './back-office-notice.tsx';
import { datasetPath } from './dataset-tabs.tsx';
import { FieldGroup, controlId } from './schema-field-group.tsx';
import type { SchemaForm, SchemaProblems } from './schema-form.ts';
import { DatasetFrame } from './dataset-frame.tsx';

export interface SchemaPageState {
  dataset: Dataset;
  form: SchemaForm;
  problems: SchemaProblems;
  /** Languages whose translations the form offers. */
  languages: readonly string[];
  notice?: { text: MessageKey; kind: NoticeKind; params?: Record<string, string | number> };
  /** The field a move button just moved (the form is not saved yet). */
  moved?: { field: string; direction: 'up' | 'down' };
}

function annotationsText(field: Field): string {
  return Object.entries(field.annotations)
    .map(([name, args]) => (args.length > 0 ? `${name}: ${args.join(' ')}` : name))
    .join(', ');
}

function FieldsTable({ ctx, fields }: { ctx: PageContext; fields: readonly Field[] }) {
  const { t } = ctx;
  return (
    <div class="fr-table fr-table--no-caption fr-mb-4w">
      <table>
        <caption>{t('schema.fields')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schema.col.name')}</th>
            <th scope="col">{t('schema.col.label')}</th>
            <th scope="col">{t('schema.col.type')}</th>
            <th scope="col">{t('schema.col.description')}</th>
            <th scope="col">{t('schema.col.annotations')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr>
              <td>
                <code>{field.name}</code>
              </td>
              <td>{field.label}</td>
              <td>{t(`schema.type.${field.type}` as MessageKey)}</td>
              <td>{field.description ?? ''}</td>
              <td>{annotationsText(field)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The fields in the form's order. */
function ordered(fields: readonly Field[], order: readonly string[]): Field[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return order.map((name) => byName.get(name)).filter((f): f is Field => f !== undefined);
}

function ProblemSummary({ ctx, problems }: { ctx: PageContext; problems: SchemaProblems }) {
  const names = Object.keys(problems);
  if (names.length === 0) return null;
  return (
    <div class="fr-alert fr-alert--error fr-mb-3w" role="alert" id="schema-problems">
      <h2 class="fr-alert__title">{ctx.count('schema.problems', names.length)}</h2>
      <ul>
        {names.map((name) => (
          <li>
            <a href={`#${controlId(name)}`}>
              {name.split('.')[1]} — {ctx.t(problems[name]!.key, problems[name]!.params)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SchemaPage({ ctx, state }: { ctx: PageContext; state: SchemaPageState }) {
  const { t } = ctx;
  const { dataset } = state;
  const title = dataset.metas.title;
  const current = dataset.current;
  return (
    <DatasetFrame
      ctx={ctx}
      datasetId={dataset.id}
      name={title}
      title={t('schema.title', { title })}
      tab="schema"
    >
      {state.notice ? (
        <BackOfficeNotice
          text={t(state.notice.text, state.notice.params)}
          kind={state.notice.kind}
        />
      ) : null}
      {current === null ? (
        <p>{t('schema.noData')}</p>
      ) : (
        <>
          <p>{t('schema.intro')}</p>
          <FieldsTable ctx={ctx} fields={current.fields} />
          <ProblemSummary ctx={ctx} problems={state.problems} />
          <form
            method="post"
            action={datasetPath(dataset.id, 'schema/')}
            id="schema-form"
            novalidate
          >
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(current.id)} />
            <input type="hidden" name="order" value={state.form.order.join(',')} />
            <button class="fr-btn fr-mb-3w" type="submit" id="schema-save-top">
              {t('schema.save')}
            </button>
            {ordered(current.fields, state.form.order).map((field) => (
              <FieldGroup
                ctx={ctx}
                form={state.form}
                problems={state.problems}
                languages={state.languages}
                field={field}
                moved={state.moved}
              />
            ))}
            <button class="fr-btn" type="submit">
              {t('schema.save')}
            </button>
          </form>
        </>
      )}
    </DatasetFrame>
  );
}
