// /backoffice/datasets/{id}/metadata/: the metadata editor. One form in three parts: ODS's
// standard metadata, the DCAT template harvesters read, and the translations of the title,
// description, keywords and publisher. Refused values stay as typed, each message by its field,
// and a summary at the top links to them.

import { ACCRUAL_PERIODICITIES } from '../core/dcat-metas.ts';
import type { DatasetOverview } from '../datasets/index.ts';
import { LANGUAGE_NAMES, isLang } from '../i18n/languages.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import type { PageContext } from '../web/page-context.ts';
import { BackOfficeNotice } from './back-office-notice.tsx';
import { datasetPath } from './dataset-tabs.tsx';
import { SelectField, TextField } from './form-fields.tsx';
import type { MetadataProblems, MetadataValues } from './metadata-form.ts';
import { DatasetFrame } from './dataset-frame.tsx';

export interface MetadataPageState {
  overview: DatasetOverview;
  values: MetadataValues;
  problems: MetadataProblems;
  /** Languages whose translations the form offers. */
  languages: readonly string[];
  saved: boolean;
}

/** A form name as an element id: `dcat.contact_email` → `metadata-dcat-contact_email`. */
function idOf(name: string): string {
  return `metadata-${name.replaceAll('.', '-')}`;
}

type FieldProps = {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  type?: 'text' | 'email' | 'date';
  rows?: number;
  lang?: string;
};

function Fields(props: { ctx: PageContext; state: MetadataPageState; fields: FieldProps[] }) {
  const { ctx, state } = props;
  return (
    <>
      {props.fields.map((field) => (
        <div class="fr-fieldset__element">
          <TextField
            ctx={ctx}
            id={idOf(field.name)}
            name={field.name}
            label={ctx.t(field.label)}
            hint={field.hint ? ctx.t(field.hint) : undefined}
            value={state.values[field.name] ?? ''}
            problem={state.problems[field.name]}
            type={field.type}
            rows={field.rows}
            lang={field.lang}
          />
        </div>
      ))}
    </>
  );
}

function Part(props: { id: string; legend: string; hint?: string; children: unknown }) {
  return (
    <fieldset class="fr-fieldset fr-mb-4w" aria-labelledby={`${props.id}-legend`}>
      <legend class="fr-fieldset__legend fr-h4" id={`${props.id}-legend`}>
        {props.legend}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </legend>
      {props.children}
    </fieldset>
  );
}

const STANDARD: FieldProps[] = [
  { name: 'title', label: 'bo.metadata.field.title' },
  {
    name: 'description',
    label: 'bo.metadata.field.description',
    hint: 'bo.metadata.hint.markdown',
    rows: 10,
  },
  { name: 'theme', label: 'bo.metadata.field.theme', hint: 'bo.metadata.hint.list' },
  { name: 'keyword', label: 'bo.metadata.field.keyword', hint: 'bo.metadata.hint.list' },
  { name: 'license', label: 'bo.metadata.field.license', hint: 'bo.metadata.hint.license' },
  { name: 'license_url', label: 'bo.metadata.field.license_url', hint: 'bo.metadata.hint.url' },
  { name: 'language', label: 'bo.metadata.field.language', hint: 'bo.metadata.hint.language' },
  { name: 'publisher', label: 'bo.metadata.field.publisher' },
  { name: 'references', label: 'bo.metadata.field.references', hint: 'bo.metadata.hint.url' },
  { name: 'territory', label: 'bo.metadata.field.territory', hint: 'bo.metadata.hint.list' },
  {
    name: 'attributions',
    label: 'bo.metadata.field.attributions',
    hint: 'bo.metadata.hint.lines',
    rows: 3,
  },
  { name: 'timezone', label: 'bo.metadata.field.timezone', hint: 'bo.metadata.hint.timezone' },
];

const DCAT_TEXTS: FieldProps[] = [
  { name: 'dcat.created', label: 'bo.metadata.field.created', type: 'date' },
  { name: 'dcat.issued', label: 'bo.metadata.field.issued', type: 'date' },
  { name: 'dcat.creator', label: 'bo.metadata.field.creator' },
  { name: 'dcat.contributor', label: 'bo.metadata.field.contributor' },
  { name: 'dcat.contact_name', label: 'bo.metadata.field.contact_name' },
  { name: 'dcat.contact_email', label: 'bo.metadata.field.contact_email', type: 'email' },
];

const DCAT_COVERAGE: FieldProps[] = [
  { name: 'dcat.spatial', label: 'bo.metadata.field.spatial', hint: 'bo.metadata.hint.spatial' },
  { name: 'dcat.temporal_coverage_start', label: 'bo.metadata.field.temporal_start', type: 'date' },
  { name: 'dcat.temporal_coverage_end', label: 'bo.metadata.field.temporal_end', type: 'date' },
  { name: 'dcat.granularity', label: 'bo.metadata.field.granularity' },
  { name: 'dcat.dataquality', label: 'bo.metadata.field.dataquality', rows: 3 },
];

function translationFields(lang: string): FieldProps[] {
  return [
    { name: `translation.${lang}.title`, label: 'bo.metadata.field.title', lang },
    {
      name: `translation.${lang}.description`,
      label: 'bo.metadata.field.description',
      hint: 'bo.metadata.hint.markdown',
      rows: 6,
      lang,
    },
    {
      name: `translation.${lang}.keyword`,
      label: 'bo.metadata.field.keyword',
      hint: 'bo.metadata.hint.list',
      lang,
    },
    { name: `translation.${lang}.publisher`, label: 'bo.metadata.field.publisher', lang },
  ];
}

function ProblemSummary({ ctx, problems }: { ctx: PageContext; problems: MetadataProblems }) {
  const names = Object.keys(problems);
  if (names.length === 0) return null;
  return (
    <div class="fr-alert fr-alert--error fr-mb-3w" role="alert" id="metadata-problems">
      <h2 class="fr-alert__title">{ctx.count('bo.metadata.problems', names.length)}</h2>
      <ul>
        {names.map((name) => (
          <li>
            <a href={`#${idOf(name)}`}>{ctx.t(problems[name]!.key, problems[name]!.params)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MetadataPage({ ctx, state }: { ctx: PageContext; state: MetadataPageState }) {
  const { t } = ctx;
  const { dataset } = state.overview;
  const title = dataset.metas.title;
  const periodicities = [
    { value: '', label: t('bo.metadata.periodicity.none') },
    ...ACCRUAL_PERIODICITIES.map((code) => ({
      value: code,
      label: t(`bo.metadata.periodicity.${code}` as MessageKey),
    })),
  ];
  return (
    <DatasetFrame
      ctx={ctx}
      datasetId={dataset.id}
      name={title}
      title={t('bo.metadata.title', { title })}
      tab="metadata"
    >
      {state.saved ? <BackOfficeNotice text={t('bo.metadata.saved')} /> : null}
      <ProblemSummary ctx={ctx} problems={state.problems} />
      <form method="post" action={datasetPath(dataset.id, 'metadata/')} novalidate>
        <CsrfField ctx={ctx} />
        <Part id="metadata-standard" legend={t('bo.metadata.part.standard')}>
          <Fields ctx={ctx} state={state} fields={STANDARD} />
        </Part>
        <Part
          id="metadata-dcat"
          legend={t('bo.metadata.part.dcat')}
          hint={t('bo.metadata.part.dcatHint')}
        >
          <Fields ctx={ctx} state={state} fields={DCAT_TEXTS} />
          <div class="fr-fieldset__element">
            <SelectField
              ctx={ctx}
              id={idOf('dcat.accrualperiodicity')}
              name="dcat.accrualperiodicity"
              label={t('bo.metadata.field.accrualperiodicity')}
              value={state.values['dcat.accrualperiodicity'] ?? ''}
              options={periodicities}
              problem={state.problems['dcat.accrualperiodicity']}
            />
          </div>
          <Fields ctx={ctx} state={state} fields={DCAT_COVERAGE} />
        </Part>
        {state.languages.map((lang) => (
          <Part
            id={`metadata-translation-${lang}`}
            legend={t('bo.metadata.part.translation', {
              language: isLang(lang) ? LANGUAGE_NAMES[lang] : lang,
            })}
            hint={t('bo.metadata.part.translationHint')}
          >
            <Fields ctx={ctx} state={state} fields={translationFields(lang)} />
          </Part>
        ))}
        <button class="fr-btn" type="submit">
          {t('bo.metadata.save')}
        </button>
      </form>
    </DatasetFrame>
  );
}
