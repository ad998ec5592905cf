// /backoffice/datasets/{id}/access/: who may read the dataset and who edits it. Three forms:
// the visibility (public or restricted), the read grants (a user by email address or a group by
// name, each revocable), and the editors (administrators add or remove them; editors see the
// list). Refused, a form comes back with the message next to its field and what was typed.

import type { AccessOverview } from '../../datasets/index.ts';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { ScrollTable } from '../../web/components/scroll-table.tsx';
import type { PageContext } from '../../web/page-context.ts';
import { BackOfficeNotice } from '../back-office-notice.tsx';
import type { NoticeKind } from '../back-office-notice.tsx';
import { datasetPath } from '../dataset-tabs.tsx';
import type { Problems } from '../form-fields.tsx';
import { ChoiceGroup, ErrorText, TextField } from '../form-fields.tsx';
import { DatasetFrame } from '../dataset-frame.tsx';

export type AccessField = 'visibility' | 'grantee' | 'editor';

export interface AccessPageState {
  access: AccessOverview;
  /** The viewer is an administrator: the editors' forms show. */
  admin: boolean;
  notice: { kind: NoticeKind; text: string } | null;
  /** The grant field as typed (after a refusal). */
  grantee: string;
  problems: Problems<AccessField>;
}

export function accessPath(datasetId: string, sub = ''): string {
  return datasetPath(datasetId, `access/${sub}`);
}

function Visibility({ ctx, state }: { ctx: PageContext; state: AccessPageState }) {
  const { t } = ctx;
  const { dataset } = state.access;
  return (
    <section aria-labelledby="visibility-heading" class="fr-mb-4w">
      <h2 id="visibility-heading">{t('acc.visibility')}</h2>
      {dataset.published ? null : <p class="fr-text--sm">{t('acc.visibility.draft')}</p>}
      <form method="post" action={accessPath(dataset.id, 'visibility')} id="visibility-form">
        <CsrfField ctx={ctx} />
        <ChoiceGroup
          ctx={ctx}
          id="visibility"
          name="visibility"
          type="radio"
          legend={t('acc.visibility.legend')}
          options={[
            { value: 'domain', label: t('acc.visibility.domain') },
            { value: 'restricted', label: t('acc.visibility.restricted') },
          ]}
          checked={[dataset.visibility]}
          problem={state.problems.visibility}
        />
        <button class="fr-btn fr-btn--secondary" type="submit">
          {t('acc.visibility.save')}
        </button>
      </form>
    </section>
  );
}

function RemoveButton(props: {
  ctx: PageContext;
  action: string;
  fields: Record<string, string>;
  label: string;
  text: string;
}) {
  return (
    <form method="post" action={props.action}>
      <CsrfField ctx={props.ctx} />
      {Object.entries(props.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button class="fr-btn fr-btn--tertiary fr-btn--sm" type="submit" aria-label={props.label}>
        {props.text}
      </button>
    </form>
  );
}

function Grants({ ctx, state }: { ctx: PageContext; state: AccessPageState }) {
  const { t } = ctx;
  const { dataset, users, groups } = state.access;
  const rows = [
    ...users.map((u) => ({
      kind: 'user',
      id: u.id,
      who: `${u.name} (${u.email})`,
      label: t('acc.kind.user'),
    })),
    ...groups.map((g) => ({
      kind: 'group',
      id: g.id,
      who: g.name,
      label: ctx.count('acc.kind.group', g.members),
    })),
  ];
  return (
    <section aria-labelledby="grants-heading" class="fr-mb-4w">
      <h2 id="grants-heading">{t('acc.grants')}</h2>
      <p>{t('acc.grants.intro')}</p>
      {dataset.visibility === 'domain' ? <p class="fr-text--sm">{t('acc.grants.public')}</p> : null}
      {rows.length === 0 ? (
        <p>{t('acc.grants.none')}</p>
      ) : (
        <ScrollTable id="grants" caption={t('acc.grants.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('acc.col.who')}</th>
              <th scope="col">{t('acc.col.kind')}</th>
              <th scope="col">{t('acc.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr id={`grant-${row.id}`}>
                <th scope="row">{row.who}</th>
                <td>{row.label}</td>
                <td>
                  <RemoveButton
                    ctx={ctx}
                    action={accessPath(dataset.id, 'revoke')}
                    fields={{ kind: row.kind, grantee: row.id }}
                    label={t('acc.revokeLabel', { who: row.who })}
                    text={t('acc.revoke')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <form method="post" action={accessPath(dataset.id, 'grant')} id="grant-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id="grantee"
          name="grantee"
          label={t('acc.grant.field')}
          hint={t('acc.grant.hint')}
          value={state.grantee}
          problem={state.problems.grantee}
        />
        <button class="fr-btn fr-btn--secondary" type="submit">
          {t('acc.grant.submit')}
        </button>
      </form>
    </section>
  );
}

function Editors({ ctx, state }: { ctx: PageContext; state: AccessPageState }) {
  const { t } = ctx;
  const { dataset, editors, candidates } = state.access;
  const problem = state.problems.editor;
  return (
    <section aria-labelledby="editors-heading" class="fr-mb-4w">
      <h2 id="editors-heading">{t('acc.editors')}</h2>
      <p>{t('acc.editors.intro')}</p>
      {editors.length === 0 ? (
        <p>{t('acc.editors.none')}</p>
      ) : (
        <ScrollTable id="editors" caption={t('acc.editors.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('acc.col.who')}</th>
              <th scope="col">{t('acc.editors.scope')}</th>
              {state.admin ? <th scope="col">{t('acc.col.action')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {editors.map((editor) => (
              <tr id={`editor-${editor.id}`}>
                <th scope="row">
                  {state.admin ? (
                    <a href={`/backoffice/users/${encodeURIComponent(editor.id)}/`}>
                      {editor.name} ({editor.email})
                    </a>
                  ) : (
                    `${editor.name} (${editor.email})`
                  )}
                </th>
                <td>{t(editor.all ? 'acc.editors.all' : 'acc.editors.this')}</td>
                {state.admin ? (
                  <td>
                    {editor.all ? null : (
                      <RemoveButton
                        ctx={ctx}
                        action={accessPath(dataset.id, 'editors/remove')}
                        fields={{ user: editor.id }}
                        label={t('acc.editors.removeLabel', { who: editor.email })}
                        text={t('acc.editors.remove')}
                      />
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {!state.admin ? (
        <p class="fr-text--sm">{t('acc.editors.adminOnly')}</p>
      ) : candidates.length === 0 ? (
        <p class="fr-text--sm">{t('acc.editors.noCandidate')}</p>
      ) : (
        <form method="post" action={accessPath(dataset.id, 'editors')} id="editor-form">
          <CsrfField ctx={ctx} />
          <div class={`fr-select-group${problem ? ' fr-select-group--error' : ''}`}>
            <label class="fr-label" for="editor">
              {t('acc.editors.add')}
            </label>
            <select
              class={`fr-select${problem ? ' fr-select--error' : ''}`}
              id="editor"
              name="user"
              aria-describedby={problem ? 'editor-error' : undefined}
              aria-invalid={problem ? true : undefined}
            >
              <option value="">{t('acc.editors.choose')}</option>
              {candidates.map((c) => (
                <option value={c.id}>
                  {c.name} ({c.email})
                </option>
              ))}
            </select>
            <ErrorText ctx={ctx} id="editor" problem={problem} />
          </div>
          <button class="fr-btn fr-btn--secondary" type="submit">
            {t('acc.editors.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

export function AccessPage({ ctx, state }: { ctx: PageContext; state: AccessPageState }) {
  const { t } = ctx;
  const { dataset } = state.access;
  const name = dataset.metas.title || dataset.id;
  const title = t('acc.title', { title: name });
  return (
    <DatasetFrame
      ctx={ctx}
      datasetId={dataset.id}
      name={name}
      title={title}
      heading={title}
      tab="access"
    >
      {state.notice ? <BackOfficeNotice kind={state.notice.kind} text={state.notice.text} /> : null}
      <Visibility ctx={ctx} state={state} />
      <Grants ctx={ctx} state={state} />
      <Editors ctx={ctx} state={state} />
    </DatasetFrame>
  );
}
