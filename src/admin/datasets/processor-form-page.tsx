// /backoffice/datasets/{id}/processors/new?type=… and …/processors/{n}/: the form of one
// processor, its parameters as DSFR fields. A refused form comes back with what was typed, a
// summary linking to the fields and each message under its field; a problem of another
// processor (the change would break it) shows above the form.

import type { Dataset } from '../../core/dataset.ts';
import type { ProcessorType } from '../../core/processors.ts';
import { ADMIN_OUTPUTS } from '../../core/processors.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import type { Problem } from '../form-fields.tsx';
import { SelectField, TextField } from '../form-fields.tsx';
import type { ParamSpec, ProcessorProblems, ProcessorValues } from './processor-form.ts';
import { FIELD_TYPE_CHOICES, PARAMS } from './processor-form.ts';
import { choiceLabel, paramLabel } from './processor-summary.ts';
import { processorsPath } from './processors-page.tsx';
import { DatasetFrame } from '../dataset-frame.tsx';

export interface ProcessorFormState {
  dataset: Dataset;
  type: ProcessorType;
  /** The processor edited (from 1), or null for a new one. */
  position: number | null;
  revision: string;
  values: ProcessorValues;
  problems: ProcessorProblems;
  /** A problem of the pipeline rather than of one field. */
  other: Problem | null;
  /** The fields this processor sees, when the stored file tells. */
  fields: string[] | null;
}

/** A form name as an element id: `outputs.reg_name` → `proc-outputs-reg_name`. */
export function fieldId(name: string): string {
  return `proc-${name.replaceAll('.', '-')}`;
}

function Param(props: { ctx: PageContext; state: ProcessorFormState; spec: ParamSpec }) {
  const { ctx, state, spec } = props;
  const common = {
    ctx,
    id: fieldId(spec.name),
    name: spec.name,
    label: paramLabel(ctx, state.type, spec.name),
    value: state.values[spec.name] ?? '',
    problem: state.problems[spec.name],
  };
  if (spec.kind === 'fieldType' || spec.kind === 'choice') {
    const values = spec.kind === 'fieldType' ? FIELD_TYPE_CHOICES : (spec.choices ?? []);
    const options = values.map((value) => ({ value, label: choiceLabel(ctx, value) }));
    if (spec.optional) options.unshift({ value: '', label: ctx.t('proc.choice.auto') });
    return <SelectField {...common} options={options} />;
  }
  return (
    <TextField
      {...common}
      hint={spec.hint ? ctx.t(spec.hint) : undefined}
      rows={spec.kind === 'long' ? 3 : undefined}
    />
  );
}

function Outputs({ ctx, state }: { ctx: PageContext; state: ProcessorFormState }) {
  const { t } = ctx;
  return (
    <fieldset class="fr-fieldset" aria-labelledby="proc-outputs-legend">
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="proc-outputs-legend">
        {paramLabel(ctx, 'admin_divisions', 'outputs')}
        <span class="fr-hint-text">{t('proc.hint.outputs')}</span>
      </legend>
      {ADMIN_OUTPUTS.map((output) => {
        const name = `outputs.${output}`;
        return (
          <div class="fr-fieldset__element">
            <TextField
              ctx={ctx}
              id={fieldId(name)}
              name={name}
              label={t(`proc.output.${output}` as MessageKey)}
              value={state.values[name] ?? ''}
              problem={state.problems[name]}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

function ProblemSummary({ ctx, problems }: { ctx: PageContext; problems: ProcessorProblems }) {
  const names = Object.keys(problems);
  if (names.length === 0) return null;
  return (
    <div class="fr-alert fr-alert--error fr-mb-3w" role="alert" id="processor-problems">
      <h3 class="fr-alert__title">{ctx.count('proc.problems', names.length)}</h3>
      <ul>
        {names.map((name) => (
          <li>
            <a href={`#${fieldId(name)}`}>{ctx.t(problems[name]!.key, problems[name]!.params)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ProcessorFormPage({ ctx, state }: { ctx: PageContext; state: ProcessorFormState }) {
  const { t } = ctx;
  const { dataset, type, position } = state;
  const title = dataset.metas.title || dataset.id;
  const kind = t(`proc.kind.${type}` as MessageKey);
  const heading =
    position === null
      ? t('proc.form.addTitle', { kind })
      : t('proc.form.editTitle', { position, kind });
  const action = processorsPath(dataset.id, position === null ? 'new' : `${position}/`);
  return (
    <DatasetFrame
      ctx={ctx}
      datasetId={dataset.id}
      name={title}
      title={`${heading} – ${title}`}
      tab="processors"
      trail={[{ label: t('proc.tab'), href: processorsPath(dataset.id) }, { label: heading }]}
    >
      <h2>{heading}</h2>
      <ProblemSummary ctx={ctx} problems={state.problems} />
      {state.other ? (
        <BackOfficeNotice
          kind="error"
          id="processor-other"
          text={t(state.other.key, state.other.params)}
        />
      ) : null}
      <p class="fr-text--sm">{t('proc.form.required')}</p>
      {state.fields ? (
        <p class="fr-text--sm" id="processor-fields">
          {t('proc.form.fields', { fields: state.fields.join(', ') })}
        </p>
      ) : null}
      <form method="post" action={action} id="processor-form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="revision" value={state.revision} />
        {PARAMS[type].map((spec) => (
          <Param ctx={ctx} state={state} spec={spec} />
        ))}
        {type === 'admin_divisions' ? <Outputs ctx={ctx} state={state} /> : null}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button class="fr-btn" type="submit" name="then" value="list">
              {t('proc.form.save')}
            </button>
          </li>
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" name="then" value="reimport">
              {t('proc.form.saveReimport')}
            </button>
          </li>
        </ul>
      </form>
      <p>
        <a class="fr-link" href={processorsPath(dataset.id)}>
          {t('proc.form.cancel')}
        </a>
      </p>
    </DatasetFrame>
  );
}
