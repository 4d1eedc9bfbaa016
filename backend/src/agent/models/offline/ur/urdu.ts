/**
 * Urdu, as the offline model reads and speaks it: one set of rules for both scripts people type it in, and two sets
 * of replies — Urdu script to a message in Urdu script, Roman Urdu to a message in Roman Urdu.
 */
import type { Intent } from '../intent';
import type { LanguageRules } from '../language';
import { dueWords } from './dates';
import { detectRomanUrdu, detectUrduScript } from './detect';
import {
  descriptionText,
  extractNewTasks,
  isShouting,
  splitDescription,
  stripPoliteness,
  toTitle,
} from './new-tasks';
import { parseUrdu } from './parse';
import * as replies from './replies';
import * as romanReplies from './roman-replies';
import { isPluralName, parseTarget, partOfDayIn, splitNames } from './targets';
import { normalize } from './normalize';

/** Latin letters and no Urdu ones: Roman Urdu, never Urdu script (and the reverse). */
const hasArabicLetters = (text: string): boolean => /\p{Script=Arabic}/u.test(text);
const hasLatinLetters = (text: string): boolean => /[A-Za-z]/.test(text);
const UNKNOWN: Intent = { kind: 'unknown' };

const rules = {
  parseTarget,
  extractNewTasks,
  splitDescription,
  descriptionText,
  stripPoliteness,
  isShouting,
  toTitle,
  isDueWords: (text: string) => dueWords(normalize(text).text) !== undefined,
  splitNames,
  partOfDayIn,
  isPluralName,
};

/** Urdu in Urdu script (Nastaliq / Naskh). */
export const URDU: LanguageRules = {
  code: 'ur',
  detect: detectUrduScript,
  parse: (message) => (hasLatinLetters(message) && !hasArabicLetters(message) ? UNKNOWN : parseUrdu(message)),
  ...rules,
  replies,
};

/** Urdu in Latin letters, as it is typed in chats ("doodh add karo"). */
export const ROMAN_URDU: LanguageRules = {
  code: 'ur-Latn',
  detect: detectRomanUrdu,
  parse: (message) => (detectUrduScript(message) === 1 ? UNKNOWN : parseUrdu(message)),
  ...rules,
  replies: romanReplies,
};
