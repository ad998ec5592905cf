// The device class of a user agent, by a small rule of our own: a class is all the dashboard
// shows, so a full parser (and its updates) would buy nothing here.

import type { DeviceClass } from './events.ts';

const TABLET = /\b(ipad|tablet|playbook|silk|kindle)\b|android(?!.*\bmobile\b)/i;
const MOBILE = /\b(mobi|mobile|iphone|ipod|windows phone|opera mini|iemobile|blackberry)\b/i;

export function deviceClass(userAgent: string | undefined): DeviceClass {
  if (!userAgent) return 'desktop';
  if (TABLET.test(userAgent)) return 'tablet';
  if (MOBILE.test(userAgent)) return 'mobile';
  return 'desktop';
}
