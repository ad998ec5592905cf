// The API tab's console, driven by the OpenAPI document the API serves: its operations on the
// dataset and their parameters make the form; a submitted form is run through the API itself
// (an in-process request, so the answer is exactly the API's), and its JSON answer shown.
// Operations that answer files are given as a link instead.

import type { IncomingHttpHeaders } from 'node:http';

import type { FastifyInstance } from 'fastify';

import type {
  ConsoleOperation,
  ConsoleValues,
  OpenApiDocument,
} from '../../client/console-model.ts';
import { consoleOperations, consoleUrl } from '../../client/console-model.ts';
import type { TableState } from './table-state.ts';
import { facetFilters } from './table-state.ts';

export const OPENAPI_URL = '/api/explore/v2.1/openapi.json';
/** The operation the console opens on: the records query. */
export const DEFAULT_OPERATION = 'getCatalogDatasetsByDatasetIdRecords';
/** Answers longer than this are cut in the page (the link gives them whole). */
const SHOWN_CHARACTERS = 200_000;

const documents = new WeakMap<FastifyInstance, Promise<ConsoleOperation[]>>();

/** The console's operations, read once per server from the OpenAPI document it serves. */
export function loadConsoleOperations(server: FastifyInstance): Promise<ConsoleOperation[]> {
  let operations = documents.get(server);
  if (!operations) {
    operations = server.inject({ method: 'GET', url: OPENAPI_URL }).then((response) => {
      if (response.statusCode !== 200) throw new Error(`${OPENAPI_URL}: ${response.statusCode}`);
      return consoleOperations(response.json<OpenApiDocument>());
    });
    operations.catch(() => documents.delete(server));
    documents.set(server, operations);
  }
  return operations;
}

export interface ConsoleForm {
  operation: ConsoleOperation;
  /** The value of each form field (`p.<name>`, `path.<name>`). */
  values: Record<string, string>;
  /** The API URL the form asks for. */
  url: string;
  run: boolean;
}

/**
 * The console form from the page URL: the chosen operation (the records query by default) and
 * its fields. A fresh records console starts from the tab's filters (qv1, refine, exclude).
 */
export function readConsoleForm(
  query: URLSearchParams,
  operations: ConsoleOperation[],
  datasetId: string,
  state: TableState,
): ConsoleForm | null {
  const operation =
    operations.find((op) => op.id === query.get('endpoint')) ??
    operations.find((op) => op.id === DEFAULT_OPERATION) ??
    operations[0];
  if (!operation) return null;
  const values: Record<string, string> = {};
  for (const [name, value] of query) {
    if (name.startsWith('p.') || name.startsWith('path.')) values[name] = value;
  }
  if (!query.has('endpoint') && operation.id === DEFAULT_OPERATION) {
    if (state.q) values['p.qv1'] = state.q;
    const refine = facetFilters(state.refines);
    if (refine.length > 0) values['p.refine'] = refine.join('\n');
    const exclude = facetFilters(state.excludes);
    if (exclude.length > 0) values['p.exclude'] = exclude.join('\n');
  }
  const read: ConsoleValues = (field) => values[field];
  return { operation, values, url: consoleUrl(operation, datasetId, read), run: query.has('run') };
}

export interface ConsoleAnswer {
  status: number;
  /** The answer's text, pretty-printed when JSON; null for a file (given as a link). */
  text: string | null;
  truncated: boolean;
}

/**
 * Runs the form's request through the API (JSON operations only), with the visitor's session
 * cookie and credentials, so a restricted dataset answers its readers as their browser would.
 */
export async function runConsole(
  server: FastifyInstance,
  form: ConsoleForm,
  visitor: IncomingHttpHeaders,
): Promise<ConsoleAnswer> {
  if (!form.operation.json) return { status: 200, text: null, truncated: false };
  const response = await server.inject({
    method: 'GET',
    url: form.url,
    headers: {
      accept: 'application/json',
      ...(visitor.cookie ? { cookie: visitor.cookie } : {}),
      ...(visitor.authorization ? { authorization: visitor.authorization } : {}),
    },
  });
  let text = response.body;
  try {
    text = JSON.stringify(JSON.parse(response.body), null, 2);
  } catch {
    // Not JSON (JSONP, feeds…): shown as sent.
  }
  const truncated = text.length > SHOWN_CHARACTERS;
  return {
    status: response.statusCode,
    text: truncated ? text.slice(0, SHOWN_CHARACTERS) : text,
    truncated,
  };
}
