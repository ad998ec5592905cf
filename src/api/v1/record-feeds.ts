// API v1 record search as a GeoJSON FeatureCollection or an RSS 2.0 / Atom feed (`format=`).
// The v1 records are rendered first (nulls dropped, points as [lat, lon]); feeds title each
// item with its first text value and list the fields in its description.

import type { V1Record } from './v1-record.ts';
import { xmlText } from '../../util/xml-text.ts';

export function recordsGeoJson(records: readonly V1Record[]): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    features: records.map((r) => ({
      type: 'Feature',
      geometry: r.geometry ?? null,
      properties: r.fields,
      id: r.recordid,
    })),
  };
}

function cell(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface FeedContext {
  /** The dataset's title, and its page on the site. */
  title: string;
  datasetUrl: string;
  /** The record lookup URL of API v1, without the record id. */
  recordsUrl: string;
}

function itemTitle(record: V1Record): string {
  const text = Object.values(record.fields).find((v) => typeof v === 'string' && v.trim() !== '');
  return typeof text === 'string' ? text : record.recordid;
}

function itemText(record: V1Record): string {
  return Object.entries(record.fields)
    .map(([name, value]) => `${name}: ${cell(value)}`)
    .join('\n');
}

export function recordsRss(records: readonly V1Record[], feed: FeedContext): string {
  const items = records.map((r) => {
    const link = `${feed.recordsUrl}${encodeURIComponent(r.recordid)}/`;
    return [
      '<item>',
      `<title>${xmlText(itemTitle(r))}</title>`,
      `<link>${xmlText(link)}</link>`,
      `<guid isPermaLink="false">${xmlText(r.recordid)}</guid>`,
      `<description>${xmlText(itemText(r))}</description>`,
      `<pubDate>${new Date(r.record_timestamp).toUTCString()}</pubDate>`,
      '</item>',
    ].join('');
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0"><channel>' +
    `<title>${xmlText(feed.title)}</title><link>${xmlText(feed.datasetUrl)}</link>` +
    `<description>${xmlText(feed.title)}</description>` +
    items.join('') +
    '</channel></rss>\n'
  );
}

export function recordsAtom(records: readonly V1Record[], feed: FeedContext): string {
  const updated = records.reduce(
    (latest, r) => (r.record_timestamp > latest ? r.record_timestamp : latest),
    '1970-01-01T00:00:00+00:00',
  );
  const entries = records.map((r) => {
    const link = `${feed.recordsUrl}${encodeURIComponent(r.recordid)}/`;
    return [
      '<entry>',
      `<id>${xmlText(link)}</id>`,
      `<title>${xmlText(itemTitle(r))}</title>`,
      `<link href="${xmlText(link)}"/>`,
      `<updated>${xmlText(r.record_timestamp)}</updated>`,
      `<content type="text">${xmlText(itemText(r))}</content>`,
      '</entry>',
    ].join('');
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom">' +
    `<id>${xmlText(feed.datasetUrl)}</id><title>${xmlText(feed.title)}</title>` +
    `<link href="${xmlText(feed.datasetUrl)}"/><updated>${xmlText(updated)}</updated>` +
    `<author><name>${xmlText(feed.title)}</name></author>` +
    entries.join('') +
    '</feed>\n'
  );
}
