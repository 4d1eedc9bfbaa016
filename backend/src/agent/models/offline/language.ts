/**
 * What the offline model needs from a language: telling that a message is written in it, reading a message into an
 * intent, reading the short answers its questions get, and its own sentences. Each language is one folder of rules
 * (en/ for English, ur/ for Urdu in both its scripts) that provides these, listed once in languages.ts; the planner
 * and the rest of the model are the same for all.
 */
import type { Intent, NewTask, Target } from './intent';
import type * as EnglishReplies from './en/replies';

/** Every sentence the model says, as functions of the facts (English's shape is the contract; its words are not). */
export type Replies = {
  [K in keyof typeof EnglishReplies]: (typeof EnglishReplies)[K] extends string
    ? string
    : (typeof EnglishReplies)[K];
};

export interface LanguageRules {
  /** BCP 47 tag: "en", "ur" (Urdu script), "ur-Latn" (Roman Urdu). */
  code: string;
  /**
   * How surely a message is written in this language, from 0 (no sign of it) to 1 (certain). Context-free; the
   * model prefers the language of the previous message when the signs are weak ("2", "ok").
   */
  detect(message: string): number;
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
  /** A title as stored: trimmed, unquoted (English also capitalises the first letter). */
  toTitle(raw: string, shouting: boolean): string;
  /**
   * Words that name a date or time. The tools resolve English words ("Friday", "tomorrow at 3pm") on the server;
   * another language passes its dates on in those words (Urdu "کل" → "tomorrow").
   */
  isDueWords(text: string): boolean;
  /** The names in a list of tasks ("milk and rent" → "milk", "rent"). */
  splitNames(words: string): string[];
  /** The part of the day words name ("my morning meetings": 0–12 h), and the words without it. */
  partOfDayIn(words: string): { from: number; to: number; rest: string } | undefined;
  /** The words name several tasks ("meetings", "bills"). */
  isPluralName(words: string): boolean;
  replies: Replies;
}
