// The schema editor's form as a test reads it from the page and posts it back.

import { parse } from 'node-html-parser';

/** The form as the page fills it, from the page itself. */
export function formOf(body: string): Record<string, string | string[]> {
  const html = parse(body);
  const form: Record<string, string | string[]> = {};
  for (const element of html.querySelectorAll('#schema-form [name]')) {
    const name = element.getAttribute('name')!;
    // A browser sends only the button it submits with (a move), and the token apart.
    if (name === 'csrfmiddlewaretoken' || element.tagName === 'BUTTON') continue;
    if (element.tagName === 'TEXTAREA') form[name] = element.text;
    else if (element.tagName === 'SELECT') {
      form[name] = element.querySelector('option[selected]')?.getAttribute('value') ?? '';
    } else if (element.getAttribute('type') === 'checkbox') {
      if (element.hasAttribute('checked')) {
        const list = (form[name] as string[] | undefined) ?? [];
        form[name] = [...list, element.getAttribute('value')!];
      }
    } else form[name] = element.getAttribute('value') ?? '';
  }
  return form;
}

/** The urlencoded body of a form, with the CSRF token when given. */
export function encodeForm(fields: Record<string, string | string[]>, token?: string): string {
  const params = new URLSearchParams();
  if (token !== undefined) params.append('csrfmiddlewaretoken', token);
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  return params.toString();
}
