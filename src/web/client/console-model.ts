// The API console's model, read from the served OpenAPI document: the GET operations on one
// dataset, their parameters, and the API URL a filled-in console form asks for. Pure and
// browser-safe: the server renders the console from it and the browser script rebuilds it.

export interface OpenApiParameter {
  name: string;
  in: string;
  description?: string;
  required?: boolean;
  schema?: { type?: string; items?: { type?: string } };
}

export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  parameters?: OpenApiParameter[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

export interface ConsoleParameter {
  name: string;
  description: string;
  required: boolean;
  /** Several values, one per line (where, refine, exclude, facet…). */
  repeated: boolean;
}

export interface ConsoleOperation {
  id: string;
  path: string;
  summary: string;
  /** Answers JSON, shown in the page; other operations answer a file, given as a link. */
  json: boolean;
  /** Path parameters other than the dataset's id. */
  pathParameters: string[];
  /** Query parameters other than v1's `dataset`, which the console fills in. */
  parameters: ConsoleParameter[];
}

/** Form field names: `p.<name>` for query parameters, `path.<name>` for path parameters. */
export const QUERY_PREFIX = 'p.';
export const PATH_PREFIX = 'path.';

/** `y.<serie>.func` is a family of parameters; the console names its one serie `serie`. */
function concreteName(name: string): string {
  return name.replace(/<(\w+)>/g, '$1');
}

/** The GET operations on one dataset: those with `{dataset_id}` in their path or a `dataset`. */
export function consoleOperations(document: OpenApiDocument): ConsoleOperation[] {
  const operations: ConsoleOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    const get = methods['get'];
    if (!get) continue;
    const parameters = get.parameters ?? [];
    const onDataset =
      path.includes('{dataset_id}') ||
      parameters.some((p) => p.in === 'query' && p.name === 'dataset');
    if (!onDataset || !get.operationId) continue;
    const content = Object.keys(get.responses?.['200']?.content ?? {});
    operations.push({
      id: get.operationId,
      path,
      summary: get.summary ?? '',
      json: content.some((type) => type.startsWith('application/json')),
      pathParameters: parameters
        .filter((p) => p.in === 'path' && p.name !== 'dataset_id')
        .map((p) => p.name),
      parameters: parameters
        .filter((p) => p.in === 'query' && p.name !== 'dataset')
        .map((p) => ({
          name: concreteName(p.name),
          description: p.description ?? '',
          required: p.required === true,
          repeated: p.schema?.type === 'array',
        })),
    });
  }
  return operations;
}

/** The values of a console form, by field name. */
export type ConsoleValues = (field: string) => string | undefined;

/** The API URL (path and query) the console form asks for, on the dataset `datasetId`. */
export function consoleUrl(
  operation: ConsoleOperation,
  datasetId: string,
  values: ConsoleValues,
): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(
      name === 'dataset_id' ? datasetId : (values(`${PATH_PREFIX}${name}`) ?? '').trim(),
    ),
  );
  const query = new URLSearchParams();
  if (!operation.path.includes('{dataset_id}')) query.append('dataset', datasetId);
  for (const parameter of operation.parameters) {
    const raw = values(`${QUERY_PREFIX}${parameter.name}`) ?? '';
    const items = parameter.repeated ? raw.split(/\r?\n/) : [raw];
    for (const item of items) if (item.trim() !== '') query.append(parameter.name, item.trim());
  }
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}
