// The embeds administrators add under the home page's presentation (a video, a widget): each
// one in place when the visitor allowed it, else its placeholder.

import type { PageContext } from '../../page-context.ts';
import { ConsentPlaceholder } from './consent-placeholder.tsx';

export function ThirdPartyEmbeds({ ctx }: { ctx: PageContext }) {
  const consent = ctx.consent;
  const embeds = consent?.policy.services.filter((service) => service.kind === 'iframe') ?? [];
  if (!consent || embeds.length === 0) return null;
  return (
    <section class="fr-mb-6w" aria-labelledby="home-embeds">
      <h2 id="home-embeds">{ctx.t('consent.embeds.heading')}</h2>
      {embeds.map((service) => (
        <div class="dg-consent-frame fr-mb-3w">
          {consent.allows(service.id) ? (
            <iframe
              class="dg-consent-embed"
              src={service.url}
              title={service.name}
              loading="lazy"
              data-consent-loaded={service.id}
            />
          ) : (
            <ConsentPlaceholder ctx={ctx} service={service} />
          )}
        </div>
      ))}
    </section>
  );
}
