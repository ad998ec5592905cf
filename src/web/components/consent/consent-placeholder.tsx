// What stands in a blocked third-party service's place: what it is, who provides it and why it
// is blocked, a button that allows it (a form: it works without JavaScript) and a link to the
// full panel. web/client/consent.ts puts the service in its place once it is allowed.

import type { ThirdPartyService } from '../../../core/third-party.ts';
import { CHOICE_FIELD, SERVICE_FIELD } from '../../consent-form.ts';
import type { PageContext } from '../../page-context.ts';
import { CsrfField } from '../csrf-field.tsx';
import { PREFERENCES_PATH, preferencesUrl } from './consent-buttons.tsx';

export function ConsentPlaceholder(props: {
  ctx: PageContext;
  service: ThirdPartyService;
  /** The heading level the placeholder's title takes in its page. */
  heading?: 'h2' | 'h3';
  /** Beside content that works without the service (the map's own basemap): no tall frame. */
  compact?: boolean;
}) {
  const { ctx, service } = props;
  const { t } = ctx;
  const Heading = props.heading ?? 'h3';
  const titleId = `consent-placeholder-${service.id}-title`;
  return (
    <div
      class={`fr-consent-placeholder dg-consent-placeholder${props.compact ? ' dg-consent-placeholder--compact' : ''}`}
      data-consent-service={service.id}
      role="region"
      aria-labelledby={titleId}
    >
      <Heading class="fr-h6 fr-mb-2v" id={titleId}>
        {t('consent.placeholder.title', { name: service.name })}
      </Heading>
      <p>
        {t('consent.placeholder.text', {
          provider: service.provider,
          purpose: service.purpose[ctx.lang],
        })}
      </p>
      <form method="post" action={PREFERENCES_PATH} data-consent-form>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={ctx.url} />
        <input type="hidden" name={SERVICE_FIELD} value={service.id} />
        <button class="fr-btn" type="submit" name={CHOICE_FIELD} value="allow">
          {t('consent.placeholder.allow', { name: service.name })}
        </button>
      </form>
      <p class="fr-mt-2w fr-mb-0">
        <a href={preferencesUrl(ctx.url)} data-consent-open>
          {t('consent.placeholder.manage')}
        </a>
      </p>
    </div>
  );
}
