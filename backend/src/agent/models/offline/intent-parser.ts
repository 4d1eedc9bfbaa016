/**
 * Turns one user message into an intent, without looking at the conversation: the planner resolves references
 * ("it", "the second one") and pending questions afterwards. The reading itself is the language's: its rules live in
 * a folder of their own (en/ for English), behind the `LanguageRules` of language.ts.
 */
import { LRUCache } from 'lru-cache';
import { type Intent, MAX_MESSAGE_CHARS } from './intent';
import { LANGUAGE } from './language';

/** Parses one user message. Deterministic and context-free. Longer messages are not parsed. */
export function parseIntent(message: string): Intent {
  if (message.length > MAX_MESSAGE_CHARS) return { kind: 'too_long' };
  return LANGUAGE.parse(message);
}

// Every model call replays the whole thread, so each earlier message was parsed on every step of every turn
// (~1 ms per turn in a 40-item thread). Intents are pure functions of the text: parse each text once.
// At most ~6 MB: 2,000 texts of at most MAX_MESSAGE_CHARS (longer ones are not parsed).
const parsedIntents = new LRUCache<string, Intent>({ max: 2_000 });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** `parseIntent`, remembered per text. The result is frozen: it is shared by every caller with that text. */
export function parseIntentOnce(message: string): Intent {
  if (message.length > MAX_MESSAGE_CHARS) return parseIntent(message);
  let intent = parsedIntents.get(message);
  if (!intent) {
    intent = deepFreeze(parseIntent(message));
    parsedIntents.set(message, intent);
  }
  return intent;
}
