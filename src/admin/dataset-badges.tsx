// A dataset's state as DSFR badges: its publication state, and a failed latest import.

import type { Publication } from '../datasets/index.ts';
import type { PageContext } from '../web/page-context.ts';

const BADGE: Record<Publication, string> = {
  draft: 'fr-badge--new',
  published: 'fr-badge--success',
  restricted: 'fr-badge--info',
};

export function StateBadges(props: {
  ctx: PageContext;
  publication: Publication;
  importFailed: boolean;
}) {
  const { t } = props.ctx;
  return (
    <ul class="fr-badges-group">
      <li>
        <p class={`fr-badge fr-badge--sm fr-badge--no-icon ${BADGE[props.publication]}`}>
          {t(`bo.state.${props.publication}`)}
        </p>
      </li>
      {props.importFailed ? (
        <li>
          <p class="fr-badge fr-badge--sm fr-badge--error">{t('bo.state.failed')}</p>
        </li>
      ) : null}
    </ul>
  );
}
