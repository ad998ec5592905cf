// The catalog as an RSS 2.0 feed: the datasets, most recently modified first.

import type { Dataset } from '../core/dataset.ts';
import { xmlText } from '../util/xml-text.ts';

export function catalogRss(datasets: Dataset[], baseUrl: string, title: string): string {
  const items = [...datasets]
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))
    .map((d) => {
      const link = `${baseUrl}/explore/dataset/${encodeURIComponent(d.id)}/`;
      return [
        '<item>',
        `<title>${xmlText(d.metas.title)}</title>`,
        `<link>${xmlText(link)}</link>`,
        `<guid isPermaLink="true">${xmlText(link)}</guid>`,
        d.metas.description ? `<description>${xmlText(d.metas.description)}</description>` : '',
        ...(d.metas.theme ?? []).map((t) => `<category>${xmlText(t)}</category>`),
        `<pubDate>${new Date(d.modifiedAt).toUTCString()}</pubDate>`,
        '</item>',
      ].join('');
    });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0"><channel>' +
    `<title>${xmlText(title)}</title><link>${xmlText(`${baseUrl}/`)}</link>` +
    `<description>${xmlText(`Datasets of ${title}`)}</description>` +
    items.join('') +
    '</channel></rss>\n'
  );
}
