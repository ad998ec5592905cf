// The hidden field every POST form of the site carries: the page's CSRF token, under the name
// Django uses, so the CSRF check (http/plugins/csrf.ts) lets the form through.

import { CSRF_FIELD } from '../../http/plugins/csrf.ts';
import type { PageContext } from '../page-context.ts';

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={ctx.csrfToken()} />;
}
