// /backoffice/datasets/{id}/schema/: the schema editor. A table of the fields as the public sees
// them, then one form with a group per field: label, description, type, options, facet order,
// separators, and the translations of the label and description. Refused values stay as typed,
// each message by its control, and a summary at the top links to them.

import { FACET_SORTS } from '../core/facet-tree.ts';
import type { Field } from '../core/field.ts';
import { FIELD_TYPES } from '../core/field.ts';
import type { Dataset } from '../core/dataset.ts';
import { LANGUAGE_NAMES, isLang } from '../i18n/languages.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { NoticeKind } from './back-office-notice.tsx';
import { BackOfficeNotice } from './back-office-notice.tsx';
import { BackOfficeMenu, DATASETS_PATH } from './backoffice-menu.tsx';
import { DatasetTabs, datasetPath } from './dataset-tabs.tsx';
import { ChoiceGroup, SelectField, TextField } from './form-fields.tsx';
import type { SchemaForm, SchemaProblems } from './schema-form.ts';
import { FLAGS, controlName } from './schema-form.ts';

export interface SchemaPageState {
  dataset: Dataset;
  form: SchemaForm;
  problems: SchemaProblems;
  /** Languages whose translations the form offers. */
  languages: readonly string[];
  notice?: { text: MessageKey; kind: NoticeKind };
}

/** A control's element id: `f.code.tr.en.label` → `schema-code-tr-en-label`. */
export function controlId(name: string): string {
  return `schema-${name.slice(2).replaceAll('.', '-')}`;
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

function FieldGroup(props: { ctx: PageContext; state: SchemaPageState; field: Field }) {
  const { ctx, state, field } = props;
  const { t } = ctx;
  const name = (part: string) => controlName(field.name, part);
  const text = (
    part: string,
    label: string,
    extra: { hint?: string; rows?: number; lang?: string } = {},
  ) => (
    <div class="fr-fieldset__element">
      <TextField
        ctx={ctx}
        id={controlId(name(part))}
        name={name(part)}
        label={label}
        value={state.form.values[name(part)] ?? ''}
        problem={state.problems[name(part)]}
        {...extra}
      />
    </div>
  );
  const types = FIELD_TYPES.filter((type) => type !== 'file' || field.type === 'file');
  const legendId = `${controlId(name('group'))}-legend`;
  return (
    <fieldset class="fr-fieldset fr-mb-4w" aria-labelledby={legendId}>
      <legend class="fr-fieldset__legend fr-h5" id={legendId}>
        {t('schema.field.legend', { name: field.name })}
      </legend>
      {text('label', t('schema.field.label'))}
      {text('description', t('schema.field.description'), { rows: 2 })}
      <div class="fr-fieldset__element">
        <SelectField
          ctx={ctx}
          id={controlId(name('type'))}
          name={name('type')}
          label={t('schema.field.type')}
          value={state.form.values[name('type')] ?? field.type}
          options={types.map((type) => ({
            value: type,
            label: t(`schema.type.${type}` as MessageKey),
          }))}
          problem={state.problems[name('type')]}
        />
        <p class="fr-hint-text">{t('schema.field.typeHint')}</p>
      </div>
      <div class="fr-fieldset__element">
        <ChoiceGroup
          ctx={ctx}
          id={controlId(name('flags'))}
          name={name('flags')}
          legend={t('schema.field.flags')}
          type="checkbox"
          options={FLAGS.map((flag) => ({
            value: flag,
            label: t(`schema.flag.${flag}` as MessageKey),
          }))}
          checked={state.form.flags[field.name] ?? []}
          problem={state.problems[name('flags')]}
        />
      </div>
      <div class="fr-fieldset__element">
        <SelectField
          ctx={ctx}
          id={controlId(name('facetsort'))}
          name={name('facetsort')}
          label={t('schema.field.facetsort')}
          value={state.form.values[name('facetsort')] ?? ''}
          options={[
            { value: '', label: t('schema.sort.default') },
            ...FACET_SORTS.map((sort) => ({
              value: sort,
              label: t(`schema.sort.${sort}` as MessageKey),
            })),
          ]}
          problem={state.problems[name('facetsort')]}
        />
      </div>
      {text('multivalued', t('schema.field.multivalued'), {
        hint: t('schema.field.multivaluedHint'),
      })}
      {text('hierarchical', t('schema.field.hierarchical'), {
        hint: t('schema.field.hierarchicalHint'),
      })}
      {state.languages.map((lang) => {
        const language = isLang(lang) ? LANGUAGE_NAMES[lang] : lang;
        const title = t('schema.field.translation', { language });
        return (
          <>
            {text(`tr.${lang}.label`, `${title} — ${t('schema.field.label')}`, {
              hint: t('schema.field.translationHint'),
              lang,
            })}
            {text(`tr.${lang}.description`, `${title} — ${t('schema.field.description')}`, {
              rows: 2,
              lang,
            })}
          </>
        );
      })}
    </fieldset>
  );
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
    <Layout
      ctx={ctx}
      title={t('schema.title', { title })}
      crumbs={[
        { label: t('bo.datasets.title'), href: DATASETS_PATH },
        { label: title, href: datasetPath(dataset.id) },
        { label: t('bo.dataset.tab.schema') },
      ]}
    >
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={DATASETS_PATH} />
        <h1>{title}</h1>
        <DatasetTabs ctx={ctx} datasetId={dataset.id} current="schema" />
        {state.notice ? (
          <BackOfficeNotice text={t(state.notice.text)} kind={state.notice.kind} />
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
              {current.fields.map((field) => (
                <FieldGroup ctx={ctx} state={state} field={field} />
              ))}
              <button class="fr-btn" type="submit">
                {t('schema.save')}
              </button>
            </form>
          </>
        )}
      </div>
    </Layout>
  );
}
