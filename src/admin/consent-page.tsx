// The back office's consent page (administrators only): the third-party services with a remove
// form each, the form that adds or replaces one, and the texts around the cookie policy's
// generated tables. Plain forms, CSRF-protected; works without JavaScript.

import type { ThirdPartyService } from '../core/third-party.ts';
import { SERVICE_CATEGORIES, SERVICE_KINDS } from '../core/third-party.ts';
import type { MessageKey } from '../i18n/translate.ts';
import { CsrfField } from '../web/components/csrf-field.tsx';
import { ScrollTable } from '../web/components/scroll-table.tsx';
import { Layout } from '../web/layout/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { BackOfficeMenu, CONSENT_PATH } from './backoffice-menu.tsx';
import type {
  FieldProblem,
  FieldProblems,
  ServiceField,
  ServiceFormValues,
} from './service-form.ts';
import type { TextFieldName, TextProblems, TextValues } from './policy-texts-form.ts';
import { TEXT_FIELDS } from './policy-texts-form.ts';

export type ConsentNotice =
  | { kind: 'saved' | 'removed'; id: string }
  | { kind: 'texts' }
  | { kind: 'errors' }
  | { kind: 'other'; text: string };

export interface ConsentPageState {
  services: ThirdPartyService[];
  form: ServiceFormValues;
  formProblems: FieldProblems;
  texts: TextValues;
  textProblems: TextProblems;
  /** The service whose removal was not confirmed, or is unknown. */
  removal: { id: string; problem: MessageKey } | null;
  notice: ConsentNotice | null;
}

function FieldError({
  ctx,
  id,
  problem,
}: {
  ctx: PageContext;
  id: string;
  problem?: FieldProblem;
}) {
  if (!problem) return null;
  return (
    <p id={`${id}-error`} class="fr-error-text">
      {ctx.t(problem.key, problem.params)}
    </p>
  );
}

function describedBy(id: string, hint: boolean, problem: FieldProblem | undefined) {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function InputField(props: {
  ctx: PageContext;
  name: ServiceField;
  state: ConsentPageState;
  hint?: MessageKey;
  multiline?: boolean;
}) {
  const { ctx, name, state } = props;
  const { t } = ctx;
  const id = `service-${name}`;
  const problem = state.formProblems[name];
  const label = t(`bo.form.${name}` as MessageKey);
  const common = {
    id,
    name,
    'aria-describedby': describedBy(id, !!props.hint, problem),
    'aria-invalid': problem ? true : undefined,
  };
  return (
    <div class={`fr-input-group${problem ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        {label}
        {props.hint ? (
          <span class="fr-hint-text" id={`${id}-hint`}>
            {t(props.hint)}
          </span>
        ) : null}
      </label>
      {props.multiline ? (
        <textarea class={`fr-input${problem ? ' fr-input--error' : ''}`} rows={3} {...common}>
          {state.form[name]}
        </textarea>
      ) : (
        <input
          class={`fr-input${problem ? ' fr-input--error' : ''}`}
          type="text"
          value={state.form[name]}
          {...common}
        />
      )}
      <FieldError ctx={ctx} id={id} problem={problem} />
    </div>
  );
}

function SelectField(props: {
  ctx: PageContext;
  name: 'kind' | 'category';
  options: readonly string[];
  state: ConsentPageState;
}) {
  const { ctx, name, state } = props;
  const { t } = ctx;
  const id = `service-${name}`;
  const problem = state.formProblems[name];
  return (
    <div class={`fr-select-group${problem ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for={id}>
        {t(`bo.form.${name}` as MessageKey)}
      </label>
      <select
        class={`fr-select${problem ? ' fr-select--error' : ''}`}
        id={id}
        name={name}
        aria-describedby={problem ? `${id}-error` : undefined}
        aria-invalid={problem ? true : undefined}
      >
        <option value="" selected={state.form[name] === ''} disabled hidden>
          {t('bo.form.choose')}
        </option>
        {props.options.map((option) => (
          <option value={option} selected={state.form[name] === option}>
            {t(`bo.${name}.${option}` as MessageKey)}
          </option>
        ))}
      </select>
      <FieldError ctx={ctx} id={id} problem={problem} />
    </div>
  );
}

function ServicesTable({ ctx, state }: { ctx: PageContext; state: ConsentPageState }) {
  const { t } = ctx;
  if (state.services.length === 0) return <p>{t('bo.services.none')}</p>;
  return (
    <ScrollTable id="services" caption={t('bo.services.caption')}>
      <thead>
        <tr>
          {(
            ['id', 'name', 'provider', 'kind', 'category', 'url', 'cookies', 'actions'] as const
          ).map((column) => (
            <th scope="col">{t(`bo.services.col.${column}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {state.services.map((service) => {
          const removal = state.removal?.id === service.id ? state.removal : null;
          const checkId = `remove-${service.id}`;
          return (
            <tr id={`service-row-${service.id}`}>
              <th scope="row">
                <code>{service.id}</code>
              </th>
              <td>{service.name}</td>
              <td>{service.provider}</td>
              <td>{t(`bo.kind.${service.kind}`)}</td>
              <td>{t(`bo.category.${service.category}`)}</td>
              <td class="dg-break-all">{service.url}</td>
              <td>
                {service.cookies.length === 0
                  ? t('bo.services.noCookie')
                  : service.cookies.map((cookie, index) => (
                      <>
                        {index > 0 ? <br /> : null}
                        <code>{cookie.name}</code>
                      </>
                    ))}
              </td>
              <td>
                <p>
                  <a
                    class="fr-link"
                    href={`${CONSENT_PATH}?edit=${encodeURIComponent(service.id)}#service-form`}
                  >
                    {t('bo.services.edit', { id: service.id })}
                  </a>
                </p>
                <form method="post" action={`${CONSENT_PATH}services/remove`}>
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="id" value={service.id} />
                  <fieldset
                    class={`fr-fieldset${removal ? ' fr-fieldset--error' : ''}`}
                    aria-labelledby={`${checkId}-legend${removal ? ` ${checkId}-error` : ''}`}
                  >
                    <legend class="fr-sr-only" id={`${checkId}-legend`}>
                      {t('bo.services.removeLegend', { id: service.id })}
                    </legend>
                    <div class="fr-fieldset__element">
                      <div class="fr-checkbox-group fr-checkbox-group--sm">
                        <input type="checkbox" id={checkId} name="confirm" value="yes" />
                        <label class="fr-label" for={checkId}>
                          {t('bo.services.removeConfirm')}
                        </label>
                      </div>
                    </div>
                    {removal ? (
                      <p id={`${checkId}-error`} class="fr-error-text">
                        {t(removal.problem)}
                      </p>
                    ) : null}
                    <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">
                      {t('bo.services.remove')}
                      <span class="fr-sr-only"> {service.id}</span>
                    </button>
                  </fieldset>
                </form>
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

function ServiceForm({ ctx, state }: { ctx: PageContext; state: ConsentPageState }) {
  const { t } = ctx;
  const field = (name: ServiceField, hint?: MessageKey, extra: { multiline?: boolean } = {}) => (
    <InputField ctx={ctx} name={name} state={state} hint={hint} {...extra} />
  );
  return (
    <section aria-labelledby="service-form-heading" class="fr-mb-6w" id="service-form">
      <h2 id="service-form-heading">{t('bo.form.heading')}</h2>
      <p>{t('bo.form.intro')}</p>
      <form method="post" action={`${CONSENT_PATH}services`} novalidate>
        <CsrfField ctx={ctx} />
        {field('id', 'bo.form.id.hint')}
        <SelectField ctx={ctx} name="kind" options={SERVICE_KINDS} state={state} />
        <SelectField ctx={ctx} name="category" options={SERVICE_CATEGORIES} state={state} />
        {field('url', 'bo.form.url.hint')}
        {field('name')}
        {field('provider')}
        {field('purposeFr', undefined, { multiline: true })}
        {field('purposeEn', undefined, { multiline: true })}
        {field('cookies', 'bo.form.cookies.hint', { multiline: true })}
        {field('attribution', 'bo.form.attribution.hint')}
        {field('privacyUrl')}
        <button class="fr-btn" type="submit">
          {t('bo.form.submit')}
        </button>
      </form>
    </section>
  );
}

function TextsForm({ ctx, state }: { ctx: PageContext; state: ConsentPageState }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="texts-heading" class="fr-mb-6w" id="policy-texts">
      <h2 id="texts-heading">{t('bo.texts.heading')}</h2>
      <p>{t('bo.texts.intro')}</p>
      <form method="post" action={`${CONSENT_PATH}texts`}>
        <CsrfField ctx={ctx} />
        {TEXT_FIELDS.map((name: TextFieldName) => {
          const id = `text-${name.replace(':', '-').replace('.', '-')}`;
          const problem = state.textProblems[name];
          const [key, lang] = name.split(':') as [string, string];
          const place = key.endsWith('.before') ? 'before' : 'after';
          return (
            <div class={`fr-input-group${problem ? ' fr-input-group--error' : ''}`}>
              <label class="fr-label" for={id}>
                {t(`bo.texts.${place}.${lang}` as MessageKey)}
              </label>
              <textarea
                class={`fr-input${problem ? ' fr-input--error' : ''}`}
                id={id}
                name={name}
                rows={6}
                lang={lang}
                aria-describedby={problem ? `${id}-error` : undefined}
                aria-invalid={problem ? true : undefined}
              >
                {state.texts[name]}
              </textarea>
              <FieldError ctx={ctx} id={id} problem={problem} />
            </div>
          );
        })}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button class="fr-btn" type="submit">
              {t('bo.texts.submit')}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href="/cookies/">
              {t('bo.texts.view')}
            </a>
          </li>
        </ul>
      </form>
    </section>
  );
}

function Notice({ ctx, notice }: { ctx: PageContext; notice: ConsentNotice }) {
  const { t } = ctx;
  const error = notice.kind === 'errors' || notice.kind === 'other';
  const text =
    notice.kind === 'saved' || notice.kind === 'removed'
      ? t(`bo.consent.notice.${notice.kind}`, { id: notice.id })
      : notice.kind === 'other'
        ? notice.text
        : t(`bo.consent.notice.${notice.kind}`);
  return (
    <div
      class={`fr-alert fr-alert--${error ? 'error' : 'success'} fr-alert--sm fr-mb-3w`}
      role={error ? 'alert' : 'status'}
      id="consent-notice"
    >
      <p>{text}</p>
    </div>
  );
}

export function ConsentAdminPage({ ctx, state }: { ctx: PageContext; state: ConsentPageState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('bo.consent.title')} crumbs={[{ label: t('bo.consent.title') }]}>
      <div class="fr-container fr-pb-6w">
        <BackOfficeMenu ctx={ctx} current={CONSENT_PATH} />
        <h1>{t('bo.consent.title')}</h1>
        <p>{t('bo.consent.intro')}</p>
        {state.notice ? <Notice ctx={ctx} notice={state.notice} /> : null}
        <section aria-labelledby="services-heading" class="fr-mb-6w">
          <h2 id="services-heading">{t('bo.services.heading')}</h2>
          <ServicesTable ctx={ctx} state={state} />
        </section>
        <ServiceForm ctx={ctx} state={state} />
        <TextsForm ctx={ctx} state={state} />
      </div>
    </Layout>
  );
}
