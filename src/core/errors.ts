// The error registry: every error the portal reports, with a stable code, an HTTP status,
// the `error_code` Opendatasoft clients expect, and an English message template.
// Codes are append-only: never rename or reuse a retired code (docs/errors.md lists them all).

export interface ErrorSpec {
  status: number;
  /** The `error_code` of the ODS JSON error body. */
  odsCode: string;
  /** English message; `{name}` placeholders are filled from the error's params. */
  message: string;
}

export const ERRORS = {
  DG_ERR_ODSQL_SYNTAX: {
    status: 400,
    odsCode: 'ODSQLError',
    message: 'ODSQL query is malformed: {detail} Clause(s) containing the error(s): {clause}.',
  },
  DG_ERR_REST_INVALID_PARAMETER: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: '{detail}',
  },
  DG_ERR_DATASET_NOT_FOUND: {
    status: 404,
    odsCode: 'NotFound',
    message: 'Unknown dataset: {dataset_id}',
  },
  DG_ERR_RECORD_NOT_FOUND: {
    status: 404,
    odsCode: 'NotFound',
    message: 'Unknown record: {record_id}',
  },
  DG_ERR_ROUTE_NOT_FOUND: {
    status: 404,
    odsCode: 'NotFound',
    message: 'Unknown API endpoint: {path}',
  },
  DG_ERR_QUERY_TIMEOUT: {
    status: 503,
    odsCode: 'QueryTimeoutError',
    message: 'The query took longer than {seconds} seconds and was stopped. Narrow it and retry.',
  },
  DG_ERR_STORAGE_UNAVAILABLE: {
    status: 503,
    odsCode: 'ServiceUnavailableError',
    message: 'The data store cannot answer right now: {detail}',
  },
  DG_ERR_IMPORT_UNREADABLE: {
    status: 400,
    odsCode: 'ImportError',
    message: 'The file cannot be imported: {detail}',
  },
  DG_ERR_IMPORT_BUSY: {
    status: 409,
    odsCode: 'ImportError',
    message: 'An import of dataset {dataset_id} is already queued or running; wait for it to end.',
  },
  DG_ERR_IMPORT_TOO_LARGE: {
    status: 413,
    odsCode: 'ImportError',
    message: 'The file is larger than the {max_bytes} bytes the portal accepts.',
  },
  DG_ERR_IMPORT_FETCH_FAILED: {
    status: 400,
    odsCode: 'ImportError',
    message: 'The remote file {url} cannot be fetched: {detail}',
  },
  DG_ERR_IMPORT_SOURCE_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'Invalid dataset source: {detail}',
  },
  DG_ERR_INVALID_DATASET_ID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message:
      'Invalid dataset id "{dataset_id}": use lowercase letters, digits, "_" and "-" (at most 100 characters).',
  },
  DG_ERR_DATASET_NO_PREVIOUS_VERSION: {
    status: 409,
    odsCode: 'ConflictError',
    message: 'The dataset {dataset_id} has no earlier version to roll back to.',
  },
  DG_ERR_DATASET_EDIT_FORBIDDEN: {
    status: 403,
    odsCode: 'PermissionDeniedError',
    message: 'You may not manage the dataset {dataset_id}: ask an administrator.',
  },
  DG_ERR_AUTH_INVALID_API_KEY: {
    status: 401,
    odsCode: 'InvalidAPIKeyError',
    message: 'The API key or access token is not valid (unknown, revoked or expired).',
  },
  DG_ERR_ATTACHMENT_NOT_FOUND: {
    status: 404,
    odsCode: 'NotFound',
    message: 'Unknown attachment: {attachment_id}',
  },
  DG_ERR_ATTACHMENT_UNREADABLE: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'Cannot attach {path}: {reason}',
  },
  DG_ERR_ATTACHMENT_NAME_TAKEN: {
    status: 409,
    odsCode: 'ConflictError',
    message:
      'The dataset {dataset_id} already has an attachment named {file_name} (id {attachment_id}): replace it or rename the file.',
  },
  DG_ERR_ATTACHMENT_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'Invalid attachment: {detail}',
  },
  DG_ERR_ACCOUNT_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: '{detail}',
  },
  DG_ERR_ACCOUNT_EMAIL_TAKEN: {
    status: 409,
    odsCode: 'ConflictError',
    message: 'An account with the email {email} already exists.',
  },
  DG_ERR_ACCOUNT_NOT_FOUND: {
    status: 404,
    odsCode: 'NotFound',
    message: 'Unknown account: {account}',
  },
  DG_ERR_ACCOUNT_LAST_ADMIN: {
    status: 409,
    odsCode: 'ConflictError',
    message: 'The portal must keep at least one administrator.',
  },
  DG_ERR_SETTINGS_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'The portal settings are refused: {detail}',
  },
  DG_ERR_GROUP_NAME_TAKEN: {
    status: 409,
    odsCode: 'ConflictError',
    message: 'A group named {name} already exists.',
  },
  DG_ERR_GROUP_NOT_FOUND: {
    status: 404,
    odsCode: 'NotFound',
    message: 'Unknown group: {group}',
  },
  DG_ERR_API_KEY_NOT_FOUND: {
    status: 404,
    odsCode: 'NotFound',
    message: 'Unknown API key: {key_id}',
  },
  DG_ERR_AUTH_LOGIN_FAILED: {
    status: 401,
    odsCode: 'AuthenticationError',
    message: 'The email address or the password is not right.',
  },
  DG_ERR_AUTH_LOGIN_THROTTLED: {
    status: 429,
    odsCode: 'TooManyRequestsError',
    message: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
  },
  DG_ERR_AUTH_READ_ONLY_KEY: {
    status: 403,
    odsCode: 'PermissionDeniedError',
    message: 'This API key may only read; this request needs a read-write key.',
  },
  DG_ERR_CSRF_CROSS_SITE: {
    status: 403,
    odsCode: 'CSRFError',
    message:
      'CSRF check failed: the request was sent by another site (Sec-Fetch-Site: {site}). Send it from a page of this portal.',
  },
  DG_ERR_CSRF_ORIGIN_MISMATCH: {
    status: 403,
    odsCode: 'CSRFError',
    message:
      'CSRF check failed: the Origin header ({origin}) is neither this portal nor a trusted origin.',
  },
  DG_ERR_CSRF_REFERER: {
    status: 403,
    odsCode: 'CSRFError',
    message:
      'CSRF check failed: over HTTPS without an Origin header, the Referer must be an HTTPS page of this portal or of a trusted origin ({detail}).',
  },
  DG_ERR_CSRF_COOKIE_MISSING: {
    status: 403,
    odsCode: 'CSRFError',
    message:
      'CSRF check failed: the csrftoken cookie is missing. Load a page of the portal first, with cookies allowed.',
  },
  DG_ERR_CSRF_TOKEN_MISSING: {
    status: 403,
    odsCode: 'CSRFError',
    message:
      'CSRF check failed: the request carries no token (csrfmiddlewaretoken field or X-CSRFToken header).',
  },
  DG_ERR_CSRF_TOKEN_WRONG: {
    status: 403,
    odsCode: 'CSRFError',
    message:
      'CSRF check failed: the token does not match the csrftoken cookie ({detail}). Reload the page and try again.',
  },
  DG_ERR_SERVICE_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'Invalid third-party service: {detail}',
  },
  DG_ERR_SERVICE_NOT_FOUND: {
    status: 404,
    odsCode: 'NotFound',
    message: 'Unknown third-party service: {service_id}',
  },
  DG_ERR_PORTAL_TEXT_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'Invalid portal text: {detail}',
  },
  DG_ERR_CONSENT_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'The cookie choice cannot be read: {detail}',
  },
  DG_ERR_PROCESSOR_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'Processor {position} ({processor}), option "{option}": {detail}',
  },
  DG_ERR_SCHEMA_INVALID: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'The schema of dataset {dataset_id} is refused: {detail}',
  },
  DG_ERR_SCHEMA_CONVERSION: {
    status: 400,
    odsCode: 'InvalidRESTParameterError',
    message: 'The field {field} cannot become {type}: the stored value "{value}" is {reason}.',
  },
  DG_ERR_SCHEMA_STALE: {
    status: 409,
    odsCode: 'ConflictError',
    message:
      'The data of dataset {dataset_id} changed while its schema was being edited; open the schema again.',
  },
  DG_ERR_PROCESSORS_CHANGED: {
    status: 409,
    odsCode: 'InvalidRESTParameterError',
    message: 'The processors of dataset {dataset_id} changed meanwhile; reload them and try again',
  },
  DG_ERR_INTERNAL: {
    status: 500,
    odsCode: 'InternalError',
    message: 'An unexpected error occurred. It has been logged.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

export type ErrorParams = Record<string, string | number>;

function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** An error the portal reports on purpose: services throw only these. */
export class PortalError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(fill(ERRORS[code].message, params), options);
    this.name = 'PortalError';
    this.code = code;
    this.params = params;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  get odsCode(): string {
    return ERRORS[this.code].odsCode;
  }
}

export function isPortalError(error: unknown): error is PortalError {
  return error instanceof PortalError;
}
