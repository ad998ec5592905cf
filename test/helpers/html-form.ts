// What a browser would send for a form of a page: its named controls in document order, with
// their values as the page holds them (checked radios and boxes only, a list's selected option),
// so that tests post exactly the form the server rendered.

import { parse } from 'node-html-parser';

export type FormControl = [name: string, value: string, type: string];

/** The controls of the first form matching `selector`; throws when there is none. */
export function formControls(html: string, selector: string): FormControl[] {
  const form = parse(html).querySelector(selector);
  if (!form) throw new Error(`no form matches ${selector}`);
  const controls: FormControl[] = [];
  for (const element of form.querySelectorAll('input, select, textarea')) {
    const name = element.getAttribute('name');
    if (!name || element.hasAttribute('disabled')) continue;
    const tag = element.tagName.toLowerCase();
    const type = tag === 'input' ? (element.getAttribute('type') ?? 'text') : tag;
    if ((type === 'radio' || type === 'checkbox') && !element.hasAttribute('checked')) continue;
    if (type === 'submit' || type === 'button') continue;
    let value = element.getAttribute('value') ?? '';
    if (tag === 'textarea') value = element.text;
    if (tag === 'select') {
      const options = element.querySelectorAll('option');
      const chosen = options.find((o) => o.hasAttribute('selected')) ?? options[0];
      value = chosen?.getAttribute('value') ?? chosen?.text ?? '';
    }
    controls.push([name, value, type]);
  }
  return controls;
}
