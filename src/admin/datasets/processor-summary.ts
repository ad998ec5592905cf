// One processor's parameters in a line, for the processors list: each parameter given, with the
// label its form uses (`Champ à renommer : nom ; Nouveau nom technique : name`).

import type { ProcessorConfig } from '../../core/processors.ts';
import { ADMIN_OUTPUTS } from '../../core/processors.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { PageContext } from '../../web/page-context.ts';
import { PARAMS } from './processor-form.ts';

/** The label of a parameter of a processor of this type. */
export function paramLabel(ctx: PageContext, type: string, param: string): string {
  return ctx.t(`proc.param.${type}.${param}` as MessageKey);
}

/** A value as the form's list shows it (`date` → Date), else as it is. */
export function choiceLabel(ctx: PageContext, value: string): string {
  const key = `proc.choice.${value}`;
  return ['date', 'datetime', 'insee', 'postal_code'].includes(value)
    ? ctx.t(key as MessageKey)
    : value;
}

export function processorSummary(ctx: PageContext, processor: ProcessorConfig): string {
  const raw = processor as unknown as Record<string, unknown>;
  const parts: string[] = [];
  const colon = ctx.lang === 'fr' ? ' : ' : ': ';
  for (const spec of PARAMS[processor.type]) {
    const value = raw[spec.name];
    if (value === undefined) continue;
    const text = Array.isArray(value)
      ? value.join(', ')
      : spec.kind === 'choice'
        ? choiceLabel(ctx, String(value))
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    parts.push(`${paramLabel(ctx, processor.type, spec.name)}${colon}${text}`);
  }
  if (processor.type === 'admin_divisions') {
    const outputs = ADMIN_OUTPUTS.map((output) => {
      const chosen = processor.outputs?.[output];
      return chosen === undefined ? output : chosen;
    }).filter((name): name is string => name !== null);
    parts.push(`${paramLabel(ctx, processor.type, 'outputs')}${colon}${outputs.join(', ')}`);
  }
  return parts.join(ctx.lang === 'fr' ? ' ; ' : '; ');
}
