// sitemap.xml (sitemaps.org 0.9): the site's pages and each public dataset's page.

import type { Dataset } from '../../core/dataset.ts';

const STATIC_PATHS = [
  '/',
  '/explore/',
  '/accessibility/',
  '/legal-notice/',
  '/personal-data/',
  '/cookies/',
];

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function urlEntry(loc: string, lastmod?: string): string {
  const modified = lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : '';
  return `  <url><loc>${escapeXml(loc)}</loc>${modified}</url>`;
}

export function sitemapXml(baseUrl: string, datasets: Dataset[]): string {
  const entries = [
    ...STATIC_PATHS.map((path) => urlEntry(`${baseUrl}${path}`)),
    ...datasets.map((d) =>
      urlEntry(`${baseUrl}/explore/dataset/${encodeURIComponent(d.id)}/`, d.modifiedAt),
    ),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}
