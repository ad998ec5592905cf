// The catalog as an RSS 2.0 feed: the datasets, most recently modified first.

import type { Dataset } from '../core/dataset.ts';

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function catalogRss(datasets: Dataset[], baseUrl: string, title: string): string {
  const items = [...datasets]
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))
    .map((d) => {
      const link = `${baseUrl}/explore/dataset/${encodeURIComponent(d.id)}/`;
      return [
        '<item>',
        `<title>${xml(d.metas.title)}</title>`,
        `<link>${xml(link)}</link>`,
        `<guid isPermaLink="true">${xml(link)}</guid>`,
        d.metas.description ? `<description>${xml(d.metas.description)}</description>` : '',
        ...(d.metas.theme ?? []).map((t) => `<category>${xml(t)}</category>`),
        `<pubDate>${new Date(d.modifiedAt).toUTCString()}</pubDate>`,
        '</item>',
      ].join('');
    });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0"><channel>' +
    `<title>${xml(title)}</title><link>${xml(`${baseUrl}/`)}</link>` +
    `<description>${xml(`Datasets of ${title}`)}</description>` +
    items.join('') +
    '</channel></rss>\n'
  );
}
