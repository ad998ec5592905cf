// The `timezone` parameter: an IANA zone id, UTC by default.

import { PortalError } from '../core/errors.ts';
import { isValidTimeZone } from '../util/iso-time.ts';

export function checkTimezone(timezone: string | undefined): string {
  const zone = timezone === undefined || timezone === '' ? 'UTC' : timezone;
  if (!isValidTimeZone(zone)) {
    throw new PortalError('DG_ERR_REST_INVALID_PARAMETER', {
      detail: `Invalid value for timezone API parameter: "${zone}" is not a known time zone.`,
    });
  }
  return zone;
}
