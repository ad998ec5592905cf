// Collects what one browser context shows of cookies and requests while the recorder walks the
// portal: every Set-Cookie header of every response (the portal's and any other origin's), the
// `document.cookie` of each frame and the cookie jar after each page, and each request that
// leaves the portal's origin. Each distinct sighting is kept once, the first time it is seen.

import type { BrowserContext, Page, Request, Response } from 'playwright-core';

import type { AuditState, CookieSighting, PageVisit, SameSite, StateRecord } from './model.ts';
import { originOf } from './origins.ts';
import { documentCookieNames, parseSetCookie } from './set-cookie.ts';

function sightingKey(sighting: CookieSighting): string {
  const a = sighting.attributes;
  return [
    sighting.source,
    sighting.name,
    sighting.origin,
    sighting.deletes,
    a ? [a.path, a.domain, a.httpOnly, a.secure, a.sameSite].join(',') : '',
    // A header's lifetime is exact; the jar's only shrinks as time passes.
    sighting.source === 'set-cookie' ? a?.maxAgeSeconds : '',
  ].join('|');
}

export class StateTracker {
  /** The page being visited, named in each sighting. */
  page = 'start';
  private readonly record: StateRecord;
  private readonly keys = new Set<string>();
  private readonly pending: Promise<void>[] = [];

  constructor(
    state: AuditState,
    private readonly portalOrigin: string,
  ) {
    this.record = { state, pages: [], cookies: [], requests: [], problems: [] };
  }

  private inFlight = 0;
  private lastActivity = Date.now();

  /** Starts listening to the context's traffic. */
  watch(context: BrowserContext): void {
    context.on('request', (request) => {
      this.inFlight += 1;
      this.lastActivity = Date.now();
      this.onRequest(request);
    });
    const done = () => {
      this.inFlight = Math.max(0, this.inFlight - 1);
      this.lastActivity = Date.now();
    };
    context.on('requestfinished', done);
    context.on('requestfailed', done);
    context.on('response', (response) => {
      this.pending.push(this.onResponse(response, this.page));
    });
  }

  /**
   * Waits until no request has been in flight for `quietMs` (what a page loads after its load
   * event: tiles, a consented script and what it fetches), or `maxMs` at most.
   */
  async quiet(page: Page, quietMs: number, maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    while (Date.now() < until) {
      if (this.inFlight === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await page.waitForTimeout(50);
    }
  }

  private onRequest(request: Request): void {
    const origin = originOf(request.url());
    if (origin === null || origin === this.portalOrigin) return;
    this.record.requests.push({
      url: request.url(),
      origin,
      resourceType: request.resourceType(),
      page: this.page,
    });
  }

  private async onResponse(response: Response, page: string): Promise<void> {
    const origin = originOf(response.url());
    if (origin === null) return;
    let headers: { name: string; value: string }[];
    try {
      headers = await response.headersArray();
    } catch {
      return; // the context closed first
    }
    const date = headers.find((h) => h.name.toLowerCase() === 'date')?.value;
    const receivedAt = date && !Number.isNaN(Date.parse(date)) ? new Date(date) : new Date();
    for (const header of headers) {
      if (header.name.toLowerCase() !== 'set-cookie') continue;
      // Some layers fold several Set-Cookie headers into one value, one per line.
      for (const line of header.value.split('\n')) {
        const parsed = parseSetCookie(line, receivedAt);
        if (parsed) this.add({ ...parsed, source: 'set-cookie', origin, page });
      }
    }
  }

  private add(sighting: CookieSighting): void {
    const key = sightingKey(sighting);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.record.cookies.push(sighting);
  }

  /** Records `document.cookie` in every frame of the page, and the whole cookie jar. */
  async snapshot(page: Page, context: BrowserContext): Promise<void> {
    for (const frame of page.frames()) {
      const origin = originOf(frame.url());
      if (origin === null) continue;
      let value: unknown;
      try {
        value = await frame.evaluate('document.cookie');
      } catch {
        continue; // the frame went away
      }
      for (const name of documentCookieNames(String(value ?? ''))) {
        this.add({
          name,
          source: 'document.cookie',
          origin,
          page: this.page,
          attributes: null,
          deletes: false,
        });
      }
    }
    const now = Date.now() / 1000;
    for (const cookie of await context.cookies()) {
      this.add({
        name: cookie.name,
        source: 'jar',
        origin: cookie.domain.replace(/^\./, ''),
        page: this.page,
        attributes: {
          path: cookie.path,
          domain: cookie.domain.startsWith('.') ? cookie.domain.slice(1) : null,
          httpOnly: cookie.httpOnly,
          secure: cookie.secure,
          sameSite: cookie.sameSite.toLowerCase() as SameSite,
          maxAgeSeconds: cookie.expires === -1 ? null : Math.round(cookie.expires - now),
        },
        deletes: false,
      });
    }
    await this.settle();
  }

  /** Waits for the headers of the responses seen so far to be read. */
  async settle(): Promise<void> {
    while (this.pending.length > 0) await Promise.allSettled(this.pending.splice(0));
  }

  visited(visit: PageVisit): void {
    this.record.pages.push(visit);
  }

  problem(text: string): void {
    this.record.problems.push(text);
  }

  async finish(): Promise<StateRecord> {
    await this.settle();
    return this.record;
  }
}
