// /backoffice/users/{id}/: one account. Its profile (name, role, the datasets an editor may
// edit, its groups), a new generated password (shown once), and its deletion, confirmed.

import type { Group, User } from '../core/account.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { Notice } from './backoffice-frame.tsx';
import { BackOfficeFrame } from './backoffice-frame.tsx';
import { USERS_PATH } from './backoffice-menu.tsx';
import type { Problem, Problems } from './form-fields.tsx';
import { ChoiceGroup, ErrorText, SelectField, TextField } from './form-fields.tsx';
import type { UserEditField, UserEditValues } from './user-form.ts';
import { roleOptions } from './users-page.tsx';

export interface UserPageState {
  user: User;
  /** Whether the page's viewer is this user. */
  self: boolean;
  form: UserEditValues;
  problems: Problems<UserEditField>;
  datasets: { id: string; title: string }[];
  groups: Group[];
  /** A password just set, shown this once. */
  password: string | null;
  deletion: Problem | null;
  notice: Notice | null;
}

function ProfileForm({ ctx, state }: { ctx: PageContext; state: UserPageState }) {
  const { t } = ctx;
  const { form, problems } = state;
  const base = `${USERS_PATH}${state.user.id}/`;
  return (
    <section aria-labelledby="profile-heading" class="fr-mb-6w">
      <h2 id="profile-heading">{t('bo.user.profile')}</h2>
      <p>
        {t('bo.users.email')} : <strong id="user-email">{state.user.email}</strong>
      </p>
      <form method="post" action={base} novalidate id="user-profile">
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id="user-name"
          name="name"
          label={t('bo.users.name')}
          value={form.name}
          problem={problems.name}
        />
        <SelectField
          ctx={ctx}
          id="user-role"
          name="role"
          label={t('bo.users.role')}
          value={form.role}
          options={roleOptions(ctx)}
          problem={problems.role}
        />
        <ChoiceGroup
          ctx={ctx}
          id="user-scope"
          name="datasetsScope"
          type="radio"
          legend={t('bo.user.scope')}
          hint={t('bo.user.scopeHint')}
          options={[
            { value: 'all', label: t('bo.user.scope.all') },
            { value: 'list', label: t('bo.user.scope.list') },
          ]}
          checked={[form.datasetsScope]}
        />
        {state.datasets.length === 0 ? (
          <p>{t('bo.user.noDataset')}</p>
        ) : (
          <ChoiceGroup
            ctx={ctx}
            id="user-datasets"
            name="datasets"
            type="checkbox"
            legend={t('bo.user.datasets')}
            options={state.datasets.map((d) => ({ value: d.id, label: `${d.title} (${d.id})` }))}
            checked={form.datasets}
            problem={problems.datasets}
          />
        )}
        {state.groups.length === 0 ? (
          <p>{t('bo.user.noGroup')}</p>
        ) : (
          <ChoiceGroup
            ctx={ctx}
            id="user-groups"
            name="groups"
            type="checkbox"
            legend={t('bo.user.groups')}
            options={state.groups.map((g) => ({ value: g.id, label: g.name }))}
            checked={form.groups}
            problem={problems.groups}
          />
        )}
        <button class="fr-btn" type="submit">
          {t('bo.user.save')}
        </button>
      </form>
    </section>
  );
}

function PasswordSection({ ctx, state }: { ctx: PageContext; state: UserPageState }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="password-heading" class="fr-mb-6w">
      <h2 id="password-heading">{t('bo.user.password')}</h2>
      {state.password ? (
        <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
          <h3 class="fr-alert__title">{t('bo.user.passwordSet')}</h3>
          <p>{t('bo.user.passwordOnce')}</p>
          <p>
            <code id="new-password" class="dg-secret">
              {state.password}
            </code>
          </p>
        </div>
      ) : null}
      <p>{t('bo.user.passwordIntro')}</p>
      <form method="post" action={`${USERS_PATH}${state.user.id}/password`}>
        <CsrfField ctx={ctx} />
        <button class="fr-btn fr-btn--secondary" type="submit">
          {t('bo.user.passwordReset')}
        </button>
      </form>
    </section>
  );
}

function DeleteSection({ ctx, state }: { ctx: PageContext; state: UserPageState }) {
  const { t } = ctx;
  const problem = state.deletion ?? undefined;
  const id = 'delete-confirm';
  return (
    <section aria-labelledby="delete-heading" class="fr-mb-6w">
      <h2 id="delete-heading">{t('bo.user.delete')}</h2>
      <p>{t(state.self ? 'bo.user.deleteSelf' : 'bo.user.deleteIntro')}</p>
      <form method="post" action={`${USERS_PATH}${state.user.id}/delete`}>
        <CsrfField ctx={ctx} />
        <fieldset
          class={`fr-fieldset${problem ? ' fr-fieldset--error' : ''}`}
          aria-labelledby={`${id}-legend${problem ? ` ${id}-error` : ''}`}
        >
          <legend class="fr-sr-only" id={`${id}-legend`}>
            {t('bo.user.delete')}
          </legend>
          <div class="fr-fieldset__element">
            <div class="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={id} name="confirm" value="yes" />
              <label class="fr-label" for={id}>
                {t('bo.user.deleteConfirm', { email: state.user.email })}
              </label>
            </div>
          </div>
          <ErrorText ctx={ctx} id={id} problem={problem} />
          <button class="fr-btn fr-btn--tertiary" type="submit">
            {t('bo.user.deleteSubmit')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}

export function UserPage({ ctx, state }: { ctx: PageContext; state: UserPageState }) {
  const { t } = ctx;
  const title = t('bo.user.title', { name: state.user.name });
  return (
    <BackOfficeFrame
      ctx={ctx}
      title={title}
      section={USERS_PATH}
      notice={state.notice}
      crumbs={[{ label: t('bo.users.title'), href: USERS_PATH }, { label: title }]}
    >
      <p>
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={USERS_PATH}>
          {t('bo.user.back')}
        </a>
      </p>
      <ProfileForm ctx={ctx} state={state} />
      <PasswordSection ctx={ctx} state={state} />
      <DeleteSection ctx={ctx} state={state} />
    </BackOfficeFrame>
  );
}
