// The site's options, from the composition root.

import type { SurfaceOptions } from '../http/services.ts';

export interface SiteOptions extends SurfaceOptions {
  portalName: string;
  /** The French State's identity: the Marianne block and "République française". */
  stateIdentity: boolean;
  /**
   * The portal counts its own anonymous audience (issue #9): the consent panel and the cookie
   * policy then describe it and offer its opt-out.
   */
  audienceStatistics: boolean;
  /** Months its counters are kept (the cookie policy says so); 25 when unset. */
  audienceRetentionMonths?: number;
}
