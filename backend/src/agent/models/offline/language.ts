/**
 * What the offline model needs from a language: reading a message into an intent, reading the short answers its
 * questions get, and its own sentences. Each language is one folder of rules (en/ for English) that provides these;
 * the planner and the rest of the model are the same for all.
 */
import type { Intent, NewTask, Target } from './intent';
import { ENGLISH } from './en/english';
import type * as EnglishReplies from './en/replies';

/** Every sentence the model says, as functions of the facts (English's shape is the contract). */
export type Replies = typeof EnglishReplies;

export interface LanguageRules {
  /** One message → its intent, deterministic and context-free. */
  parse(message: string): Intent;
  /** The object of a command or an answer naming a task: "task 3", "the second one", "the meeting task". */
  parseTarget(raw: string): Target | undefined;
  /** A reply to "what should the new task say?": one or several new tasks. */
  extractNewTasks(text: string, shouting: boolean, allowMulti?: boolean): NewTask[];
  /** "title: description" forms. */
  splitDescription(text: string): { title: string; description?: string };
  /** The text of a new description ('' clears it; undefined: no text). */
  descriptionText(value: string): string | undefined;
  /** The message without greetings, politeness and filler around it. */
  stripPoliteness(text: string): string;
  /** Written in capitals: titles should not keep them. */
  isShouting(text: string): boolean;
  /** A title as stored: trimmed, unquoted, first letter capitalised. */
  toTitle(raw: string, shouting: boolean): string;
  /** Words that name a date or time ("Friday", "tomorrow at 3pm"), passed to the tools as they are. */
  isDueWords(text: string): boolean;
  /** The names in a list of tasks ("milk and rent" → "milk", "rent"). */
  splitNames(words: string): string[];
  /** The part of the day words name ("my morning meetings": 0–12 h), and the words without it. */
  partOfDayIn(words: string): { from: number; to: number; rest: string } | undefined;
  /** The words name several tasks ("meetings", "bills"). */
  isPluralName(words: string): boolean;
  replies: Replies;
}

/** The language the offline model reads and answers in. */
export const LANGUAGE: LanguageRules = ENGLISH;
