// The one error ingestion throws: the file cannot be imported, and why.

import { PortalError } from '../core/errors.ts';

export function unreadable(detail: string, cause?: unknown): PortalError {
  return new PortalError('DG_ERR_IMPORT_UNREADABLE', { detail }, { cause });
}
