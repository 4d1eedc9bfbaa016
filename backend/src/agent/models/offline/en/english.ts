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

export const ENGLISH: LanguageRules = {
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
