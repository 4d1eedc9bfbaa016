import { Language, languageFor } from '../i18n/language';

/** The first language tag of an Accept-Language header ("de-DE,de;q=0.9" → "de-DE"), if it looks like one. */
export function primaryLocale(acceptLanguage: string | undefined): string | undefined {
  const tag = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
  return tag && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}

/**
 * What a request's Accept-Language tells a turn: the client's tag (for the model) and the language the server
 * writes its own words in (the best match among ours).
 */
export function localeOptions(acceptLanguage: string | undefined): { locale?: string; language: Language } {
  return { locale: primaryLocale(acceptLanguage), language: languageFor(acceptLanguage) };
}
