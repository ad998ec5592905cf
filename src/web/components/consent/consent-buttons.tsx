// "Tout accepter" and "Tout refuser", side by side, with the same look and weight: refusing
// must be as easy as accepting. Submit buttons of the form around them.

import { CHOICE_FIELD } from '../../consent-form.ts';
import type { PageContext } from '../../page-context.ts';

const CHOICES = [
  { value: 'accept-all', label: 'consent.acceptAll', title: 'consent.acceptAllTitle' },
  { value: 'refuse-all', label: 'consent.refuseAll', title: 'consent.refuseAllTitle' },
] as const;

export function AcceptRefuseButtons({ ctx }: { ctx: PageContext }) {
  return (
    <>
      {CHOICES.map((choice) => (
        <li>
          <button
            class="fr-btn"
            type="submit"
            name={CHOICE_FIELD}
            value={choice.value}
            title={ctx.t(choice.title)}
          >
            {ctx.t(choice.label)}
          </button>
        </li>
      ))}
    </>
  );
}

export const PREFERENCES_PATH = '/cookies/preferences/';

/** The panel's page, coming back to `next` once the choice is made. */
export function preferencesUrl(next: string): string {
  return `${PREFERENCES_PATH}?next=${encodeURIComponent(next)}`;
}
