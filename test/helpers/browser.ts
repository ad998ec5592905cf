// Debian's Chromium driven by playwright-core, for the site's browser tests (no downloaded
// browser: the machines have no internet). `.ci/run` installs the `chromium` package.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/audit/chromium.ts';

/** Where screenshots go for review (ignored by git). */
export const SCREENSHOTS = join(
  new URL('../..', import.meta.url).pathname,
  'test-output',
  'screenshots',
);

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install Debian's chromium package (.ci/run does)`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
}
