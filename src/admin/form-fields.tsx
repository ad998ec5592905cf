// Form controls of the back office's pages, DSFR-styled: the label, an
// optional hint, the value as typed, and the refusal next to the field (linked for screen
// readers by aria-describedby).

import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import type { PageContext } from '../web/page-context.ts';

export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

export type Problems<F extends string> = Partial<Record<F, Problem>>;

function describedBy(id: string, hint: boolean, problem: Problem | undefined) {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function ErrorText({
  ctx,
  id,
  problem,
}: {
  ctx: PageContext;
  id: string;
  problem?: Problem;
}) {
  if (!problem) return null;
  return (
    <p id={`${id}-error`} class="fr-error-text">
      {ctx.t(problem.key, problem.params)}
    </p>
  );
}

export function TextField(props: {
  ctx: PageContext;
  id: string;
  name: string;
  label: string;
  /** As typed (none for a file). */
  value?: string;
  problem?: Problem;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'file';
  /** For a file: the types the picker offers (the server checks the file itself). */
  accept?: string;
  rows?: number;
  autocomplete?: string;
  /** The virtual keyboard a phone shows (`numeric` for a whole number). */
  inputMode?: 'numeric';
  lang?: string;
}) {
  const { ctx, id, problem, hint } = props;
  const common = {
    id,
    name: props.name,
    lang: props.lang,
    'aria-describedby': describedBy(id, !!hint, problem),
    'aria-invalid': problem ? true : undefined,
  };
  const inputClass = `fr-input${problem ? ' fr-input--error' : ''}`;
  return (
    <div class={`fr-input-group${problem ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        {props.label}
        {hint ? (
          <span class="fr-hint-text" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </label>
      {props.rows ? (
        <textarea class={inputClass} rows={props.rows} {...common}>
          {props.value}
        </textarea>
      ) : props.type === 'file' ? (
        <input
          class={`fr-upload${problem ? ' fr-input--error' : ''}`}
          type="file"
          accept={props.accept}
          {...common}
        />
      ) : (
        <input
          class={inputClass}
          // Preact types each input type apart; these five share every attribute used here.
          type={(props.type ?? 'text') as 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
          inputMode={props.inputMode}
          {...common}
        />
      )}
      <ErrorText ctx={ctx} id={id} problem={problem} />
    </div>
  );
}

export function SelectField(props: {
  ctx: PageContext;
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  problem?: Problem;
}) {
  const { ctx, id, problem } = props;
  return (
    <div class={`fr-select-group${problem ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        {props.label}
      </label>
      <select
        class={`fr-select${problem ? ' fr-select--error' : ''}`}
        id={id}
        name={props.name}
        aria-describedby={problem ? `${id}-error` : undefined}
        aria-invalid={problem ? true : undefined}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText ctx={ctx} id={id} problem={problem} />
    </div>
  );
}

/** A group of checkboxes (or radios) sharing one name, with one refusal for the group. */
export function ChoiceGroup(props: {
  ctx: PageContext;
  id: string;
  name: string;
  legend: string;
  type: 'checkbox' | 'radio';
  options: { value: string; label: string }[];
  checked: readonly string[];
  problem?: Problem;
  hint?: string;
}) {
  const { ctx, id, problem } = props;
  const kind = props.type === 'checkbox' ? 'fr-checkbox-group' : 'fr-radio-group';
  const labelled = [`${id}-legend`, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      class={`fr-fieldset${problem ? ' fr-fieldset--error' : ''}`}
      id={id}
      aria-labelledby={labelled}
    >
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`${id}-legend`}>
        {props.legend}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </legend>
      {props.options.map((option, index) => (
        <div class="fr-fieldset__element">
          <div class={`${kind} fr-checkbox-group--sm`}>
            <input
              type={props.type}
              id={`${id}-${index}`}
              name={props.name}
              value={option.value}
              checked={props.checked.includes(option.value)}
            />
            <label class="fr-label" for={`${id}-${index}`}>
              {option.label}
            </label>
          </div>
        </div>
      ))}
      {problem ? (
        <div class="fr-messages-group">
          <ErrorText ctx={ctx} id={id} problem={problem} />
        </div>
      ) : null}
    </fieldset>
  );
}

/** Every value a form posted under `name` (one or many). */
export function formList(body: Record<string, unknown> | undefined, name: string): string[] {
  const value = body?.[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

export function formField(body: Record<string, unknown> | undefined, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}
