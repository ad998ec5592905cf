// What the portal's own audience measurement sees of one request: a hit, made of events. A hit
// holds nothing that identifies a visitor: no address, no user agent, no full URL, no cookie.

/**
 * Where an API call comes from: the portal's own pages, ODS's official widgets (they send an
 * `ODS-Widgets-Version` header), a client with an API key, or any other client.
 */
export type ApiSource = 'site' | 'widgets' | 'apikey' | 'other';

export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

export type AudienceEvent =
  | { type: 'page'; page: string; dataset: string | null }
  | {
      type: 'api';
      /** The route family: `v2.1/records`, `v1/search`, … */
      endpoint: string;
      dataset: string | null;
      format: string;
      source: ApiSource;
      /** The id (`ak_…`, never the secret) of the API key the call used, or null. */
      apiKey: string | null;
    }
  | { type: 'download'; dataset: string | null; format: string; via: string }
  | {
      type: 'search';
      scope: 'catalog' | 'records';
      dataset: string | null;
      /** Lowercased and trimmed; never empty. */
      term: string;
      /** Whether the search found anything; null when the answer did not say. */
      found: boolean | null;
    }
  | { type: 'error'; status: number };

export type EventType = AudienceEvent['type'];

export interface AudienceHit {
  /** When the request ended. */
  at: Date;
  robot: boolean;
  device: DeviceClass;
  /** The host name of another site the visitor came from, or null. */
  referrerDomain: string | null;
  events: AudienceEvent[];
}

/** The first event names the request's kind (a page, an API call, a download, an error). */
export function hitKind(hit: AudienceHit): EventType | 'other' {
  return hit.events[0]?.type ?? 'other';
}

/** A search term as it is counted: lowercased, trimmed, inner blanks folded; null when empty. */
export function normalizeTerm(raw: string): string | null {
  const term = raw.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 200);
  return term === '' ? null : term;
}
