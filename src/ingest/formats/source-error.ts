// A failure of the file being read (a parse error, a truncated file) as an import error.

import { PortalError } from '../../core/errors.ts';
import { unreadable } from '../unreadable.ts';

export function sourceError(error: unknown, records: number): Error {
  if (error instanceof PortalError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return unreadable(`the file could not be read on after ${records} records: ${reason}.`, error);
}
