// /backoffice/groups/ and /backoffice/groups/{id}/: the groups with their member counts and the
// form that creates one; then one group: rename it, add and remove members, delete it.

import type { Group, User } from '../core/account.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import { ScrollTable } from '../web/components/scroll-table.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { Notice } from './backoffice-frame.tsx';
import { BackOfficeFrame } from './backoffice-frame.tsx';
import { GROUPS_PATH, USERS_PATH } from './backoffice-menu.tsx';
import type { Problem } from './form-fields.tsx';
import { ErrorText, TextField } from './form-fields.tsx';

export interface GroupsPageState {
  groups: Group[];
  name: string;
  problem: Problem | null;
  notice: Notice | null;
}

export function GroupsPage({ ctx, state }: { ctx: PageContext; state: GroupsPageState }) {
  const { t } = ctx;
  return (
    <BackOfficeFrame
      ctx={ctx}
      title={t('bo.groups.title')}
      section={GROUPS_PATH}
      notice={state.notice}
    >
      <p>{t('bo.groups.intro')}</p>
      {state.groups.length === 0 ? (
        <p id="groups-none">{t('bo.groups.none')}</p>
      ) : (
        <ScrollTable id="groups" caption={t('bo.groups.title')}>
          <thead>
            <tr>
              <th scope="col">{t('bo.groups.col.name')}</th>
              <th scope="col">{t('bo.groups.col.members')}</th>
            </tr>
          </thead>
          <tbody>
            {state.groups.map((group) => (
              <tr id={`group-row-${group.id}`}>
                <th scope="row">
                  <a class="fr-link" href={`${GROUPS_PATH}${group.id}/`}>
                    {group.name}
                  </a>
                </th>
                <td>{ctx.number(group.memberIds.length)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <section aria-labelledby="new-group-heading" class="fr-mt-6w">
        <h2 id="new-group-heading">{t('bo.groups.new')}</h2>
        <form method="post" action={GROUPS_PATH} novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            id="new-group-name"
            name="name"
            label={t('bo.groups.name')}
            value={state.name}
            problem={state.problem ?? undefined}
          />
          <button class="fr-btn" type="submit">
            {t('bo.groups.create')}
          </button>
        </form>
      </section>
    </BackOfficeFrame>
  );
}

export interface GroupPageState {
  group: Group;
  members: User[];
  name: string;
  nameProblem: Problem | null;
  member: string;
  memberProblem: Problem | null;
  deletion: Problem | null;
  notice: Notice | null;
}

function Members({ ctx, state }: { ctx: PageContext; state: GroupPageState }) {
  const { t } = ctx;
  const base = `${GROUPS_PATH}${state.group.id}/`;
  return (
    <section aria-labelledby="members-heading" class="fr-mb-6w">
      <h2 id="members-heading">{t('bo.group.members')}</h2>
      {state.members.length === 0 ? (
        <p id="members-none">{t('bo.group.noMember')}</p>
      ) : (
        <ul id="members">
          {state.members.map((user) => (
            <li>
              <form method="post" action={`${base}members/remove`} class="dg-inline-form">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="user" value={user.id} />
                <a href={`${USERS_PATH}${user.id}/`}>{user.name}</a> ({user.email}){' '}
                <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="submit">
                  {t('bo.group.remove')}
                  <span class="fr-sr-only"> {user.email}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}members`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id="member-email"
          name="email"
          type="email"
          label={t('bo.group.addLabel')}
          value={state.member}
          problem={state.memberProblem ?? undefined}
        />
        <button class="fr-btn fr-btn--secondary" type="submit">
          {t('bo.group.add')}
        </button>
      </form>
    </section>
  );
}

export function GroupPage({ ctx, state }: { ctx: PageContext; state: GroupPageState }) {
  const { t } = ctx;
  const base = `${GROUPS_PATH}${state.group.id}/`;
  const title = t('bo.group.title', { name: state.group.name });
  const deletion = state.deletion ?? undefined;
  return (
    <BackOfficeFrame
      ctx={ctx}
      title={title}
      section={GROUPS_PATH}
      notice={state.notice}
      crumbs={[{ label: t('bo.groups.title'), href: GROUPS_PATH }, { label: title }]}
    >
      <section aria-labelledby="rename-heading" class="fr-mb-6w">
        <h2 id="rename-heading">{t('bo.group.rename')}</h2>
        <form method="post" action={base} novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            id="group-name"
            name="name"
            label={t('bo.groups.name')}
            value={state.name}
            problem={state.nameProblem ?? undefined}
          />
          <button class="fr-btn" type="submit">
            {t('bo.group.renameSubmit')}
          </button>
        </form>
      </section>
      <Members ctx={ctx} state={state} />
      <section aria-labelledby="delete-heading" class="fr-mb-6w">
        <h2 id="delete-heading">{t('bo.group.delete')}</h2>
        <p>{t('bo.group.deleteIntro')}</p>
        <form method="post" action={`${base}delete`}>
          <CsrfField ctx={ctx} />
          <fieldset
            class={`fr-fieldset${deletion ? ' fr-fieldset--error' : ''}`}
            aria-labelledby={`delete-confirm-legend${deletion ? ' delete-confirm-error' : ''}`}
          >
            <legend class="fr-sr-only" id="delete-confirm-legend">
              {t('bo.group.delete')}
            </legend>
            <div class="fr-fieldset__element">
              <div class="fr-checkbox-group fr-checkbox-group--sm">
                <input type="checkbox" id="delete-confirm" name="confirm" value="yes" />
                <label class="fr-label" for="delete-confirm">
                  {t('bo.group.deleteConfirm', { name: state.group.name })}
                </label>
              </div>
            </div>
            <ErrorText ctx={ctx} id="delete-confirm" problem={deletion} />
            <button class="fr-btn fr-btn--tertiary" type="submit">
              {t('bo.group.deleteSubmit')}
            </button>
          </fieldset>
        </form>
      </section>
    </BackOfficeFrame>
  );
}
