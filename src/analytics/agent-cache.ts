// What the measurement reads from a user agent (robot or not, device class), remembered per
// agent string: the same few hundred agents make most requests, and `isbot`'s pattern is the
// costliest step of counting one. Memory only, bounded, emptied when full.

import type { DeviceClass, EventType } from './events.ts';
import { deviceClass } from './device.ts';
import { isRobot } from './robots.ts';

export interface AgentTraits {
  /** Robot on pages; robot on the API and download URLs (crawlers only). */
  pageRobot: boolean;
  apiRobot: boolean;
  device: DeviceClass;
}

const MAX_AGENTS = 2_000;
const agents = new Map<string, AgentTraits>();

export function agentTraits(userAgent: string): AgentTraits {
  let traits = agents.get(userAgent);
  if (!traits) {
    if (agents.size >= MAX_AGENTS) agents.clear();
    traits = {
      pageRobot: isRobot(userAgent, 'page'),
      apiRobot: isRobot(userAgent, 'api'),
      device: deviceClass(userAgent),
    };
    agents.set(userAgent, traits);
  }
  return traits;
}

/** Whether the agent counts as a robot for a request of this kind. */
export function isRobotFor(traits: AgentTraits, kind: EventType | 'other'): boolean {
  return kind === 'api' || kind === 'download' || kind === 'search'
    ? traits.apiRobot
    : traits.pageRobot;
}
