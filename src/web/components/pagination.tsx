// DSFR pagination: first, previous, a window of page numbers, next, last. Links only, so it
// works without JavaScript; `href(page)` writes each page's URL.

import type { PageContext } from '../page-context.ts';

export interface PaginationProps {
  ctx: PageContext;
  page: number;
  pages: number;
  href: (page: number) => string;
}

const WINDOW = 2;

function pageNumbers(page: number, pages: number): number[] {
  const numbers: number[] = [];
  for (let n = Math.max(1, page - WINDOW); n <= Math.min(pages, page + WINDOW); n++) {
    numbers.push(n);
  }
  return numbers;
}

export function Pagination({ ctx, page, pages, href }: PaginationProps) {
  const { t } = ctx;
  if (pages <= 1) return null;
  const edge = (target: number, enabled: boolean, cls: string, label: string) =>
    enabled ? (
      <a class={`fr-pagination__link ${cls}`} href={href(target)}>
        {label}
      </a>
    ) : (
      <a class={`fr-pagination__link ${cls}`} aria-disabled="true" role="link">
        {label}
      </a>
    );
  return (
    <nav role="navigation" class="fr-pagination" aria-label={t('pagination.label')}>
      <ul class="fr-pagination__list">
        <li>{edge(1, page > 1, 'fr-pagination__link--first', t('pagination.first'))}</li>
        <li>
          {edge(
            page - 1,
            page > 1,
            'fr-pagination__link--prev fr-pagination__link--lg-label',
            t('pagination.previous'),
          )}
        </li>
        {pageNumbers(page, pages).map((n) => (
          <li>
            {n === page ? (
              <a
                class="fr-pagination__link"
                aria-current="page"
                title={t('pagination.page', { page: n })}
              >
                {ctx.number(n)}
              </a>
            ) : (
              <a
                class="fr-pagination__link"
                href={href(n)}
                title={t('pagination.page', { page: n })}
              >
                {ctx.number(n)}
              </a>
            )}
          </li>
        ))}
        <li>
          {edge(
            page + 1,
            page < pages,
            'fr-pagination__link--next fr-pagination__link--lg-label',
            t('pagination.next'),
          )}
        </li>
        <li>{edge(pages, page < pages, 'fr-pagination__link--last', t('pagination.last'))}</li>
      </ul>
    </nav>
  );
}
