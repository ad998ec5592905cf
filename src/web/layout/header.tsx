// The DSFR header: identity, portal name, sign-in (or account and sign-out), language choice, search and main navigation.
// Everything works without JavaScript: the language choice is a form (with the page's CSRF
// token), the search a GET form.

import { CsrfField } from '../components/csrf-field.tsx';
import { LANGUAGE_NAMES } from '../../i18n/languages.ts';
import type { PageContext } from '../page-context.ts';
import { Brand } from './brand.tsx';

function LanguageForm({ ctx }: { ctx: PageContext }) {
  // A portal offering one language has nothing to choose.
  if (ctx.settings.languages.length < 2) return null;
  return (
    <form method="post" action="/i18n/setlang/" class="dg-language-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="next" value={ctx.url} />
      {ctx.settings.languages
        .filter((lang) => lang !== ctx.lang)
        .map((lang) => (
          <button
            class="fr-btn fr-btn--tertiary-no-outline fr-icon-translate-2 fr-btn--icon-left"
            type="submit"
            name="language"
            value={lang}
            lang={lang}
          >
            {LANGUAGE_NAMES[lang]}
          </button>
        ))}
    </form>
  );
}

/** Sign-in link, or the account link and the sign-out button (a POST, so a form). */
function AccountTools({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  if (!ctx.account) {
    const next = ctx.path.startsWith('/login') ? '/' : ctx.url;
    return (
      <li>
        <a class="fr-btn fr-icon-lock-line" href={`/login/?next=${encodeURIComponent(next)}`}>
          {t('nav.signIn')}
        </a>
      </li>
    );
  }
  return (
    <>
      <li>
        <a class="fr-btn fr-icon-account-circle-line" href="/account/">
          {t('nav.account')}
        </a>
      </li>
      <li>
        <form method="post" action="/logout/">
          <CsrfField ctx={ctx} />
          <button class="fr-btn fr-icon-logout-box-r-line" type="submit">
            {t('nav.signOut')}
          </button>
        </form>
      </li>
    </>
  );
}

function SearchBar({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <form class="fr-search-bar" id="header-search" role="search" method="get" action="/explore/">
      <label class="fr-label" for="header-search-input">
        {t('search.label')}
      </label>
      <input
        class="fr-input"
        placeholder={t('search.placeholder')}
        type="search"
        id="header-search-input"
        name="q"
      />
      <button class="fr-btn" type="submit" title={t('search.button')}>
        {t('search.button')}
      </button>
    </form>
  );
}

export function Header({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const inCatalog = ctx.path.startsWith('/explore');
  return (
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                {ctx.site.stateIdentity ? (
                  <div class="fr-header__logo">
                    <Brand />
                  </div>
                ) : null}
                {ctx.settings.logoUrl ? (
                  <div class="fr-header__operator">
                    <img
                      class="fr-responsive-img dg-portal-logo"
                      src={ctx.settings.logoUrl}
                      alt=""
                    />
                  </div>
                ) : null}
                <div class="fr-header__navbar">
                  <button
                    class="fr-btn--search fr-btn"
                    data-fr-opened="false"
                    aria-controls="header-search-modal"
                    title={t('search.button')}
                    type="button"
                  >
                    {t('search.button')}
                  </button>
                  <button
                    class="fr-btn--menu fr-btn"
                    data-fr-opened="false"
                    aria-controls="header-menu-modal"
                    aria-haspopup="menu"
                    id="header-menu-button"
                    title={t('nav.menu')}
                    type="button"
                  >
                    {t('nav.menu')}
                  </button>
                </div>
              </div>
              <div class="fr-header__service">
                <a href="/" title={t('nav.homeOf', { portal: ctx.site.portalName })}>
                  <p class="fr-header__service-title">{ctx.site.portalName}</p>
                </a>
                <p class="fr-header__service-tagline">{t('site.tagline')}</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">
                <ul class="fr-btns-group">
                  <AccountTools ctx={ctx} />
                  <li>
                    <LanguageForm ctx={ctx} />
                  </li>
                </ul>
              </div>
              <div class="fr-header__search fr-modal" id="header-search-modal">
                <div class="fr-container fr-container-lg--fluid">
                  <button
                    class="fr-btn--close fr-btn"
                    aria-controls="header-search-modal"
                    title={t('common.close')}
                    type="button"
                  >
                    {t('common.close')}
                  </button>
                  <SearchBar ctx={ctx} />
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div
        class="fr-header__menu fr-modal"
        id="header-menu-modal"
        aria-labelledby="header-menu-button"
      >
        <div class="fr-container">
          <button
            class="fr-btn--close fr-btn"
            aria-controls="header-menu-modal"
            title={t('common.close')}
            type="button"
          >
            {t('common.close')}
          </button>
          <div class="fr-header__menu-links" />
          <nav class="fr-nav" id="main-navigation" role="navigation" aria-label={t('nav.label')}>
            <ul class="fr-nav__list">
              <li class="fr-nav__item">
                <a
                  class="fr-nav__link"
                  href="/"
                  aria-current={ctx.path === '/' ? 'page' : undefined}
                >
                  {t('nav.home')}
                </a>
              </li>
              <li class="fr-nav__item">
                <a
                  class="fr-nav__link"
                  href="/explore/"
                  aria-current={inCatalog ? 'page' : undefined}
                >
                  {t('nav.catalog')}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}
