// The DSFR footer: identity, the portal's links, and the compulsory bottom links (legal
// notice, accessibility with its conformity status, personal data, cookies).

import type { PageContext } from '../page-context.ts';
import { preferencesUrl } from '../components/consent/consent-buttons.tsx';
import { Brand } from './brand.tsx';

export function Footer({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const bottom: [string, string][] = [
    ['/sitemap/', t('footer.sitemap')],
    ['/accessibility/', t('footer.accessibility')],
    ['/legal-notice/', t('footer.legal')],
    ['/personal-data/', t('footer.personalData')],
    ['/cookies/', t('footer.cookiePolicy')],
  ];
  return (
    <footer class="fr-footer" role="contentinfo" id="footer">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title={t('nav.homeOf', { portal: ctx.site.portalName })}>
              {ctx.site.stateIdentity ? <Brand /> : <p class="fr-h5">{ctx.site.portalName}</p>}
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">{t('footer.description')}</p>
            <ul class="fr-footer__content-list">
              <li class="fr-footer__content-item">
                <a class="fr-footer__content-link" href="/explore/">
                  {t('nav.catalog')}
                </a>
              </li>
              <li class="fr-footer__content-item">
                <a class="fr-footer__content-link" href="/api/explore/v2.1/">
                  {t('footer.api')}
                </a>
              </li>
              {ctx.settings.contactEmail ? (
                <li class="fr-footer__content-item">
                  <a class="fr-footer__content-link" href={`mailto:${ctx.settings.contactEmail}`}>
                    {t('footer.contact')}
                  </a>
                </li>
              ) : null}
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            {bottom.map(([href, label]) => (
              <li class="fr-footer__bottom-item">
                <a
                  class="fr-footer__bottom-link"
                  href={href}
                  aria-current={ctx.path === href ? 'page' : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
            <li class="fr-footer__bottom-item">
              <a
                class="fr-footer__bottom-link"
                href={preferencesUrl(ctx.url)}
                id="cookie-settings"
                data-consent-open
              >
                {t('footer.cookieSettings')}
              </a>
            </li>
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>{t('footer.licence')}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
