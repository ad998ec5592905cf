// Hits become hourly counters. Each metric keeps its own few dimensions (GoatCounter's way): the
// figures cannot be crossed with one another, so no counter narrows down to a person.

import type { AudienceCount } from '../storage/audience-store.ts';
import type { AudienceHit } from './events.ts';
import { hitKind } from './events.ts';

/** The counters' metrics and what their dimensions hold. */
export const METRICS = {
  /** kind: the request's kind (page, api, download, error), people only. */
  request: 'request',
  /** kind: the request's kind; robots, apart from everything else. */
  robot: 'robot',
  /** kind: the page kind; dataset. */
  pageView: 'page_view',
  /** kind: the endpoint; detail: the format; dataset. */
  apiCall: 'api_call',
  /** kind: site, widgets, apikey or other; detail: the API key's id (`ak_…`) or ''; dataset. */
  apiSource: 'api_source',
  /** kind: how (download URL, v1 download, v2.1 export); detail: the format; dataset. */
  download: 'download',
  /** kind: catalog or records; detail: found, empty or unknown; dataset. */
  search: 'search',
  /** kind: catalog or records; detail: the term (or "(other)"); dataset; day-long hours. */
  searchTerm: 'search_term',
  /** Same, for searches that found nothing. */
  searchTermEmpty: 'search_term_empty',
  /** kind: 4xx or 5xx; detail: the status. */
  error: 'error',
  /** kind: mobile, tablet or desktop; page views only. */
  device: 'device',
  /** detail: the other site's host name; page views only. */
  referrer: 'referrer',
  /** Hits the recorder could not keep (its buffer was full). */
  dropped: 'dropped',
} as const;

const HOUR_MS = 3_600_000;
let lastHour = { index: NaN, iso: '' };

/** The ISO start of the hour of `at` (the last one is remembered: hits come in order). */
export function hourOf(at: Date): string {
  const index = Math.floor(at.getTime() / HOUR_MS);
  if (index !== lastHour.index) lastHour = { index, iso: new Date(index * HOUR_MS).toISOString() };
  return lastHour.iso;
}

/** Sums hits into counters; call `add` for each hit, then read `counts()`. */
export class CounterSet {
  private readonly counters = new Map<string, AudienceCount>();

  add(hit: AudienceHit): void {
    const hour = hourOf(hit.at);
    const kind = hitKind(hit);
    if (hit.robot) {
      this.bump(hour, METRICS.robot, '', kind, '', 1);
      return;
    }
    this.bump(hour, METRICS.request, '', kind, '', 1);
    for (const event of hit.events) {
      const dataset = 'dataset' in event ? (event.dataset ?? '') : '';
      switch (event.type) {
        case 'page':
          this.bump(hour, METRICS.pageView, dataset, event.page, '', 1);
          this.bump(hour, METRICS.device, '', hit.device, '', 1);
          if (hit.referrerDomain) {
            this.bump(hour, METRICS.referrer, '', '', hit.referrerDomain, 1);
          }
          break;
        case 'api':
          this.bump(hour, METRICS.apiCall, dataset, event.endpoint, event.format, 1);
          this.bump(hour, METRICS.apiSource, dataset, event.source, event.apiKey ?? '', 1);
          break;
        case 'download':
          this.bump(hour, METRICS.download, dataset, event.via, event.format, 1);
          break;
        case 'search': {
          const found = event.found === null ? 'unknown' : event.found ? 'found' : 'empty';
          this.bump(hour, METRICS.search, dataset, event.scope, found, 1);
          break;
        }
        case 'error':
          this.bump(
            hour,
            METRICS.error,
            '',
            `${Math.floor(event.status / 100)}xx`,
            `${event.status}`,
            1,
          );
          break;
      }
    }
  }

  bump(hour: string, metric: string, dataset: string, kind: string, detail: string, n: number) {
    const key = `${hour}\u0000${metric}\u0000${dataset}\u0000${kind}\u0000${detail}`;
    const counter = this.counters.get(key);
    if (counter) counter.count += n;
    else this.counters.set(key, { hour, metric, dataset, kind, detail, count: n });
  }

  counts(): AudienceCount[] {
    return [...this.counters.values()];
  }
}
