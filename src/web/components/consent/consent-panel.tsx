// The DSFR consent manager: everything at once, the necessary cookies (always on), the portal's
// own anonymous statistics (exempt; an opt-out), then one fieldset per purpose with a choice for
// each of its services. Nothing is ticked until the visitor has answered; afterwards the radios
// show their standing choice. A plain form, in the modal and on /cookies/preferences/.

import type { ThirdPartyService } from '../../../core/third-party.ts';
import { SERVICE_CATEGORIES } from '../../../core/third-party.ts';
import type { MessageKey } from '../../../i18n/translate.ts';
import {
  CHOICE_FIELD,
  STATISTICS_OPT_OUT_FIELD,
  purposeField,
  serviceField,
} from '../../consent-form.ts';
import type { PageContext } from '../../page-context.ts';
import { CsrfField } from '../csrf-field.tsx';
import { AcceptRefuseButtons, PREFERENCES_PATH } from './consent-buttons.tsx';

interface PanelProps {
  ctx: PageContext;
  /** Keeps ids apart when the page holds the panel twice (page and modal). */
  idPrefix: string;
  next: string;
  /** In the modal the services fold under "see more details" (the DSFR's script unfolds them). */
  collapsible: boolean;
}

function AcceptRefuseRadios(props: {
  ctx: PageContext;
  id: string;
  name: string;
  /** The standing answer, or undefined: nothing ticked. */
  value: boolean | undefined;
}) {
  const { t } = props.ctx;
  return (
    <div class="fr-consent-service__radios">
      {(['accept', 'refuse'] as const).map((answer) => (
        <div class="fr-radio-group">
          <input
            type="radio"
            id={`${props.id}-${answer}`}
            name={props.name}
            value={answer}
            checked={props.value === undefined ? false : props.value === (answer === 'accept')}
          />
          <label class="fr-label" for={`${props.id}-${answer}`}>
            {t(answer === 'accept' ? 'consent.accept' : 'consent.refuse')}
          </label>
        </div>
      ))}
    </div>
  );
}

function ServiceChoice(props: { ctx: PageContext; service: ThirdPartyService; idPrefix: string }) {
  const { ctx, service } = props;
  const { t } = ctx;
  const id = `${props.idPrefix}-service-${service.id}`;
  const standing = ctx.consent?.standing?.services[service.id];
  const cookies = service.cookies.map((cookie) => cookie.name).join(', ');
  return (
    <div class="fr-consent-service">
      <fieldset
        class="fr-fieldset fr-fieldset--inline"
        role="group"
        aria-labelledby={`${id}-legend ${id}-desc`}
      >
        <legend id={`${id}-legend`} class="fr-consent-service__title">
          {t('consent.service.label', { name: service.name, provider: service.provider })}
        </legend>
        <AcceptRefuseRadios ctx={ctx} id={id} name={serviceField(service.id)} value={standing} />
        <p id={`${id}-desc`} class="fr-consent-service__desc">
          {service.purpose[ctx.lang]}{' '}
          {cookies
            ? t('consent.service.cookies', { names: cookies })
            : t('consent.service.noCookies')}{' '}
          {service.privacyUrl ? (
            <a href={service.privacyUrl} rel="noopener" target="_blank">
              {t('consent.service.privacy', { provider: service.provider })}
            </a>
          ) : null}
        </p>
      </fieldset>
    </div>
  );
}

function Purpose(props: PanelProps & { category: string; services: ThirdPartyService[] }) {
  const { ctx, category, services } = props;
  const { t } = ctx;
  const id = `${props.idPrefix}-purpose-${category}`;
  const standing = ctx.consent?.standing;
  const answers = services.map((service) => standing?.services[service.id]);
  // The purpose's radio shows an answer only when all its services share it.
  const common = standing && answers.every((a) => a === answers[0]) ? answers[0] : undefined;
  const list = (
    <div
      class={props.collapsible ? 'fr-consent-services fr-collapse' : 'fr-consent-services'}
      id={`${id}-services`}
    >
      {services.map((service) => (
        <ServiceChoice ctx={ctx} service={service} idPrefix={props.idPrefix} />
      ))}
    </div>
  );
  return (
    <div class="fr-consent-service">
      <fieldset class="fr-fieldset" role="group" aria-labelledby={`${id}-legend ${id}-desc`}>
        <legend id={`${id}-legend`} class="fr-consent-service__title">
          {t(`consent.purpose.${category}.title` as MessageKey)}
        </legend>
        <AcceptRefuseRadios ctx={ctx} id={id} name={purposeField(category)} value={common} />
        <p id={`${id}-desc`} class="fr-consent-service__desc">
          {t(`consent.purpose.${category}.text` as MessageKey)}
        </p>
        {props.collapsible ? (
          <div class="fr-consent-service__collapse">
            <button
              type="button"
              class="fr-consent-service__collapse-btn"
              aria-expanded="false"
              aria-describedby={`${id}-legend`}
              aria-controls={`${id}-services`}
            >
              {t('consent.details')}
            </button>
          </div>
        ) : null}
        {list}
      </fieldset>
    </div>
  );
}

export function ConsentPanel(props: PanelProps) {
  const { ctx, idPrefix } = props;
  const { t } = ctx;
  const services = ctx.consent?.policy.services ?? [];
  const optedOut = ctx.consent?.stored?.statisticsOptOut ?? false;
  return (
    <form method="post" action={PREFERENCES_PATH} class="fr-consent-manager" data-consent-form>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="next" value={props.next} />
      {services.length > 0 ? (
        <div class="fr-consent-service fr-consent-manager__header">
          <p class="fr-consent-service__title">
            {t('consent.panel.all')} <a href="/cookies/">{t('consent.banner.policy')}</a>
          </p>
          <ul class="fr-btns-group fr-btns-group--inline-sm">
            <AcceptRefuseButtons ctx={ctx} />
          </ul>
        </div>
      ) : null}
      <div class="fr-consent-service">
        <fieldset
          class="fr-fieldset fr-fieldset--inline"
          role="group"
          aria-labelledby={`${idPrefix}-necessary-legend ${idPrefix}-necessary-desc`}
        >
          <legend id={`${idPrefix}-necessary-legend`} class="fr-consent-service__title">
            {t('consent.necessary.title')}
          </legend>
          <div class="fr-consent-service__radios">
            <div class="fr-radio-group">
              <input
                type="radio"
                id={`${idPrefix}-necessary-accept`}
                name={`${idPrefix}-necessary`}
                checked
              />
              <label class="fr-label" for={`${idPrefix}-necessary-accept`}>
                {t('consent.accept')}
              </label>
            </div>
            <div class="fr-radio-group">
              <input
                type="radio"
                id={`${idPrefix}-necessary-refuse`}
                name={`${idPrefix}-necessary`}
                disabled
              />
              <label class="fr-label" for={`${idPrefix}-necessary-refuse`}>
                {t('consent.refuse')}
              </label>
            </div>
          </div>
          <p id={`${idPrefix}-necessary-desc`} class="fr-consent-service__desc">
            {t('consent.necessary.text')}
          </p>
        </fieldset>
      </div>
      {ctx.site.audienceStatistics ? (
        <div class="fr-consent-service">
          <fieldset
            class="fr-fieldset"
            role="group"
            aria-labelledby={`${idPrefix}-statistics-legend ${idPrefix}-statistics-desc`}
          >
            <legend id={`${idPrefix}-statistics-legend`} class="fr-consent-service__title">
              {t('consent.statistics.title')}
            </legend>
            <p id={`${idPrefix}-statistics-desc`} class="fr-consent-service__desc">
              {t('consent.statistics.text')}
            </p>
            <div class="fr-checkbox-group">
              <input
                type="checkbox"
                id={`${idPrefix}-statistics-opt-out`}
                name={STATISTICS_OPT_OUT_FIELD}
                checked={optedOut}
              />
              <label class="fr-label" for={`${idPrefix}-statistics-opt-out`}>
                {t('consent.statistics.optOut')}
              </label>
            </div>
          </fieldset>
        </div>
      ) : null}
      {SERVICE_CATEGORIES.map((category) => {
        const inPurpose = services.filter((service) => service.category === category);
        return inPurpose.length > 0 ? (
          <Purpose {...props} category={category} services={inPurpose} />
        ) : null;
      })}
      <ul class="fr-consent-manager__buttons fr-btns-group fr-btns-group--right fr-btns-group--inline-sm">
        <li>
          <button class="fr-btn" type="submit" name={CHOICE_FIELD} value="custom">
            {t('consent.confirm')}
          </button>
        </li>
      </ul>
    </form>
  );
}
