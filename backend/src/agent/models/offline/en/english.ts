/**
 * English, as the offline model reads and speaks it: the rules of this folder behind the `LanguageRules` contract.
 */
import { isDueWords } from '../../../../tasks/schedule/due-dates';
import type { LanguageRules } from '../language';
import { descriptionText } from './descriptions';
import { extractNewTasks, splitDescription } from './new-tasks';
import { parseEnglish } from './parse';
import * as replies from './replies';
import { isPluralName, parseTarget, partOfDayIn, splitNames } from './targets';
import { stripPoliteness } from './chatter';
import { isShouting, toTitle } from './text-normalize';

/** Words any language's speakers type as they are: they say nothing about the language. */
const NEUTRAL_WORDS = new Set(['ok', 'okay', 'k', 'task', 'tasks', 'todo', 'todos', 'list']);

/**
 * Latin-script words read as English unless a language with stronger signs claims them (Roman Urdu by its
 * vocabulary): a middling score. Digits, emoji and "ok" alone say nothing.
 */
function detectEnglish(message: string): number {
  const words = message.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((w) => !NEUTRAL_WORDS.has(w)) ? 0.5 : 0;
}

export const ENGLISH: LanguageRules = {
  code: 'en',
  detect: detectEnglish,
  parse: parseEnglish,
  parseTarget,
  extractNewTasks,
  splitDescription,
  descriptionText,
  stripPoliteness,
  isShouting,
  toTitle,
  isDueWords,
  splitNames,
  partOfDayIn,
  isPluralName,
  replies,
};
