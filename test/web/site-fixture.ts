// A portal for the site's tests: the demo dataset plus metadata-only datasets, so that the
// catalog has several themes, publishers and dates to search, filter, sort and page through.

import { parse } from 'node-html-parser';
import { after, before } from 'node:test';

import type { Browser } from 'playwright-core';
import type { HTMLElement } from 'node-html-parser';

import { emptyMetas } from '../../src/core/dataset.ts';
import type { EngineName } from '../../src/storage/engine.ts';
import { launchChromium } from '../helpers/browser.ts';
import { listen } from '../helpers/listening-portal.ts';
import type { TestPortal } from '../helpers/test-portal.ts';
import { startTestPortal } from '../helpers/test-portal.ts';

export const EXTRA_DATASETS = Array.from({ length: 12 }, (_, i) => ({
  id: `arbres_${String(i + 1).padStart(2, '0')}`,
  title: `Arbres remarquables de la commune ${i + 1}`,
  theme: i % 2 === 0 ? ['Environnement'] : ['Environnement', 'Culture'],
  publisher: i < 4 ? 'Ville de Lyon' : 'Ville de Nantes',
}));

export async function startSitePortal(
  options: { env?: Record<string, string>; extra?: boolean; engine?: EngineName } = {},
): Promise<TestPortal> {
  const portal = await startTestPortal({
    demo: true,
    engine: options.engine,
    env: { DATAGORA_BASE_URL: 'https://data.example.fr', ...options.env },
  });
  if (options.extra !== false) {
    for (const extra of EXTRA_DATASETS) {
      await portal.engine.metadata.saveDataset({
        id: extra.id,
        metas: {
          ...emptyMetas(extra.title),
          theme: extra.theme,
          publisher: extra.publisher,
          description: `<p>Les arbres <strong>remarquables</strong> (${extra.id}).</p>`,
        },
      });
    }
  }
  return portal;
}

export interface Page {
  status: number;
  headers: Record<string, unknown>;
  html: string;
  dom: HTMLElement;
}

export async function getPage(
  portal: TestPortal,
  url: string,
  headers: Record<string, string> = {},
): Promise<Page> {
  const response = await portal.app.inject({ method: 'GET', url, headers });
  return {
    status: response.statusCode,
    headers: response.headers,
    html: response.body,
    dom: parse(response.body),
  };
}

export function texts(dom: HTMLElement, selector: string): string[] {
  return dom.querySelectorAll(selector).map((e) => e.text.replace(/\s+/g, ' ').trim());
}

export interface BrowserSite {
  portal: TestPortal;
  /** The portal's `http://127.0.0.1:PORT`. */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The site portal (or the one `start` gives) listening on a local port, and Debian's Chromium
 * to visit it.
 */
export async function startBrowserSite(
  start: () => Promise<TestPortal> = startSitePortal,
): Promise<BrowserSite> {
  const portal = await start();
  try {
    const base = await listen(portal);
    const browser = await launchChromium();
    return {
      portal,
      base,
      browser,
      async close() {
        await browser.close();
        await portal.close();
      },
    };
  } catch (error) {
    await portal.close();
    throw error;
  }
}

/**
 * A browser site started before the calling suite's tests and closed after them; read its
 * `base` and `browser` inside the tests.
 */
export function browserSiteForSuite(start: () => Promise<TestPortal> = startSitePortal): {
  readonly base: string;
  readonly browser: Browser;
} {
  let site: BrowserSite | undefined;
  before(async () => {
    site = await startBrowserSite(start);
  });
  after(async () => site?.close());
  const started = () => {
    if (!site) throw new Error('the browser site starts in the suite’s before hook');
    return site;
  };
  return {
    get base() {
      return started().base;
    },
    get browser() {
      return started().browser;
    },
  };
}
