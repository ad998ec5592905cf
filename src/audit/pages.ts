// The pages the audit visits: one of each template of the front office (a dataset's six tabs
// included), then, signed in, the account page and the back office pages it finds.

/** The portal's root URL, or an error saying why the text is not one. */
export function portalRoot(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not a URL (try http://localhost:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`the portal URL must start with http:// or https://, not ${url.protocol}`);
  }
  return new URL('/', url);
}

export interface PageTemplate {
  /** The name the report uses for it. */
  name: string;
  path: string;
}

export const DATASET_TABS = ['information', 'table', 'map', 'analyze', 'export', 'api'] as const;

/** A path no portal serves, for the "page not found" template. */
export const MISSING_PAGE = '/audit-cookies/no-such-page/';

export function frontOfficePages(datasetId: string | null): PageTemplate[] {
  const dataset = datasetId
    ? DATASET_TABS.map((tab) => ({
        name: `dataset ${tab}`,
        path: `/explore/dataset/${encodeURIComponent(datasetId)}/${tab}/`,
      }))
    : [];
  return [
    { name: 'catalog', path: '/explore/' },
    ...dataset,
    { name: 'cookie policy', path: '/cookies/' },
    { name: 'cookie preferences', path: '/cookies/preferences/' },
    { name: 'legal notice', path: '/legal-notice/' },
    { name: 'accessibility', path: '/accessibility/' },
    { name: 'personal data', path: '/personal-data/' },
    { name: 'site map', path: '/sitemap/' },
    { name: 'sign-in', path: '/login/' },
    { name: 'not found', path: MISSING_PAGE },
  ];
}

export const ACCOUNT_PAGE: PageTemplate = { name: 'account', path: '/account/' };
export const BACK_OFFICE_HOME: PageTemplate = { name: 'back office', path: '/backoffice/' };
/** Enough to see each back office template once; their links repeat from page to page. */
export const BACK_OFFICE_LIMIT = 20;

/**
 * The back office pages linked from a page's `href`s: paths under /backoffice/ on the portal,
 * once each, without query or fragment (one page per template).
 */
export function backOfficeLinks(hrefs: string[], portalUrl: string): PageTemplate[] {
  const base = new URL(portalUrl);
  const paths = new Set<string>();
  for (const href of hrefs) {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.origin !== base.origin || !url.pathname.startsWith(BACK_OFFICE_HOME.path)) continue;
    if (url.pathname === BACK_OFFICE_HOME.path) continue;
    paths.add(url.pathname);
  }
  return [...paths].slice(0, BACK_OFFICE_LIMIT).map((path) => ({
    name: `back office ${path.slice(BACK_OFFICE_HOME.path.length).replace(/\/$/, '')}`,
    path,
  }));
}

interface CatalogAnswer {
  results?: { dataset_id?: unknown; features?: unknown }[];
}

/** The dataset whose tabs the audit visits: the first with a map (geo), else the first. */
export function pickDataset(answer: CatalogAnswer): string | null {
  const datasets = (answer.results ?? []).filter(
    (d): d is { dataset_id: string; features?: unknown } => typeof d.dataset_id === 'string',
  );
  const withMap = datasets.find((d) => Array.isArray(d.features) && d.features.includes('geo'));
  return (withMap ?? datasets[0])?.dataset_id ?? null;
}
