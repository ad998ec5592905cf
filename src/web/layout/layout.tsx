// The page frame of every site page: head, skip links, header, breadcrumb, content, footer.

import type { ComponentChildren } from 'preact';

import type { PageContext } from '../page-context.ts';
import type { Crumb } from './breadcrumb.tsx';
import { Breadcrumb } from './breadcrumb.tsx';
import { ConsentBanner } from './consent-banner.tsx';
import { ConsentModal } from './consent-modal.tsx';
import { Footer } from './footer.tsx';
import { Header } from './header.tsx';
import { SkipLinks } from './skip-links.tsx';
import { ThirdPartyScripts } from './third-party-scripts.tsx';

export const DSFR_PATH = '/static/dsfr';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Trail from the home page (excluded) to the current page (included). */
  crumbs?: Crumb[];
  /** Extra elements of <head> (canonical link, Open Graph, JSON-LD…). */
  head?: ComponentChildren;
  children: ComponentChildren;
}

export function Layout({ ctx, title, description, crumbs, head, children }: LayoutProps) {
  const fullTitle = `${title} — ${ctx.site.portalName}`;
  return (
    <html lang={ctx.lang} data-fr-scheme="system">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        <meta name="format-detection" content="telephone=no" />
        <link rel="stylesheet" href={`${DSFR_PATH}/dsfr.min.css`} />
        <link rel="stylesheet" href={`${DSFR_PATH}/utility/icons/icons.min.css`} />
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="icon" href={`${DSFR_PATH}/favicon/favicon.svg`} type="image/svg+xml" />
        <link rel="shortcut icon" href={`${DSFR_PATH}/favicon/favicon.ico`} type="image/x-icon" />
        {head}
      </head>
      <body>
        {/* The DSFR wants the consent banner first in the page, before the skip links. */}
        <ConsentBanner ctx={ctx} />
        <SkipLinks ctx={ctx} />
        <Header ctx={ctx} />
        <main id="content" role="main" tabIndex={-1}>
          <div class="fr-container">{crumbs ? <Breadcrumb ctx={ctx} crumbs={crumbs} /> : null}</div>
          {children}
        </main>
        <Footer ctx={ctx} />
        <ConsentModal ctx={ctx} />
        <p id="consent-status" class="fr-sr-only" role="status" aria-live="polite" />
        <ThirdPartyScripts ctx={ctx} />
        <script type="module" src="/static/js/consent.js" />
        <script type="module" src={`${DSFR_PATH}/dsfr.module.min.js`} />
        <script noModule src={`${DSFR_PATH}/dsfr.nomodule.min.js`} />
      </body>
    </html>
  );
}
