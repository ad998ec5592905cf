// Walks the portal in Chromium in one consent state, in a fresh browser context: the home page,
// the banner's choice (refuse all or accept all, none in the "no choice" state), one language
// change (so the language cookie is observed), every front office template, then, given an
// account, signing in, the account page and the back office pages that exist.

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { CONSENT_COOKIE, LANGUAGE_COOKIE, SESSION_COOKIE } from '../core/cookies.ts';
import type { AuditState, StateRecord } from './model.ts';
import type { PageTemplate } from './pages.ts';
import { ACCOUNT_PAGE, BACK_OFFICE_HOME, backOfficeLinks, frontOfficePages } from './pages.ts';
import { StateTracker } from './state-tracker.ts';

export interface Credentials {
  email: string;
  password: string;
}

export interface RecordPlan {
  /** The portal's root URL. */
  portalUrl: string;
  /** The dataset whose tabs are visited; null when the portal has none. */
  datasetId: string | null;
  credentials: Credentials | null;
}

/** The banner button each state clicks (see the consent banner in docs/consent.md). */
const CHOICES: Record<AuditState, string | null> = {
  'no-choice': null,
  refused: 'refuse-all',
  accepted: 'accept-all',
};

const LOAD_TIMEOUT_MS = 30_000;
/** How long a page may keep fetching (tiles, a consented script) before it is read. */
const IDLE_TIMEOUT_MS = 5_000;
/** No request for this long: the page has settled. */
const QUIET_MS = 250;
const COOKIE_WAIT_MS = 10_000;

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

class Walker {
  constructor(
    private readonly page: Page,
    private readonly context: BrowserContext,
    private readonly tracker: StateTracker,
    private readonly base: URL,
  ) {}

  /** Lets the page finish its requests (within reason), then records what it holds. */
  private async settle(): Promise<void> {
    await this.page.waitForLoadState('load', { timeout: LOAD_TIMEOUT_MS }).catch(() => undefined);
    await this.tracker.quiet(this.page, QUIET_MS, IDLE_TIMEOUT_MS);
    await this.tracker.snapshot(this.page, this.context);
  }

  /** Visits a page; with `skipMissing`, a page that does not exist is left out of the report. */
  async visit(
    template: PageTemplate,
    signedIn = false,
    skipMissing = false,
  ): Promise<number | null> {
    this.tracker.page = template.name;
    let status: number | null = null;
    try {
      const response = await this.page.goto(new URL(template.path, this.base).href, {
        waitUntil: 'load',
        timeout: LOAD_TIMEOUT_MS,
      });
      status = response?.status() ?? null;
    } catch (error) {
      this.tracker.problem(`${template.path} did not load: ${message(error)}`);
    }
    if (skipMissing && (status === 404 || status === 403)) return status;
    await this.settle();
    this.tracker.visited({ name: template.name, path: template.path, status, signedIn });
    if (status !== null && status >= 500) {
      this.tracker.problem(`${template.path} answered ${status}: its cookies were not all seen`);
    }
    return status;
  }

  private async waitForCookie(name: string): Promise<boolean> {
    const until = Date.now() + COOKIE_WAIT_MS;
    while (Date.now() < until) {
      if ((await this.context.cookies()).some((cookie) => cookie.name === name)) return true;
      await this.page.waitForTimeout(100);
    }
    return false;
  }

  /**
   * Clicks a button (or, with `key`, presses that key on the element, as a keyboard user
   * does) and waits for the cookie it should set; false (and a problem) if none.
   */
  private async actFor(
    selector: string,
    cookie: string,
    step: string,
    key?: string,
  ): Promise<boolean> {
    const target = this.page.locator(selector).first();
    if ((await target.count()) === 0) {
      this.tracker.problem(`${step}: no ${selector} on ${this.page.url()}`);
      return false;
    }
    this.tracker.page = step;
    try {
      if (key) await target.press(key, { timeout: LOAD_TIMEOUT_MS });
      else await target.click({ timeout: LOAD_TIMEOUT_MS });
    } catch (error) {
      this.tracker.problem(`${step}: ${selector} could not be used: ${message(error)}`);
      return false;
    }
    const set = await this.waitForCookie(cookie);
    if (!set) this.tracker.problem(`${step}: no ${cookie} cookie after the click`);
    await this.settle();
    return set;
  }

  async choose(choice: string): Promise<void> {
    const selector = `#consent-banner button[name="choice"][value="${choice}"]`;
    await this.actFor(selector, CONSENT_COOKIE.name, `home, banner ${choice}`);
  }

  async changeLanguage(): Promise<void> {
    const selector = 'form[action="/i18n/setlang/"] button[name="language"]';
    await this.actFor(selector, LANGUAGE_COOKIE.name, 'language change');
  }

  async signIn({ email, password }: Credentials): Promise<boolean> {
    await this.visit({ name: 'sign-in form', path: `/login/?next=${ACCOUNT_PAGE.path}` });
    const form = 'form[action="/login/"]';
    try {
      await this.page.locator(`${form} input[name="email"]`).fill(email);
      await this.page.locator(`${form} input[name="password"]`).fill(password);
    } catch (error) {
      this.tracker.problem(`signing in: the sign-in form could not be filled: ${message(error)}`);
      return false;
    }
    // Enter in the password field submits the form even where the consent banner (fixed at
    // the bottom of the window while no choice is made) covers the submit button.
    const step = `signing in as ${email}`;
    return this.actFor(`${form} input[name="password"]`, SESSION_COOKIE.name, step, 'Enter');
  }

  /** The back office home and the pages it links to, when the account may see them. */
  async backOffice(): Promise<void> {
    const status = await this.visit(BACK_OFFICE_HOME, true, true);
    if (status !== 200 || !new URL(this.page.url()).pathname.startsWith(BACK_OFFICE_HOME.path)) {
      return;
    }
    const hrefs = await this.page.$$eval('a[href]', (links) =>
      links.map((link) => link.getAttribute('href') ?? ''),
    );
    for (const template of backOfficeLinks(hrefs, this.base.href)) {
      await this.visit(template, true, true);
    }
  }
}

/** Records one consent state in a fresh browser context, closed afterwards. */
export async function recordState(
  browser: Browser,
  state: AuditState,
  plan: RecordPlan,
): Promise<StateRecord> {
  const base = new URL(plan.portalUrl);
  const tracker = new StateTracker(state, base.origin);
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  try {
    tracker.watch(context);
    const walker = new Walker(await context.newPage(), context, tracker, base);
    await walker.visit({ name: 'home', path: '/' });
    const choice = CHOICES[state];
    if (choice) await walker.choose(choice);
    await walker.changeLanguage();
    for (const template of frontOfficePages(plan.datasetId)) await walker.visit(template);
    if (plan.credentials && (await walker.signIn(plan.credentials))) {
      await walker.visit({ name: 'home', path: '/' }, true);
      await walker.visit(ACCOUNT_PAGE, true);
      await walker.backOffice();
    }
    return await tracker.finish();
  } finally {
    await context.close();
  }
}
