// The consent panel as a DSFR modal dialog, on every page: the banner's "Personnaliser" and the
// footer's "Gestion des cookies" open it when JavaScript runs (web/client/consent.ts); without
// JavaScript they lead to the same panel on its own page.

import { ConsentPanel } from '../components/consent/consent-panel.tsx';
import { PREFERENCES_PATH } from '../components/consent/consent-buttons.tsx';
import type { PageContext } from '../page-context.ts';

export const CONSENT_MODAL_ID = 'fr-consent-modal';

export function ConsentModal({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  if (!ctx.consent || ctx.path === PREFERENCES_PATH) return null;
  return (
    <dialog
      id={CONSENT_MODAL_ID}
      class="fr-modal"
      role="dialog"
      aria-labelledby={`${CONSENT_MODAL_ID}-title`}
    >
      <div class="fr-container fr-container--fluid fr-container-md">
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
            <div class="fr-modal__body">
              <div class="fr-modal__header">
                <button
                  type="button"
                  class="fr-btn--close fr-btn"
                  aria-controls={CONSENT_MODAL_ID}
                  title={t('consent.panel.close')}
                >
                  {t('consent.panel.close')}
                </button>
              </div>
              <div class="fr-modal__content">
                <h1 id={`${CONSENT_MODAL_ID}-title`} class="fr-modal__title">
                  {t('consent.panel.title')}
                </h1>
                <ConsentPanel ctx={ctx} idPrefix="consent-modal" next={ctx.url} collapsible />
              </div>
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}
