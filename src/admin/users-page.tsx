// /backoffice/users/: the accounts, searchable by name or email and filterable by role, a page at
// a time, and the form that creates one. Plain GET search, plain POST form: no JavaScript.

import type { Group, User } from '../core/account.ts';
import { ROLES } from '../core/account.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import { Pagination } from '../web/components/pagination.tsx';
import { ScrollTable } from '../web/components/scroll-table.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { Notice } from './backoffice-frame.tsx';
import { BackOfficeFrame } from './backoffice-frame.tsx';
import { USERS_PATH } from './backoffice-menu.tsx';
import type { Problems } from './form-fields.tsx';
import { SelectField, TextField } from './form-fields.tsx';
import type { NewUserField, NewUserValues } from './user-form.ts';

export interface UsersPageState {
  users: User[];
  groups: Group[];
  total: number;
  page: number;
  pages: number;
  q: string;
  role: string;
  form: NewUserValues;
  problems: Problems<NewUserField>;
  notice: Notice | null;
}

export function roleOptions(ctx: PageContext) {
  return ROLES.map((role) => ({ value: role, label: ctx.t(`bo.role.${role}` as MessageKey) }));
}

function SearchForm({ ctx, state }: { ctx: PageContext; state: UsersPageState }) {
  const { t } = ctx;
  return (
    <form method="get" action={USERS_PATH} class="fr-mb-3w" role="search">
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-md-6">
          <TextField
            ctx={ctx}
            id="users-q"
            name="q"
            type="search"
            label={t('bo.users.search')}
            value={state.q}
          />
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <SelectField
            ctx={ctx}
            id="users-role"
            name="role"
            label={t('bo.users.roleFilter')}
            value={state.role}
            options={[{ value: '', label: t('bo.users.anyRole') }, ...roleOptions(ctx)]}
          />
        </div>
        <div class="fr-col-12 fr-col-md-2">
          <button class="fr-btn" type="submit">
            {t('bo.users.searchSubmit')}
          </button>
        </div>
      </div>
    </form>
  );
}

function UsersTable({ ctx, state }: { ctx: PageContext; state: UsersPageState }) {
  const { t } = ctx;
  if (state.users.length === 0) return <p id="users-none">{t('bo.users.none')}</p>;
  const groupName = new Map(state.groups.map((g) => [g.id, g.name]));
  return (
    <ScrollTable id="users" caption={t('bo.users.caption', { count: state.total })}>
      <thead>
        <tr>
          {(['name', 'email', 'role', 'groups', 'lastLogin'] as const).map((column) => (
            <th scope="col">{t(`bo.users.col.${column}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {state.users.map((user) => (
          <tr id={`user-row-${user.id}`}>
            <th scope="row">
              <a class="fr-link" href={`${USERS_PATH}${user.id}/`}>
                {user.name}
              </a>
            </th>
            <td>{user.email}</td>
            <td>{t(`bo.role.${user.role}`)}</td>
            <td>{user.groupIds.map((id) => groupName.get(id) ?? id).join(', ') || '—'}</td>
            <td>{user.lastLoginAt ? user.lastLoginAt.slice(0, 10) : t('bo.users.never')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function CreateForm({ ctx, state }: { ctx: PageContext; state: UsersPageState }) {
  const { t } = ctx;
  const { form, problems } = state;
  return (
    <section aria-labelledby="new-user-heading" id="new-user">
      <h2 id="new-user-heading">{t('bo.users.new')}</h2>
      <form method="post" action={USERS_PATH} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id="new-user-email"
          name="email"
          type="email"
          autocomplete="off"
          label={t('bo.users.email')}
          value={form.email}
          problem={problems.email}
        />
        <TextField
          ctx={ctx}
          id="new-user-name"
          name="name"
          label={t('bo.users.name')}
          hint={t('bo.users.nameHint')}
          value={form.name}
          problem={problems.name}
        />
        <SelectField
          ctx={ctx}
          id="new-user-role"
          name="role"
          label={t('bo.users.role')}
          value={form.role}
          options={roleOptions(ctx)}
          problem={problems.role}
        />
        {/* Never echoed back: a refused password is typed again. */}
        <TextField
          ctx={ctx}
          id="new-user-password"
          name="password"
          type="password"
          autocomplete="new-password"
          label={t('bo.users.password')}
          hint={t('bo.users.passwordHint')}
          value=""
          problem={problems.password}
        />
        <button class="fr-btn" type="submit">
          {t('bo.users.create')}
        </button>
      </form>
    </section>
  );
}

export function UsersPage({ ctx, state }: { ctx: PageContext; state: UsersPageState }) {
  const { t } = ctx;
  const href = (page: number) => {
    const query = new URLSearchParams({ q: state.q, role: state.role, page: String(page) });
    return `${USERS_PATH}?${query.toString()}`;
  };
  return (
    <BackOfficeFrame
      ctx={ctx}
      title={t('bo.users.title')}
      section={USERS_PATH}
      notice={state.notice}
    >
      <p>{t('bo.users.intro')}</p>
      <SearchForm ctx={ctx} state={state} />
      <UsersTable ctx={ctx} state={state} />
      <Pagination ctx={ctx} page={state.page} pages={state.pages} href={href} />
      <CreateForm ctx={ctx} state={state} />
    </BackOfficeFrame>
  );
}
