/**
 * The languages the offline model reads and answers in, and which of them a message is written in. A new language
 * is a folder of rules behind `LanguageRules` (language.ts) and one entry in `LANGUAGES`; nothing else changes.
 */
import { ENGLISH } from './en/english';
import type { LanguageRules } from './language';
import { ROMAN_URDU, URDU } from './ur/urdu';

/** Every language, the default first (a conversation starts in it). */
export const LANGUAGES: readonly LanguageRules[] = [ENGLISH, URDU, ROMAN_URDU];

export const DEFAULT_LANGUAGE: LanguageRules = LANGUAGES[0];

/** What the language of the previous message adds to a language's score: weak signs ("2", "ok") keep it. */
const PREVIOUS_BONUS = 0.25;

/**
 * The languages a message may be in, the likeliest first: by each language's own `detect`, the language of the
 * previous message winning when the signs are weak. Every language is listed, so that a message one language cannot
 * read is still tried in the others.
 */
export function rankLanguages(message: string, previous: LanguageRules = DEFAULT_LANGUAGE): LanguageRules[] {
  const scored = LANGUAGES.map((language, order) => ({
    language,
    order,
    score: language.detect(message) + (language === previous ? PREVIOUS_BONUS : 0),
  }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.language);
}
