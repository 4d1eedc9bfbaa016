import { allLocales, sourceLocale } from './generated/locale-codes.js';

/** A language the widget speaks: one of its message catalogs (`xliff/<locale>.xlf`). */
export type WidgetLocale = (typeof allLocales)[number];

/** Where the language came from, in order of precedence. */
export type LocaleSource = 'attribute' | 'site' | 'browser' | 'default';

export interface LocaleChoice {
  /** The catalog the widget's words come from. */
  locale: WidgetLocale;
  /**
   * The language tag as it was asked for ("ur-PK"): the `lang` of the panel, Accept-Language, dates and
   * dictation. The catalog's own code when nothing asked (`default`).
   */
  tag: string;
  source: LocaleSource;
}

export interface LocaleWishes {
  /** The element's `locale` attribute (or property). */
  attribute?: string | null;
  /** The site's `locale` setting. */
  site?: string | null;
  /** The browser's languages, most wanted first (`navigator.languages`). */
  browser?: readonly string[];
}

const SUPPORTED: ReadonlySet<string> = new Set(allLocales);

/** Languages written right to left among the catalogs. */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'ur']);

/**
 * The catalog for one language tag: the tag itself ("de"), else its language without region or script ("ur-PK",
 * "ur_PK" → "ur"). Case does not matter.
 */
export function catalogFor(tag: string | null | undefined): WidgetLocale | undefined {
  const normal = tag?.trim().replace(/_/g, '-').toLowerCase();
  if (!normal) return undefined;
  if (SUPPORTED.has(normal)) return normal as WidgetLocale;
  const language = normal.split('-')[0];
  return SUPPORTED.has(language) ? (language as WidgetLocale) : undefined;
}

/**
 * The widget's language: the `locale` attribute, else the site's setting, else the first of the browser's
 * languages the widget speaks, else English. A wish in a language without a catalog ("ja") passes to the next.
 */
export function chooseLocale(wishes: LocaleWishes): LocaleChoice {
  const asked: Array<[string | null | undefined, LocaleSource]> = [
    [wishes.attribute, 'attribute'],
    [wishes.site, 'site'],
    ...(wishes.browser ?? []).map((tag): [string, LocaleSource] => [tag, 'browser']),
  ];
  for (const [tag, source] of asked) {
    const locale = catalogFor(tag);
    if (locale && tag) return { locale, tag: tag.trim().replace(/_/g, '-'), source };
  }
  return { locale: sourceLocale, tag: sourceLocale, source: 'default' };
}

/** The writing direction of a language tag. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(tag.split(/[-_]/)[0].toLowerCase()) ? 'rtl' : 'ltr';
}
