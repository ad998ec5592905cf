// The site's options, from the composition root.

import type { SurfaceOptions } from '../http/services.ts';

export interface SiteOptions extends SurfaceOptions {
  portalName: string;
  /** The French State's identity: the Marianne block and "République française". */
  stateIdentity: boolean;
}
