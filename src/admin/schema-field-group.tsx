// One field's group in the schema editor's form: label, description, type, options, facet order,
// separators, unit, precision of dates (date fields only), translations, and the buttons that
// move the field a step up or down (a server-side post: the form comes back in the new order,
// as typed, with the moved field's button focused, until it is saved).

import { FACET_SORTS } from '../core/facet-tree.ts';
import type { Field } from '../core/field.ts';
import { FIELD_TYPES, MAX_DECIMALS, TIMESERIE_PRECISIONS, isTemporal } from '../core/field.ts';
import { MAX_UNIT } from '../core/schema-edit-check.ts';
import { LANGUAGE_NAMES, isLang } from '../i18n/languages.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { PageContext } from '../web/page-context.ts';
import { ChoiceGroup, SelectField, TextField } from './form-fields.tsx';
import type { SchemaForm, SchemaProblems } from './schema-form.ts';
import { FLAGS, controlName } from './schema-form.ts';

/** A control's element id: `f.code.tr.en.label` → `schema-code-tr-en-label`. */
export function controlId(name: string): string {
  return `schema-${name.slice(2).replaceAll('.', '-')}`;
}

export interface FieldGroupProps {
  ctx: PageContext;
  form: SchemaForm;
  problems: SchemaProblems;
  languages: readonly string[];
  field: Field;
  /** The field just moved (its button keeps the focus). */
  moved?: { field: string; direction: 'up' | 'down' };
}

function MoveButtons(props: FieldGroupProps) {
  const { ctx, form, field, moved } = props;
  const position = form.order.indexOf(field.name);
  const buttons = (['up', 'down'] as const).filter((direction) =>
    direction === 'up' ? position > 0 : position < form.order.length - 1,
  );
  // The focus stays where the user was: on the same button, or the other one at an end.
  const focused =
    moved?.field === field.name
      ? (buttons.find((direction) => direction === moved.direction) ?? buttons[0])
      : undefined;
  return (
    <div class="fr-fieldset__element">
      <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-btns-group--icon-left">
        {buttons.map((direction) => (
          <li>
            <button
              class={`fr-btn fr-btn--tertiary fr-icon-arrow-${direction}-line`}
              type="submit"
              name="move"
              value={`${direction}:${field.name}`}
              id={controlId(controlName(field.name, `move-${direction}`))}
              autofocus={focused === direction ? true : undefined}
            >
              {ctx.t(`schema.move.${direction}` as MessageKey, { name: field.name })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldGroup(props: FieldGroupProps) {
  const { ctx, form, problems, field } = props;
  const { t } = ctx;
  const name = (part: string) => controlName(field.name, part);
  const text = (
    part: string,
    label: string,
    extra: { hint?: string; rows?: number; lang?: string; inputMode?: 'numeric' } = {},
  ) => (
    <div class="fr-fieldset__element">
      <TextField
        ctx={ctx}
        id={controlId(name(part))}
        name={name(part)}
        label={label}
        value={form.values[name(part)] ?? ''}
        problem={problems[name(part)]}
        {...extra}
      />
    </div>
  );
  const types = FIELD_TYPES.filter((type) => type !== 'file' || field.type === 'file');
  const legendId = `${controlId(name('group'))}-legend`;
  const typed = form.values[name('type')] ?? field.type;
  const precision = form.values[name('timeserie_precision')] ?? '';
  const decimals = form.values[name('decimals')] ?? '';
  // Offered on dates; kept in view while it holds a value (a type changed away is refused).
  const datesOnly = isTemporal(field) || isTemporal({ type: typed as Field['type'] });
  const position = form.order.indexOf(field.name) + 1;
  return (
    <fieldset class="fr-fieldset fr-mb-4w" aria-labelledby={legendId} id={controlId(name('group'))}>
      <legend class="fr-fieldset__legend fr-h5" id={legendId}>
        {t('schema.field.legend', { name: field.name, position, count: form.order.length })}
      </legend>
      <MoveButtons {...props} />
      {text('label', t('schema.field.label'))}
      {text('description', t('schema.field.description'), { rows: 2 })}
      <div class="fr-fieldset__element">
        <SelectField
          ctx={ctx}
          id={controlId(name('type'))}
          name={name('type')}
          label={t('schema.field.type')}
          value={typed}
          options={types.map((type) => ({
            value: type,
            label: t(`schema.type.${type}` as MessageKey),
          }))}
          problem={problems[name('type')]}
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
          checked={form.flags[field.name] ?? []}
          problem={problems[name('flags')]}
        />
      </div>
      <div class="fr-fieldset__element">
        <SelectField
          ctx={ctx}
          id={controlId(name('facetsort'))}
          name={name('facetsort')}
          label={t('schema.field.facetsort')}
          value={form.values[name('facetsort')] ?? ''}
          options={[
            { value: '', label: t('schema.sort.default') },
            ...FACET_SORTS.map((sort) => ({
              value: sort,
              label: t(`schema.sort.${sort}` as MessageKey),
            })),
          ]}
          problem={problems[name('facetsort')]}
        />
      </div>
      {text('multivalued', t('schema.field.multivalued'), {
        hint: t('schema.field.multivaluedHint'),
      })}
      {text('hierarchical', t('schema.field.hierarchical'), {
        hint: t('schema.field.hierarchicalHint'),
      })}
      {text('unit', t('schema.field.unit'), {
        hint: t('schema.field.unitHint', { max: MAX_UNIT }),
      })}
      {typed === 'double' || decimals !== ''
        ? text('decimals', t('schema.field.decimals'), {
            hint: t('schema.field.decimalsHint', { max: MAX_DECIMALS }),
            inputMode: 'numeric',
          })
        : null}
      {datesOnly || precision !== '' ? (
        <div class="fr-fieldset__element">
          <SelectField
            ctx={ctx}
            id={controlId(name('timeserie_precision'))}
            name={name('timeserie_precision')}
            label={t('schema.field.precision')}
            value={precision}
            options={[
              { value: '', label: t('schema.precision.none') },
              ...TIMESERIE_PRECISIONS.map((step) => ({
                value: step,
                label: t(`schema.precision.${step}` as MessageKey),
              })),
            ]}
            problem={problems[name('timeserie_precision')]}
          />
          <p class="fr-hint-text">{t('schema.field.precisionHint')}</p>
        </div>
      ) : null}
      {props.languages.map((lang) => {
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
