// The DSFR breadcrumb: home, then the trail; the last crumb is the current page.

import type { PageContext } from '../page-context.ts';

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumb({ ctx, crumbs }: { ctx: PageContext; crumbs: Crumb[] }) {
  const { t } = ctx;
  const trail: Crumb[] = [{ label: t('nav.home'), href: '/' }, ...crumbs];
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label={t('breadcrumb.label')}>
      <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="breadcrumb">
        {t('breadcrumb.show')}
      </button>
      <div class="fr-collapse" id="breadcrumb">
        <ol class="fr-breadcrumb__list">
          {trail.map((crumb, i) =>
            i === trail.length - 1 ? (
              <li>
                <a class="fr-breadcrumb__link" aria-current="page">
                  {crumb.label}
                </a>
              </li>
            ) : (
              <li>
                <a class="fr-breadcrumb__link" href={crumb.href}>
                  {crumb.label}
                </a>
              </li>
            ),
          )}
        </ol>
      </div>
    </nav>
  );
}
