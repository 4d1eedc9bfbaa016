import { configureLocalization, type LocaleModule } from '@lit/localize';
import { chooseLocale, type LocaleChoice } from './choose-locale.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

/**
 * The widget's message catalogs at run time (`@lit/localize`, runtime mode). Loaded with the panel's code: until
 * then every `msg()` answers in English, the source language, and no catalog is fetched. Each catalog is a chunk
 * of its own, fetched when its language is first chosen. The language is one per page (lit-localize's is global):
 * several assistants on a page speak the one chosen last, and each is told (`onLocaleChange`).
 */

type TargetLocale = (typeof targetLocales)[number];

// Literal imports, one per catalog: the bundler makes each a chunk and loads it only when asked.
const catalogs: Record<TargetLocale, () => Promise<LocaleModule>> = {
  ar: () => import('./generated/ar.js'),
  de: () => import('./generated/de.js'),
  es: () => import('./generated/es.js'),
  fr: () => import('./generated/fr.js'),
  ur: () => import('./generated/ur.js'),
};

let runtime: ReturnType<typeof configureLocalization> | undefined;
let current: LocaleChoice = { locale: sourceLocale, tag: sourceLocale, source: 'default' };
const listeners = new Set<(choice: LocaleChoice) => void>();

function localization(): ReturnType<typeof configureLocalization> {
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => catalogs[locale as TargetLocale](),
  });
  return runtime;
}

/**
 * Switches the page's assistants to the language these wishes choose. Resolves once its catalog is in use; a
 * catalog that cannot be fetched (offline) leaves the language as it was.
 */
export async function useLocale(wishes: Parameters<typeof chooseLocale>[0]): Promise<LocaleChoice> {
  const choice = chooseLocale(wishes);
  try {
    await localization().setLocale(choice.locale);
  } catch {
    return current;
  }
  // A later wish may have been granted meanwhile (setLocale settles every caller with the newest language).
  if (localization().getLocale() !== choice.locale) return current;
  current = choice;
  for (const listener of listeners) listener(choice);
  return choice;
}

/** The language in use. */
export function currentLocale(): LocaleChoice {
  return current;
}

/** Calls `listener` whenever the page's language changes; returns the way to stop. */
export function onLocaleChange(listener: (choice: LocaleChoice) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
