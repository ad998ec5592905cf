// The event web/client/consent.ts sends on the document when the visitor's choices change, for
// the page's other scripts (the map's basemap). Its own module: importing it runs nothing.

export const CONSENT_EVENT = 'datagora:consent';

export interface ConsentEventDetail {
  /** Service id → allowed. */
  services: Record<string, boolean>;
}
