// The API console in the browser: reads the served OpenAPI document, rebuilds the parameter
// fields in place when another operation is chosen, and runs the request with fetch, showing
// the answer without leaving the page. Without this script the same forms go to the server.

import type { ConsoleOperation, OpenApiDocument } from './console-model.ts';
import { PATH_PREFIX, QUERY_PREFIX, consoleOperations, consoleUrl } from './console-model.ts';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function field(
  form: HTMLFormElement,
  name: string,
  fieldName: string,
  description: string,
  required: boolean,
  repeated: boolean,
): HTMLElement {
  const data = form.dataset;
  const id = `console-${fieldName.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const hint = element('span', { class: 'fr-hint-text' });
  if (description) {
    const text = element('span', {}, [description]);
    if (data['docLang']) text.lang = data['docLang'];
    hint.append(text);
  }
  if (repeated) hint.append(` ${data['onePerLine'] ?? ''}`);
  const label = element('label', { class: 'fr-label', for: id }, [element('code', {}, [name])]);
  if (required) label.append(` ${data['required'] ?? ''}`);
  label.append(hint);
  const attributes: Record<string, string> = {
    class: 'fr-input dg-code',
    id,
    name: fieldName,
    spellcheck: 'false',
    autocomplete: 'off',
  };
  if (required) attributes['required'] = '';
  const input = repeated
    ? element('textarea', { ...attributes, rows: '2' })
    : element('input', { ...attributes, type: 'text' });
  return element('div', { class: 'fr-col-12 fr-col-md-6 fr-input-group' }, [label, input]);
}

function showFields(form: HTMLFormElement, op: ConsoleOperation): void {
  const fields = form.querySelector('#console-fields');
  const legend = form.querySelector('#console-legend code');
  const endpoint = form.querySelector<HTMLInputElement>('input[name="endpoint"]');
  if (!fields || !legend || !endpoint) return;
  endpoint.value = op.id;
  legend.textContent = `GET ${op.path}`;
  fields.replaceChildren(
    ...op.pathParameters.map((n) => field(form, n, `${PATH_PREFIX}${n}`, '', true, false)),
    ...op.parameters.map((p) =>
      field(form, p.name, `${QUERY_PREFIX}${p.name}`, p.description, p.required, p.repeated),
    ),
  );
}

async function run(form: HTMLFormElement, op: ConsoleOperation): Promise<void> {
  const data = new FormData(form);
  const url = consoleUrl(op, form.dataset['dataset'] ?? '', (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : undefined;
  });
  const page = new URLSearchParams();
  for (const [name, value] of data) if (typeof value === 'string') page.append(name, value);
  history.replaceState(null, '', `${location.pathname}?${page.toString()}#console-answer`);
  document.getElementById('console-answer')?.remove();
  const title = element('h3', { id: 'console-answer-title' });
  const link = element('a', { class: 'fr-link dg-code', href: url }, [url]);
  const section = element(
    'section',
    { class: 'fr-mt-4w', id: 'console-answer', 'aria-labelledby': 'console-answer-title' },
    [title, element('p', {}, [`${form.dataset['request'] ?? ''} `, link])],
  );
  section.tabIndex = -1;
  document.getElementById('api-console-root')?.after(section);
  if (!op.json) {
    title.textContent = form.dataset['file'] ?? '';
  } else {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    let text = await response.text();
    try {
      text = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON: shown as sent.
    }
    title.textContent = (form.dataset['answer'] ?? '').replace('{status}', String(response.status));
    const pre = element('pre', { class: 'dg-json' }, [text]);
    pre.tabIndex = 0;
    section.append(pre);
  }
  section.focus();
}

async function start(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#api-console');
  const select = document.querySelector<HTMLSelectElement>('#console-endpoint');
  const choose = document.getElementById('console-choose');
  if (!form || !select || !choose) return;
  const response = await fetch(form.dataset['openapi'] ?? '');
  if (!response.ok) return;
  const operations = consoleOperations((await response.json()) as OpenApiDocument);
  const find = (id: string) => operations.find((op) => op.id === id);
  // The choice applies at once: the button that sends it to the server is no longer needed.
  choose.remove();
  select.addEventListener('change', () => {
    const op = find(select.value);
    if (op) showFields(form, op);
  });
  form.addEventListener('submit', (event) => {
    const op = find(select.value);
    if (!op) return;
    event.preventDefault();
    void run(form, op);
  });
}

void start();
