// The ODSQL error: a registry PortalError that also says which clause and which span failed.

import { PortalError } from '../core/errors.ts';

export type Clause = 'select' | 'where' | 'group_by' | 'order_by' | 'refine' | 'exclude' | 'q';

export class OdsqlError extends PortalError {
  readonly clause: Clause;
  readonly start: number;
  readonly end: number;
  /** The detail sentence, without the clause suffix. */
  readonly detail: string;

  constructor(detail: string, clause: Clause, start: number, end: number = start) {
    super('DG_ERR_ODSQL_SYNTAX', { detail, clause });
    this.name = 'OdsqlError';
    this.clause = clause;
    this.start = start;
    this.end = end;
    this.detail = detail;
  }
}

/** Builds an error whose detail ends with the position of the offending text. */
export function odsqlError(
  message: string,
  clause: Clause,
  start: number,
  end = start,
): OdsqlError {
  return new OdsqlError(`${message} at position ${start}.`, clause, start, end);
}
