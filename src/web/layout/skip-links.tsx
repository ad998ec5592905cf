// Skip links: the first things a keyboard user reaches on every page.

import type { PageContext } from '../page-context.ts';

export function SkipLinks({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <div class="fr-skiplinks">
      <nav class="fr-container" role="navigation" aria-label={t('skip.label')}>
        <ul class="fr-skiplinks__list">
          <li>
            <a class="fr-link" href="#content">
              {t('skip.content')}
            </a>
          </li>
          <li>
            <a class="fr-link" href="#main-navigation">
              {t('skip.menu')}
            </a>
          </li>
          <li>
            <a class="fr-link" href="#header-search-input">
              {t('skip.search')}
            </a>
          </li>
          <li>
            <a class="fr-link" href="#footer">
              {t('skip.footer')}
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
