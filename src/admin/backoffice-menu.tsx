// The back office's side menu, shared by its pages: each page marks itself as the current one.
// Editors see only the entries open to them.

import type { MessageKey } from '../i18n/translate.ts';
import type { PageContext } from '../web/page-context.ts';

export const CONSENT_PATH = '/backoffice/consent/';
export const STATISTICS_PATH = '/backoffice/statistics/';
export const DATASETS_PATH = '/backoffice/datasets/';
export const ACTIVITY_PATH = '/backoffice/activity/';

/** Entries open to editors too; the others are for administrators only. */
const ENTRIES: { path: string; label: MessageKey; editors?: true }[] = [
  { path: DATASETS_PATH, label: 'bo.menu.datasets', editors: true },
  { path: ACTIVITY_PATH, label: 'bo.menu.activity' },
  { path: STATISTICS_PATH, label: 'bo.menu.statistics' },
  { path: CONSENT_PATH, label: 'bo.menu.consent' },
];

export function BackOfficeMenu({ ctx, current }: { ctx: PageContext; current: string }) {
  const { t } = ctx;
  return (
    <nav class="fr-sidemenu" aria-labelledby="bo-menu-title">
      <div class="fr-sidemenu__inner">
        <div class="fr-sidemenu__title" id="bo-menu-title">
          {t('bo.menu.label')}
        </div>
        <ul class="fr-sidemenu__list">
          {ENTRIES.filter((e) => e.editors || ctx.viewer.role === 'admin').map((entry) => (
            <li
              class={`fr-sidemenu__item${entry.path === current ? ' fr-sidemenu__item--active' : ''}`}
            >
              <a
                class="fr-sidemenu__link"
                href={entry.path}
                aria-current={entry.path === current ? 'page' : undefined}
              >
                {t(entry.label)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
