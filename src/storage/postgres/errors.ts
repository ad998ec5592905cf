// Maps driver and server errors to the portal's error registry.

import { PortalError, isPortalError } from '../../core/errors.ts';

/** SQLSTATE of a statement cancelled by statement_timeout (or by a cancel request). */
export const QUERY_CANCELED = '57014';

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isQueryCanceled(error: unknown): boolean {
  return sqlState(error) === QUERY_CANCELED;
}

export function timeoutError(timeoutMs: number, cause?: unknown): PortalError {
  return new PortalError('DG_ERR_QUERY_TIMEOUT', { seconds: timeoutMs / 1000 }, { cause });
}

/** A read query's failure: timeouts become DG_ERR_QUERY_TIMEOUT, the rest unavailability. */
export function queryError(error: unknown, timeoutMs: number): PortalError {
  if (isPortalError(error)) return error;
  if (isQueryCanceled(error)) return timeoutError(timeoutMs, error);
  return storageError(error);
}

/** Any other failure of the store. */
export function storageError(error: unknown): PortalError {
  if (isPortalError(error)) return error;
  return new PortalError('DG_ERR_STORAGE_UNAVAILABLE', { detail: reason(error) }, { cause: error });
}

/** A load's failure: values PostgreSQL refuses (SQLSTATE class 22) are the file's fault. */
export function loadError(error: unknown): PortalError {
  if (isPortalError(error)) return error;
  const state = sqlState(error);
  if (state !== undefined && /^22[0-9A-Z]{3}$/.test(state)) {
    return new PortalError('DG_ERR_IMPORT_UNREADABLE', { detail: reason(error) }, { cause: error });
  }
  return storageError(error);
}
