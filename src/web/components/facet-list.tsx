// A group of facet values as links: each link toggles its value's filter (refined values are
// marked, excluded ones struck through). Links only, so filtering works without JavaScript.

import type { FacetNode } from '../../core/facet-tree.ts';
import type { PageContext } from '../page-context.ts';

export interface FacetListProps {
  ctx: PageContext;
  id: string;
  title: string;
  nodes: FacetNode[];
  /** The link of a value: adds its refine, or removes its refine or exclude. */
  href: (node: FacetNode) => string;
  label?: (node: FacetNode) => string;
  shown?: number;
}

export function FacetList({ ctx, id, title, nodes, href, label, shown = 12 }: FacetListProps) {
  if (nodes.length === 0) return null;
  const text = label ?? ((node: FacetNode) => node.name);
  return (
    <section class="fr-mb-4w" aria-labelledby={id}>
      <h3 class="fr-h6 fr-mb-1w" id={id}>
        {title}
      </h3>
      <ul class="dg-facet-list">
        {nodes.slice(0, shown).map((node) => {
          const refined = node.state === 'refined';
          const excluded = node.state === 'excluded';
          return (
            <li>
              <a
                href={href(node)}
                class={`fr-link fr-link--sm${refined ? ' dg-facet--refined' : ''}`}
                aria-current={refined ? 'true' : undefined}
              >
                {excluded ? <del>{text(node)}</del> : text(node)}{' '}
                <span class="dg-facet-count">({ctx.number(node.count)})</span>
                {refined || excluded ? (
                  <span class="fr-sr-only"> {ctx.t('facet.remove')}</span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
