// Who is a robot. On the site's pages, any agent the `isbot` list knows (crawlers, previewers,
// monitors, HTTP libraries: no person reads a page through curl) or no agent at all. On the API
// and the download URLs, scripts are the expected clients of an open data portal: there only
// crawlers (an agent `isbot` knows that also calls itself a bot, crawler or spider) are robots.

import { isbot } from 'isbot';

import type { EventType } from './events.ts';

const CRAWLER = /bot\b|bot\/|crawl|spider|slurp|archiver|scrap/i;

export function isRobot(userAgent: string, kind: EventType | 'other'): boolean {
  if (userAgent.trim() === '') return kind === 'page';
  if (!isbot(userAgent)) return false;
  return kind === 'page' || kind === 'error' || kind === 'other' || CRAWLER.test(userAgent);
}
