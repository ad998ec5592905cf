// refine / exclude values (and `field:"value"` terms): a value read according to the field type.
// Dates and datetimes take `/` paths (2019, 2019/03, 2019/03/22) as periods in the time zone.

import type { Field } from '../../core/field.ts';
import { isMultivalued } from '../../core/field.ts';
import type { Span } from '../ast.ts';
import { parseDatePath, parseDateText } from '../dates.ts';
import type { Clause } from '../errors.ts';
import { odsqlError } from '../errors.ts';
import type { CompileContext } from './context.ts';
import { quoteIdent } from './context.ts';
import { periodCondition } from './temporal.ts';

export function compileFacetValue(
  ctx: CompileContext,
  field: Field,
  value: string,
  clause: Clause,
  span: Span,
): string {
  const { dialect, params } = ctx;
  const col = quoteIdent(field.name);
  const fail = (what: string): never => {
    throw odsqlError(
      `${what} for ${field.name}: ${JSON.stringify(value)}`,
      clause,
      span.start,
      span.end,
    );
  };
  switch (field.type) {
    case 'text': {
      if (isMultivalued(field))
        return dialect.membership(col, dialect.textParam(params.add(value)));
      const separator = field.annotations['hierarchical']?.[0];
      if (separator !== undefined) {
        const exact = `${col} = ${params.add(value)}`;
        const prefix = dialect.startsWith(col, params.add(value + separator), false);
        return `(${exact} OR ${prefix})`;
      }
      return `${col} = ${dialect.textParam(params.add(value))}`;
    }
    case 'int':
    case 'double': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) fail('Invalid number');
      return `${col} = ${dialect.numberParam(params.add(n), Number.isSafeInteger(n))}`;
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      if (!['true', 'false', '1', '0'].includes(lower)) fail('Invalid boolean');
      const bool = dialect.booleanValue(lower === 'true' || lower === '1');
      return `${col} = ${dialect.booleanParam(params.add(bool))}`;
    }
    case 'date':
    case 'datetime': {
      const parts = parseDatePath(value) ?? parseDateText(value);
      if (!parts) return fail('Invalid date');
      return periodCondition(ctx, col, parts, field.type);
    }
    default:
      return fail('Cannot filter on this field type');
  }
}
