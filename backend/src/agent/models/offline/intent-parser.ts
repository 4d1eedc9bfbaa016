/**
 * Turns one user message into an intent, without looking at the conversation: the planner resolves references
 * ("it", "the second one") and pending questions afterwards. The reading itself is the language's: its rules live in
 * a folder of their own (en/ for English, ur/ for Urdu), behind the `LanguageRules` of language.ts; which language a
 * message is in is decided here (languages.ts ranks them).
 */
import { LRUCache } from 'lru-cache';
import { type Intent, MAX_MESSAGE_CHARS } from './intent';
import type { LanguageRules } from './language';
import { DEFAULT_LANGUAGE, rankLanguages } from './languages';

/** A message read: what it means, and the language it was read in (the one the model answers in). */
export interface Reading {
  language: LanguageRules;
  intent: Intent;
}

/**
 * Reads one message in the likeliest language (`previous`: the language of the message before, which short answers
 * such as "2" keep). A message that language cannot read is read in the next likeliest that can: a false sign of a
 * language never costs a command. Deterministic.
 */
export function readMessage(message: string, previous: LanguageRules = DEFAULT_LANGUAGE): Reading {
  const ranked = rankLanguages(message, previous);
  if (message.length > MAX_MESSAGE_CHARS) return { language: ranked[0], intent: { kind: 'too_long' } };
  let first: Reading | undefined;
  for (const language of ranked) {
    const intent = parseOnce(language, message);
    if (intent.kind !== 'unknown') return { language, intent };
    first ??= { language, intent };
  }
  return first ?? { language: DEFAULT_LANGUAGE, intent: { kind: 'unknown' } };
}

/** Parses one user message (as the first message of a conversation). Deterministic and context-free. */
export function parseIntent(message: string): Intent {
  return readMessage(message).intent;
}

// Every model call replays the whole thread, so each earlier message was parsed on every step of every turn
// (~1 ms per turn in a 40-item thread). Intents are pure functions of the text and the language: parse each once.
// At most ~6 MB: 2,000 texts of at most MAX_MESSAGE_CHARS (longer ones are not parsed).
const parsedIntents = new LRUCache<string, Intent>({ max: 2_000 });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The language's reading of a message, remembered. Frozen: it is shared by every caller with that text. */
function parseOnce(language: LanguageRules, message: string): Intent {
  const key = `${language.code}\u0000${message}`;
  let intent = parsedIntents.get(key);
  if (!intent) {
    intent = deepFreeze(language.parse(message));
    parsedIntents.set(key, intent);
  }
  return intent;
}

/** `parseIntent`, remembered per text. The result is frozen: it is shared by every caller with that text. */
export function parseIntentOnce(message: string): Intent {
  return readMessage(message).intent;
}
