// The whole audit of a running portal: read its registry (/cookies/registry.json), pick a
// dataset, record every state in Chromium (one browser, a fresh context per state), and judge.

import { existsSync } from 'node:fs';

import type { Browser } from 'playwright-core';

import type { CheckOptions } from './checker.ts';
import type { AuditRecord, AuditRegistry, AuditState } from './model.ts';
import { AUDIT_STATES } from './model.ts';
import { pickDataset, portalRoot } from './pages.ts';
import type { Credentials } from './recorder.ts';
import { recordState } from './recorder.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { REGISTRY_PATH, parseRegistry } from './registry.ts';
import type { AuditReport } from './report.ts';
import { STATE_LABELS, buildReport } from './report.ts';

const FETCH_TIMEOUT_MS = 30_000;

export interface AuditOptions {
  portalUrl: string;
  credentials?: Credentials | null;
  /** The dataset whose tabs are visited; by default the first with a map. */
  datasetId?: string;
  states?: readonly AuditState[];
  /** A browser to reuse (tests); else Chromium is launched from `chromiumPath` and closed. */
  browser?: Browser;
  chromiumPath?: string;
  check?: CheckOptions;
  /** Progress lines, for a terminal. */
  log?: (line: string) => void;
}

async function getJson(url: URL): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new Error(`cannot reach ${url.href}: ${cause ?? (error as Error).message}`);
  }
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${url.href} did not answer JSON`);
  }
}

export async function fetchRegistry(root: URL): Promise<AuditRegistry> {
  return parseRegistry(await getJson(new URL(REGISTRY_PATH, root)));
}

async function findDataset(root: URL): Promise<string | null> {
  const answer = await getJson(new URL('/api/explore/v2.1/catalog/datasets?limit=100', root));
  return pickDataset(answer as Parameters<typeof pickDataset>[0]);
}

export async function launchAuditBrowser(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install Debian's chromium package`);
  }
  // Imported here, not at the top: the bundled command line (scripts/bundle.mjs) inlines this
  // module and would load playwright-core (about 80 MB) in every command, `serve` included.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const log = options.log ?? (() => undefined);
  const root = portalRoot(options.portalUrl);
  const registry = await fetchRegistry(root);
  const datasetId = options.datasetId ?? (await findDataset(root));
  const browser = options.browser ?? (await launchAuditBrowser(options.chromiumPath));
  try {
    const record: AuditRecord = {
      portalUrl: root.href,
      startedAt: new Date().toISOString(),
      finishedAt: '',
      chromiumVersion: browser.version(),
      signedInAs: options.credentials?.email ?? null,
      states: [],
    };
    const plan = { portalUrl: root.href, datasetId, credentials: options.credentials ?? null };
    for (const state of options.states ?? AUDIT_STATES) {
      log(`Visiting ${root.href} (${STATE_LABELS[state]})…`);
      record.states.push(await recordState(browser, state, plan));
    }
    record.finishedAt = new Date().toISOString();
    return buildReport(registry, record, options.check);
  } finally {
    if (!options.browser) await browser.close();
  }
}
