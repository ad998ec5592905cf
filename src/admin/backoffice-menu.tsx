// The back office's side menu, shared by its pages: each page marks itself as the current one.
// Accounts that are not administrators see only what they may open (their API keys).

import type { MessageKey } from '../i18n/translate.ts';
import type { PageContext } from '../web/page-context.ts';

export const CONSENT_PATH = '/backoffice/consent/';
export const STATISTICS_PATH = '/backoffice/statistics/';
export const USERS_PATH = '/backoffice/users/';
export const GROUPS_PATH = '/backoffice/groups/';
export const API_KEYS_PATH = '/backoffice/api-keys/';
export const SETTINGS_PATH = '/backoffice/settings/';

const ENTRIES: { path: string; label: MessageKey; everyone?: boolean }[] = [
  { path: STATISTICS_PATH, label: 'bo.menu.statistics' },
  { path: USERS_PATH, label: 'bo.menu.users' },
  { path: GROUPS_PATH, label: 'bo.menu.groups' },
  { path: API_KEYS_PATH, label: 'bo.menu.apiKeys', everyone: true },
  { path: SETTINGS_PATH, label: 'bo.menu.settings' },
  { path: CONSENT_PATH, label: 'bo.menu.consent' },
];

export function BackOfficeMenu({ ctx, current }: { ctx: PageContext; current: string }) {
  const { t } = ctx;
  const admin = ctx.viewer.role === 'admin';
  return (
    <nav class="fr-sidemenu" aria-labelledby="bo-menu-title">
      <div class="fr-sidemenu__inner">
        <div class="fr-sidemenu__title" id="bo-menu-title">
          {t('bo.menu.label')}
        </div>
        <ul class="fr-sidemenu__list">
          {ENTRIES.filter((entry) => admin || entry.everyone).map((entry) => (
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
