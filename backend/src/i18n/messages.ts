import { ar } from './ar';
import type { Messages } from './catalog';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { Language } from './language';
import { ur } from './ur';

/** Every catalog, by language: a language without one does not compile. */
export const CATALOGS: Readonly<Record<Language, Messages>> = { en, ur, ar, es, fr, de };

/** The server's words in `language` (English when none is given). */
export function messagesFor(language: Language | undefined): Messages {
  return CATALOGS[language ?? 'en'];
}
