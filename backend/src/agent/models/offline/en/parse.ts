/**
 * Reads one English message into an intent, without looking at the conversation. Rules are ordered from the most
 * specific to the most general; each lives with its kind in this folder.
 */
import type { Correction, Intent } from '../intent';
import {
  addRules,
  bulkRules,
  completeCommandRules,
  completeSentenceRules,
  deleteRules,
  suggestAdd,
  updateRules,
} from './commands';
import { splitCompound } from './compound';
import { correctionOf, undoRules } from './corrections';
import { descriptionRules } from './descriptions';
import { reopenRules } from './negations';
import { listQuery } from './list-filters';
import { directQuestion, queryRules, wholeListQuestion } from './questions';
import { choice, smallTalk } from './small-talk';
import { fieldCommand } from './task-fields';
import { taskQuestion } from './task-questions';
import { parseTarget } from './targets';
import { stripPoliteness } from './chatter';
import { correctTypos, isShouting, stripQuotes } from './text-normalize';

/** Parses one English message. Deterministic and context-free. */
export function parseEnglish(message: string): Intent {
  const shouting = isShouting(message);
  const question = /\?[\s!.]*$/.test(message);
  const normalized = correctTypos(message.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim());
  const cleaned = stripPoliteness(normalized);
  // "if possible", "finally", "sorry" at the end may belong to a title or a note; elsewhere they are chat.
  const strict = stripPoliteness(normalized, true);
  const undo = undoRules(cleaned) ?? undoRules(strict);
  if (undo) return undo;
  let intent = parseAfterChat(cleaned, shouting, question);
  if (strict !== cleaned && !writesText(intent)) intent = parseAfterChat(strict, shouting, question);
  const correction = correctionOf(normalized);
  return correction ? asCorrection(correction, intent) : intent;
}

/** The intent writes the person's words into a task (a title, a note): its last words may be part of them. */
function writesText(intent: Intent): boolean {
  switch (intent.kind) {
    case 'add':
      return intent.tasks.length > 0;
    case 'suggest_add':
      return true;
    case 'act':
      return intent.action.verb === 'update' && (!!intent.action.title || !!intent.action.description);
    case 'sequence':
      return writesText(intent.parts[intent.parts.length - 1]);
    default:
      return false;
  }
}

/**
 * A correction, with what the words would mean otherwise (used when nothing was just done). A new value that is
 * itself a command ("make it high priority", "change that to …") stays that command: it applies as it is.
 */
function asCorrection(correction: Correction, intent: Intent): Intent {
  if (correction.by === 'value' && !['unknown', 'suggest_add', 'choice'].includes(intent.kind)) return intent;
  return isActionable(intent)
    ? { kind: 'correct', correction, fallback: intent }
    : { kind: 'correct', correction };
}

/**
 * The command, after any sentences of chat before it: "phew, long day. the report is finally done, can you check it
 * off?" — a first sentence that says nothing to act on is dropped when what follows it does.
 */
function parseAfterChat(cleaned: string, shouting: boolean, question: boolean): Intent {
  const intent = parseCommands(cleaned, shouting, question);
  // Words naming a task never run across a full stop ("long day. the report").
  const acrossSentences =
    intent.kind === 'act' && intent.target.by === 'words' && /[.!?…]\s/u.test(intent.target.query);
  if (intent.kind !== 'unknown' && !acrossSentences) return intent;
  const sentences = cleaned.split(/(?<=[.!?…])\s+/u);
  for (let i = 1; i < sentences.length; i++) {
    const chat = parseSingle(stripPoliteness(sentences.slice(0, i).join(' ')), shouting, true);
    if (isActionable(chat) || chat.kind === 'suggest_add') break;
    const rest = parseCommands(stripPoliteness(sentences.slice(i).join(' ')), shouting, question);
    if (rest.kind !== 'unknown' && rest.kind !== 'suggest_add') return rest;
  }
  return intent;
}

/** One command, or several in a row ("add milk and mark task 2 done"). */
function parseCommands(cleaned: string, shouting: boolean, question: boolean): Intent {
  const segments = splitCompound(cleaned);
  if (segments.length > 1) {
    const parts = segments.map((s, i) =>
      parseSingle(stripPoliteness(s), shouting, question && i === segments.length - 1),
    );
    if (parts.every(isActionable)) return { kind: 'sequence', parts };
  }
  return parseSingle(cleaned, shouting, question);
}

function isActionable(intent: Intent): boolean {
  return ![
    'greet',
    'thanks',
    'bye',
    'help',
    'choice',
    'unknown',
    'suggest_add',
    'sequence',
    'too_long',
  ].includes(intent.kind);
}

/** "adding milk" (after "would you mind") → "add milk". */
const GERUNDS: Readonly<Record<string, string>> = {
  adding: 'add',
  creating: 'create',
  deleting: 'delete',
  removing: 'remove',
  marking: 'mark',
  showing: 'show',
  listing: 'list',
  renaming: 'rename',
  changing: 'change',
  updating: 'update',
  completing: 'complete',
  reopening: 'reopen',
  unchecking: 'uncheck',
  clearing: 'clear',
};

/**
 * "the meeting got cancelled, delete it" / "I won't go to the dentist, remove it": the pronoun points at
 * the task the first clause talks about, which is then matched loosely (and still only acted on if unique).
 */
function clauseWithPronoun(t: string): Intent | undefined {
  const m =
    /^(.{3,}?)\s*(?:[,;.–—-]|\s+so)\s*(?:so\s+|please\s+|just\s+|pls\s+|you can\s+|can you\s+)?(.+?\b(?:it|that|this|that one|this one)\b.*)$/i.exec(
      t,
    );
  if (!m) return undefined;
  const command = parseSingle(m[2], false, false);
  if (command.kind !== 'act' || command.target.by !== 'focus') return undefined;
  const clause = stripQuotes(m[1].replace(/^(?:oh|well|so|ok(?:ay)?|um+|actually)\b[\s,]*/i, ''));
  // "great, mark it done": the clause is not about a task, so "it" keeps its usual meaning.
  if (clause.length < 3 || smallTalk(clause)) return command;
  // "task 3, delete it": the clause may itself name the task.
  const named = parseTarget(clause);
  if (named?.by === 'ids') return { ...command, target: named };
  if (choice(clause)) return command;
  return { ...command, target: { by: 'words', query: clause, loose: true } };
}

function parseSingle(input: string, shouting: boolean, question = false): Intent {
  const trimmed = input.replace(/[\s.!?…]+$/u, '').trim();
  const gerund = /^([a-z]+ing)\b/i.exec(trimmed)?.[1] ?? '';
  const base = GERUNDS[gerund.toLowerCase()];
  const t = directQuestion(unwrapMetaRequest(base ? base + trimmed.slice(gerund.length) : trimmed));
  return (
    smallTalk(t) ??
    choice(t) ??
    descriptionRules(t) ??
    fieldRules(t) ??
    filteredListRules(t) ??
    wholeListQuestion(t) ??
    taskQuestion(t) ??
    clauseWithPronoun(t) ??
    bulkRules(t) ??
    reopenRules(t) ??
    completeCommandRules(t) ??
    deleteRules(t) ??
    updateRules(t, shouting) ??
    queryRules(t) ??
    addRules(t, shouting) ??
    // A question ("did I call mom?") never completes or offers anything by itself.
    (question ? undefined : completeSentenceRules(t)) ??
    (question ? undefined : suggestAdd(t, shouting)) ?? { kind: 'unknown' }
  );
}

/** Priority, tags, due date and repeat of existing tasks ("tag task 4 as work", "move the dentist to Friday"). */
function fieldRules(t: string): Intent | undefined {
  const command = fieldCommand(t);
  if (!command) return undefined;
  const target = parseTarget(command.target);
  return target ? { kind: 'act', action: { verb: 'set', change: command.change }, target } : undefined;
}

/** "what's due this week?", "what's overdue?", "show my work tasks", "what should I do first?". */
function filteredListRules(t: string): Intent | undefined {
  const query = listQuery(t);
  if (query === 'first') return { kind: 'first' };
  if (!query) return undefined;
  const { status, ...filter } = query;
  return { kind: 'list', status, filter };
}

/** "I'd like to see my tasks", "can I delete task 3" → the command itself, when it is one. */
function unwrapMetaRequest(t: string): string {
  const m =
    /^(?:i (?:want|need|would like|'d like|wanna|have) to|i'd like to|i wanna|let me|let's|lets|let us|can i|could i|may i|help me|i'd love to|i want you to|i need you to)\s+(.+)$/i.exec(
      t,
    );
  if (!m) return t;
  const rest = m[1];
  if (/^(?:add|create)\b/i.test(rest)) return rest;
  if (/^(?:see|show|view|list|display|check|look at|review|go over)\b/i.test(rest)) {
    return /\b(?:tasks?|todos?|to-?do|list|pending|completed|done|finished|everything|agenda)\b/i.test(rest)
      ? rest
      : t;
  }
  if (
    /^(?:delete|remove|mark|rename|change|update|edit|complete|finish|uncheck|reopen|erase|cancel|clear|check off|tick off)\b/i.test(
      rest,
    ) &&
    /\b(?:task|tasks|todo|todos|item|it|that|this|them|one|#?\d+)\b/i.test(rest)
  ) {
    return rest;
  }
  return t;
}
