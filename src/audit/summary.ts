// What the report lists besides the violations: each cookie observed once (with its declared
// owner, category and attributes) and the requests that left the portal, per state and origin.

import type { CookieCategory } from '../core/cookies.ts';
import { declarationOf, serviceAt } from './checker.ts';
import type {
  AuditRecord,
  AuditRegistry,
  AuditState,
  CookieAttributes,
  CookieSighting,
} from './model.ts';

export interface CookieSummary {
  name: string;
  /** `portal`, a service id, or null for a cookie the registry does not know. */
  declaredBy: string | null;
  category: CookieCategory | null;
  states: AuditState[];
  sources: CookieSighting['source'][];
  /** Where it came from: response origins, frame origins, cookie domains. */
  origins: string[];
  /** As the header set it when one did, else as the browser stored it; null if only scripts saw it. */
  attributes: CookieAttributes | null;
  /** The first page it was seen on, per state. */
  firstSeen: Partial<Record<AuditState, string>>;
}

export interface TrafficSummary {
  state: AuditState;
  origin: string;
  /** The service declaring this origin, or null. */
  service: string | null;
  requests: number;
  resourceTypes: string[];
  pages: string[];
  firstUrl: string;
}

function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** Every cookie name seen (deletions aside), in the order first seen. */
export function summarizeCookies(registry: AuditRegistry, record: AuditRecord): CookieSummary[] {
  const byName = new Map<string, CookieSummary>();
  const fromHeader = new Set<CookieSummary>();
  for (const { state, cookies } of record.states) {
    for (const sighting of cookies) {
      if (sighting.deletes) continue;
      let entry = byName.get(sighting.name);
      if (!entry) {
        const declaration = declarationOf(registry, sighting.name);
        entry = {
          name: sighting.name,
          declaredBy: declaration
            ? declaration.by === 'portal'
              ? 'portal'
              : declaration.service.id
            : null,
          category: declaration?.category ?? null,
          states: [],
          sources: [],
          origins: [],
          attributes: null,
          firstSeen: {},
        };
        byName.set(sighting.name, entry);
      }
      addOnce(entry.states, state);
      addOnce(entry.sources, sighting.source);
      addOnce(entry.origins, sighting.origin);
      entry.firstSeen[state] ??= sighting.page;
      // The first header's attributes win over the jar's (which show the lifetime left).
      const header = sighting.source === 'set-cookie';
      if (
        sighting.attributes &&
        (entry.attributes === null || (header && !fromHeader.has(entry)))
      ) {
        entry.attributes = sighting.attributes;
        if (header) fromHeader.add(entry);
      }
    }
  }
  return [...byName.values()];
}

/** Requests that left the portal, grouped by state and origin. */
export function summarizeTraffic(registry: AuditRegistry, record: AuditRecord): TrafficSummary[] {
  const out: TrafficSummary[] = [];
  for (const { state, requests } of record.states) {
    const byOrigin = new Map<string, TrafficSummary>();
    for (const request of requests) {
      let entry = byOrigin.get(request.origin);
      if (!entry) {
        entry = {
          state,
          origin: request.origin,
          service: serviceAt(registry, request.origin)?.id ?? null,
          requests: 0,
          resourceTypes: [],
          pages: [],
          firstUrl: request.url,
        };
        byOrigin.set(request.origin, entry);
        out.push(entry);
      }
      entry.requests += 1;
      addOnce(entry.resourceTypes, request.resourceType);
      addOnce(entry.pages, request.page);
    }
  }
  return out;
}
