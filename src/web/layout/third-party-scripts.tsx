// The third-party services a page may need, for web/client/consent.ts (a JSON data block, which
// is not a script), and the tags of the script services the visitor allowed. A service the
// visitor has not allowed is never in the page.

import type { ThirdPartyService } from '../../core/third-party.ts';
import type { PageContext } from '../page-context.ts';

/** What the page's script needs to put a service in place once allowed. */
export interface ClientService {
  id: string;
  name: string;
  kind: ThirdPartyService['kind'];
  url: string;
  attribution: string;
}

export const CONSENT_SERVICES_ID = 'consent-services';

function clientService(service: ThirdPartyService): ClientService {
  return {
    id: service.id,
    name: service.name,
    kind: service.kind,
    url: service.url,
    attribution: service.attribution,
  };
}

export function ThirdPartyScripts({ ctx }: { ctx: PageContext }) {
  const consent = ctx.consent;
  if (!consent || consent.policy.services.length === 0) return null;
  // "<" never appears raw, so the data cannot close its element.
  const data = JSON.stringify(consent.policy.services.map(clientService)).replace(/</g, '\\u003c');
  return (
    <>
      <script
        type="application/json"
        id={CONSENT_SERVICES_ID}
        dangerouslySetInnerHTML={{ __html: data }}
      />
      {consent.policy.services
        .filter((service) => service.kind === 'script' && consent.allows(service.id))
        .map((service) => (
          <script src={service.url} async data-consent-loaded={service.id} />
        ))}
    </>
  );
}
