// The back office's side menu, shared by its pages: each page marks itself as the current one.
// Editors see only the entries open to them; other accounts only their API keys.

import type { MessageKey } from '../i18n/translate.ts';
import type { PageContext } from '../web/page-context.ts';

export const CONSENT_PATH = '/backoffice/consent/';
export const STATISTICS_PATH = '/backoffice/statistics/';
export const DATASETS_PATH = '/backoffice/datasets/';
export const ACTIVITY_PATH = '/backoffice/activity/';
export const USERS_PATH = '/backoffice/users/';
export const GROUPS_PATH = '/backoffice/groups/';
export const API_KEYS_PATH = '/backoffice/api-keys/';
export const SETTINGS_PATH = '/backoffice/settings/';

/** Who sees an entry besides administrators: editors, or every signed-in account. */
type Audience = 'editors' | 'everyone';

const ENTRIES: { path: string; label: MessageKey; open?: Audience }[] = [
  { path: DATASETS_PATH, label: 'bo.menu.datasets', open: 'editors' },
  { path: ACTIVITY_PATH, label: 'bo.menu.activity' },
  { path: STATISTICS_PATH, label: 'bo.menu.statistics' },
  { path: USERS_PATH, label: 'bo.menu.users' },
  { path: GROUPS_PATH, label: 'bo.menu.groups' },
  { path: API_KEYS_PATH, label: 'bo.menu.apiKeys', open: 'everyone' },
  { path: SETTINGS_PATH, label: 'bo.menu.settings' },
  { path: CONSENT_PATH, label: 'bo.menu.consent' },
];

function visible(open: Audience | undefined, ctx: PageContext): boolean {
  const role = ctx.viewer.role;
  if (role === 'admin' || open === 'everyone') return true;
  return open === 'editors' && role === 'editor';
}

export function BackOfficeMenu({ ctx, current }: { ctx: PageContext; current: string }) {
  const { t } = ctx;
  return (
    <nav class="fr-sidemenu" aria-labelledby="bo-menu-title">
      <div class="fr-sidemenu__inner">
        <div class="fr-sidemenu__title" id="bo-menu-title">
          {t('bo.menu.label')}
        </div>
        <ul class="fr-sidemenu__list">
          {ENTRIES.filter((e) => visible(e.open, ctx)).map((entry) => (
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
