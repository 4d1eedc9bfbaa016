/**
 * Cases of the conversational table (conversational.ts) the offline model still gets wrong, by name, with why.
 * At most 3 % of the table; a case that starts passing must come off this list (the spec says so).
 */
export const KNOWN_MISSES: ReadonlyMap<string, string> = new Map<string, string>([]);
