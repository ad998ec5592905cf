// "Tout accepter" and "Tout refuser", side by side, with the same look and weight: refusing
// must be as easy as accepting. Submit buttons of the form around them.

import { CHOICE_FIELD } from '../../consent-form.ts';
import type { PageContext } from '../../page-context.ts';

export function AcceptRefuseButtons({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <li>
        <button
          class="fr-btn"
          type="submit"
          name={CHOICE_FIELD}
          value="accept-all"
          title={t('consent.acceptAllTitle')}
        >
          {t('consent.acceptAll')}
        </button>
      </li>
      <li>
        <button
          class="fr-btn"
          type="submit"
          name={CHOICE_FIELD}
          value="refuse-all"
          title={t('consent.refuseAllTitle')}
        >
          {t('consent.refuseAll')}
        </button>
      </li>
    </>
  );
}

export const PREFERENCES_PATH = '/cookies/preferences/';

/** The panel's page, coming back to `next` once the choice is made. */
export function preferencesUrl(next: string): string {
  return `${PREFERENCES_PATH}?next=${encodeURIComponent(next)}`;
}
