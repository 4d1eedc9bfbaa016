/** The languages the server writes its own words in (tool progress, widgets, errors); English is the default. */
export const LANGUAGES = ['en', 'ur', 'ar', 'es', 'fr', 'de'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Entries of an Accept-Language header read at most: a longer header is not a browser's. */
const MAX_RANGES = 20;

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The q-value of one Accept-Language entry's parameters (1 when absent, NaN when malformed). */
function quality(params: string[]): number {
  const q = params.map((p) => p.trim()).find((p) => /^q\s*=/i.test(p));
  if (q === undefined) return 1;
  const value = q.slice(q.indexOf('=') + 1).trim();
  return /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : NaN;
}

/**
 * The best of our languages for an Accept-Language header: the entries by q-value (ties keep the header's order),
 * the first whose primary subtag we write in ("ur-PK,ur;q=0.9,en;q=0.8" → ur; "ja,de;q=0.5" → de). English when
 * none fits, for `*`, and without a header.
 */
export function languageFor(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const ranges = acceptLanguage
    .split(',', MAX_RANGES)
    .map((entry, order) => {
      const [tag = '', ...params] = entry.split(';');
      return { primary: tag.trim().toLowerCase().split('-')[0], q: quality(params), order };
    })
    .filter((r) => r.q > 0) // q=0 means "not this one"; NaN (malformed) is dropped too
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges.map((r) => r.primary).find(isLanguage) ?? DEFAULT_LANGUAGE;
}
