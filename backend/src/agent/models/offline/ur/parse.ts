/**
 * Reads one Urdu message — Urdu script or Roman Urdu — into an intent, without looking at the conversation. The
 * message is normalized first (normalize.ts); rules are ordered from the most specific to the most general, each
 * anchored on the verb that ends an Urdu sentence.
 */
import type { Intent } from '../intent';
import {
  addRules,
  bulkRules,
  completeRules,
  deleteRules,
  dueRules,
  listRules,
  questionRules,
  renameRules,
  reopenRules,
  type Said,
  undoRules,
} from './commands';
import { isShouting, stripPoliteness } from './new-tasks';
import { normalize } from './normalize';
import { choice, smallTalk } from './small-talk';
import { oneOf } from './vocabulary';

const RULES: ReadonlyArray<(said: Said) => Intent | undefined> = [
  undoRules,
  listRules,
  questionRules,
  bulkRules,
  renameRules,
  dueRules,
  reopenRules,
  completeRules,
  deleteRules,
  addRules,
];

/** "… aur …", "… phir …": two commands in one message, when both sides are commands. */
const THEN = new RegExp(`\\s*,?\\s+${oneOf('aur phir', 'phir', 'aur', 'اور پھر', 'پھر', 'اور')}\\s+`, 'iu');

/** Parses one Urdu message. Deterministic and context-free. */
export function parseUrdu(message: string): Intent {
  const n = normalize(message);
  const shouting = isShouting(message);
  const question = /\?[\s!.]*$/.test(n.text);
  const t = stripPoliteness(n.text)
    .replace(/[\s.!?…]+$/u, '')
    .trim();
  const said: Said = { n, t, shouting, question };
  const chat = smallTalk(t) ?? choice(t);
  if (chat) return chat;
  // "task 1 mukammal karo aur doodh add karo": each side a command of its own.
  const parts = t.split(THEN);
  if (parts.length > 1) {
    const intents = parts.map((part) => command({ ...said, t: part, question: false }));
    if (intents.every((i): i is Intent => i !== undefined)) return { kind: 'sequence', parts: intents };
  }
  return command(said) ?? { kind: 'unknown' };
}

function command(said: Said): Intent | undefined {
  if (said.t === '') return undefined;
  for (const rule of RULES) {
    const intent = rule(said);
    if (intent) return intent;
  }
  return undefined;
}
