// Form controls of the dataset pages in the DSFR's markup: label, hint, the message next to the
// field when it is refused, and the typed value kept.

import type { MessageKey, MessageParams } from '../../i18n/translate.ts';
import type { PageContext } from '../../web/page-context.ts';

export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

export type Problems<F extends string> = Partial<Record<F, Problem>>;

export function describedBy(id: string, hint: boolean, problem: Problem | undefined) {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(props: {
  ctx: PageContext;
  id: string;
  name: string;
  label: MessageKey;
  hint?: string;
  value?: string;
  problem?: Problem;
  type?: 'text' | 'url' | 'file';
  accept?: string;
}) {
  const { ctx, id, problem } = props;
  const error = problem ? ' fr-input--error' : '';
  const common = {
    id,
    name: props.name,
    'aria-describedby': describedBy(id, !!props.hint, problem),
    'aria-invalid': problem ? (true as const) : undefined,
  };
  return (
    <div class={`fr-input-group${problem ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        {ctx.t(props.label)}
        {props.hint ? (
          <span class="fr-hint-text" id={`${id}-hint`}>
            {props.hint}
          </span>
        ) : null}
      </label>
      {props.type === 'file' ? (
        <input class={`fr-upload${error}`} type="file" {...common} accept={props.accept} />
      ) : (
        <input class={`fr-input${error}`} type="text" {...common} value={props.value ?? ''} />
      )}
      {problem ? (
        <p id={`${id}-error`} class="fr-error-text">
          {ctx.t(problem.key, problem.params)}
        </p>
      ) : null}
    </div>
  );
}

export function Notice({ kind, text }: { kind: 'error' | 'success' | 'info'; text: string }) {
  return (
    <div
      class={`fr-alert fr-alert--${kind} fr-alert--sm fr-mb-3w`}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      <p>{text}</p>
    </div>
  );
}

/** Bytes in the language's units (Ko/Mo/Go, kB/MB/GB, powers of 1024). */
export function formatBytes(lang: 'fr' | 'en', bytes: number): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go', 'To'] : ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}
