import { IANAZone } from 'luxon';

/** The zone of a user who never sent one (REST and MCP callers that never chatted). */
export const DEFAULT_TIME_ZONE = 'UTC';

const ZONE_MAX = 64;

/**
 * A time zone name the runtime's IANA database knows ("Europe/Berlin", "America/New_York", "UTC"), as browsers
 * report it (`Intl.DateTimeFormat().resolvedOptions().timeZone`). Fixed offsets ("+02:00") and made-up names are
 * refused. Kept as sent: ICU would "canonicalize" Asia/Kolkata to Asia/Calcutta.
 */
export function isTimeZone(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= ZONE_MAX &&
    /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value) &&
    IANAZone.isValidZone(value)
  );
}
