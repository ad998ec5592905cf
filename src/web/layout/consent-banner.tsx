// The DSFR consent banner, first in the page, while some third-party service waits for the
// visitor's answer. A plain form: it works without JavaScript (the choice is posted, then the
// visitor comes back to the page); web/client/consent.ts posts it in place when it can.

import { CsrfField } from '../components/csrf-field.tsx';
import {
  AcceptRefuseButtons,
  PREFERENCES_PATH,
  preferencesUrl,
} from '../components/consent/consent-buttons.tsx';
import type { PageContext } from '../page-context.ts';

export function ConsentBanner({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  // The panel's own page asks in full; a banner above it would ask twice.
  if (!ctx.consent?.needsChoice || ctx.path === PREFERENCES_PATH) return null;
  const services = ctx.consent.policy.services.map((service) => service.name).join(', ');
  return (
    <div class="fr-consent-banner" id="consent-banner">
      <h2 class="fr-h6">{t('consent.banner.title', { portal: ctx.site.portalName })}</h2>
      <div class="fr-consent-banner__content">
        <p class="fr-text--sm">
          {t('consent.banner.text', { services })}{' '}
          <a href="/cookies/">{t('consent.banner.policy')}</a>
        </p>
      </div>
      <form method="post" action={PREFERENCES_PATH} data-consent-form>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={ctx.url} />
        {/* DOM order is the visual order (no inline-reverse): keyboard and screen readers
            meet the buttons as they are seen. */}
        <ul class="fr-consent-banner__buttons fr-btns-group fr-btns-group--right fr-btns-group--inline-sm">
          <AcceptRefuseButtons ctx={ctx} />
          <li>
            <a
              class="fr-btn fr-btn--secondary"
              id="consent-customize"
              href={preferencesUrl(ctx.url)}
              title={t('consent.customizeTitle')}
              data-consent-open
            >
              {t('consent.customize')}
            </a>
          </li>
        </ul>
      </form>
    </div>
  );
}
