/**
 * Turns one user message into an intent, without looking at the conversation: the planner resolves
 * references ("it", "the second one") and pending questions afterwards. Rules are ordered from the most
 * specific to the most general, and anchored on the leading verb so that a title such as "add a task to
 * delete old emails" is never read as a deletion.
 */
import { LRUCache } from 'lru-cache';
import {
  type FieldChange,
  fieldCommand,
  hasFields,
  type ListFilter,
  listQuery,
  splitTaskFields,
  type TaskFields,
} from './task-fields-parser';
import type { StatusFilter, TaskRef } from './tool-contract';
import {
  NUMBER_WORD_PATTERN,
  ORDINAL_PATTERN,
  PAST_FORMS,
  correctTypos,
  isShouting,
  parseNumber,
  parseOrdinal,
  stripPoliteness,
  stripQuotes,
  toTitle,
} from './text-normalize';

export interface NewTask {
  title: string;
  description?: string;
  /** Priority, tags, due date (the person's words) and repeat, when they gave any. */
  fields?: TaskFields;
}

/** Which task(s) a command is about. */
export type Target =
  | { by: 'ids'; ids: number[] }
  | { by: 'words'; query: string; all?: boolean; loose?: boolean } // all: "both meeting tasks"; loose: a whole clause
  | { by: 'focus' } // it, that, this one
  | { by: 'them' } // them, those, both
  | { by: 'ordinal'; n: number } // 1-based position in the list last shown; -1 = last
  | { by: 'everything' }
  | { by: 'unspecified' }
  | { by: 'refs'; tasks: TaskRef[] }; // already resolved (answer to a question)

export type Action =
  | { verb: 'complete'; completed: boolean }
  | { verb: 'delete' }
  // description '' clears it; askFor: the user wants to change it but has not said to what yet
  | { verb: 'update'; title?: string; description?: string; askFor?: 'description' }
  | { verb: 'show' }
  // priority, tags, due date or repeat: several tasks at once are fine ("move my morning meetings to 2 PM")
  | { verb: 'set'; change: FieldChange };

/** A bare answer to a question: "the second one", "2", "task 5", "yes", "no", "both". */
export type Choice =
  | { by: 'ordinal'; n: number }
  | { by: 'number'; n: number }
  | { by: 'id'; id: number }
  | { by: 'yes' }
  | { by: 'no' }
  | { by: 'all' };

export type Intent =
  | { kind: 'greet' }
  | { kind: 'thanks' }
  | { kind: 'bye' }
  | { kind: 'help' }
  | { kind: 'add'; tasks: NewTask[] } // no tasks: ask for a title
  | { kind: 'list'; status: StatusFilter; filter?: Omit<ListFilter, 'status'> }
  | { kind: 'first' } // "what should I do first?"
  | { kind: 'count'; status: StatusFilter }
  | { kind: 'search'; query: string }
  | { kind: 'act'; action: Action; target: Target }
  | { kind: 'clear_completed' }
  | { kind: 'undo' }
  | { kind: 'choice'; choice: Choice }
  | { kind: 'suggest_add'; task: NewTask } // "buy milk": ask before adding
  | { kind: 'sequence'; parts: Intent[] }
  | { kind: 'too_long' }
  | { kind: 'unknown' };

/** Longer messages are not parsed: no command needs it, and some patterns are quadratic in the length. */
export const MAX_MESSAGE_CHARS = 1500;

// ---------------------------------------------------------------------------------------------------------
// Shared vocabulary

const NUM = `(?:\\d{1,9}|${NUMBER_WORD_PATTERN})`;
const TASK_NOUN = '(?:task|todo|to-do|item|reminder|entry)';
const DONE_WORD = '(?:done|complete|completed|finished|checked|ticked|closed|resolved|✓|✔|✅)';
const DONE_STATE =
  '(?:done|complete|completed|finished|taken care of|sorted(?: out)?|handled|dealt with|over|checked off|ticked off|crossed off|✓|✔|✅)';
const UNDONE_WORD =
  '(?:not (?:yet )?(?:done|complete|completed|finished)|undone|un-done|incomplete|uncompleted|unfinished|pending|open|todo|to do|to-do|active|outstanding|unchecked|not checked)';
const DELETE_VERB =
  '(?:delete|remove|erase|drop(?! off)|trash|discard|scrap|scratch|cancel|kill|ditch|nuke|axe|bin|get rid of|throw away|throw out|cross out|forget about|clear|eliminate|purge|wipe|rm|del)';
const UPDATE_VERB =
  '(?:change|rename|update|edit|modify|retitle|set|switch|alter|reword|correct|fix|replace|turn|amend)';
const DESC_NOUN = '(?:note|notes|description|desc|details|detail|comment)';
/** -ed words that do not mean "I did the task". */
const PAST_STOPLIST = new Set(
  'need needed want wanted planned decided forgot left thought saw started tried hoped wished added deleted removed created changed renamed updated listed wondered asked liked loved used expected intended missed forgotten meant supposed scheduled postponed delayed cancelled canceled'.split(
    ' ',
  ),
);
/** Verbs that start a typical task ("buy milk"): a bare phrase starting with one is offered as a new task. */
const TASK_VERBS = new Set(
  (
    'buy call pay email e-mail text phone ring book clean fix repair pick send write read schedule get visit water ' +
    'walk feed wash cook make renew return order prepare submit plan review study practice practise meet pack print ' +
    'mail post file sign bake mow vacuum iron do go take bring grab collect sort organize organise tidy pickup ' +
    'wrap finish start check register apply research learn exercise run workout cancel change update backup ' +
    'back empty fill refill charge install download upload shop dust sweep mop declutter donate sell drop ask ' +
    'reply respond follow invite thank congratulate celebrate'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------------------
// Entry point

/** Parses one user message. Deterministic and context-free. */
export function parseIntent(message: string): Intent {
  if (message.length > MAX_MESSAGE_CHARS) return { kind: 'too_long' };
  const shouting = isShouting(message);
  const question = /\?[\s!.]*$/.test(message);
  const cleaned = stripPoliteness(correctTypos(message.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim()));
  const segments = splitCompound(cleaned);
  if (segments.length > 1) {
    const parts = segments.map((s, i) =>
      parseSingle(stripPoliteness(s), shouting, question && i === segments.length - 1),
    );
    if (parts.every(isActionable)) return { kind: 'sequence', parts };
  }
  return parseSingle(cleaned, shouting, question);
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

/**
 * "add milk and mark task 2 done" → two commands. Only split before a clear command, so that a title
 * containing "and" stays whole.
 */
function splitCompound(text: string): string[] {
  const boundary =
    /(?:\s*[.;!]\s+|\s*,?\s+(?:and\s+)?then\s+|\s*,?\s+and\s+(?:also\s+)?|\s*,\s*also\s+|\s+also\s+)(?=(?:add|create|delete|remove|mark|complete|finish|show|list|rename|change|update|reopen|uncheck|check off|tick off|what's|what is)\b)/i;
  const parts: string[] = [];
  let rest = text;
  for (let i = 0; i < 5; i++) {
    const m = boundary.exec(rest);
    if (!m) break;
    const head = rest.slice(0, m.index);
    const tail = rest.slice(m.index + m[0].length);
    // "add a task to check email and delete spam" is one task: only split after an add when the next
    // part names a task explicitly.
    // So is a new description: "set the notes of task 1 to add cream, then delete the old carton".
    if (
      (/^(?:add|create|remind|new)\b/i.test(head) || setsDescription(head)) &&
      !/\b(?:task|tasks|todo|list|it|#?\d+)\b|^(?:add|create|show|list|what)/i.test(tail)
    ) {
      break;
    }
    parts.push(head);
    rest = tail;
  }
  parts.push(rest);
  return parts.filter((p) => p.trim().length > 0);
}

function setsDescription(text: string): boolean {
  const intent = descriptionRules(text);
  return intent?.kind === 'act' && intent.action.verb === 'update' && !!intent.action.description;
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
  const t = unwrapMetaRequest(base ? base + trimmed.slice(gerund.length) : trimmed);
  return (
    smallTalk(t) ??
    choice(t) ??
    descriptionRules(t) ??
    fieldRules(t) ??
    filteredListRules(t) ??
    clauseWithPronoun(t) ??
    bulkRules(t) ??
    reopenRules(t) ??
    completeCommandRules(t) ??
    deleteRules(t) ??
    updateRules(t, shouting) ??
    queryRules(t) ??
    statusQuestion(t) ??
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

// ---------------------------------------------------------------------------------------------------------
// Rules

function smallTalk(t: string): Intent | undefined {
  const s = t
    .toLowerCase()
    .replace(/[!?.,]+/g, '')
    .trim();
  if (
    /^(?:help|help me|help please|what can you do|what do you do|what can i (?:do|say|ask)|how does (?:this|it) work|how do i use (?:this|you|it)|how do you work|commands|options|menu|who are you|what are you|instructions|usage|examples?|what (?:can|do) you (?:do|help with|support)|what are your commands|\?*)$/.test(
      s,
    )
  ) {
    return { kind: 'help' };
  }
  if (
    /^(?:hi|hello|hey|hiya|howdy|yo|sup|hola|greetings|good (?:morning|afternoon|evening|day)|what'?s up|how are you|how's it going)(?: there)?(?: (?:bot|assistant|buddy|friend|again))?$/.test(
      s,
    )
  ) {
    return { kind: 'greet' };
  }
  if (
    /^(?:(?:great|awesome|perfect|cool|nice|ok|okay|excellent|wonderful|brilliant|amazing|super|sweet|lovely)\s*)?(?:thanks?(?: you)?(?: so much| very much| a lot)?|thank u|thx|ty|cheers|much appreciated|appreciate it|great job|well done|good job|nice one)$/.test(
      s,
    ) ||
    /^(?:great|awesome|perfect|cool|nice|excellent|wonderful|brilliant|amazing|super|sweet|lovely|good|got it)$/.test(
      s,
    )
  ) {
    return { kind: 'thanks' };
  }
  if (
    /^(?:bye|goodbye|good bye|see you(?: later)?|see ya|cya|later|good night|goodnight|that's all|that is all|nothing else)$/.test(
      s,
    )
  ) {
    return { kind: 'bye' };
  }
  return undefined;
}

function choice(t: string): Intent | undefined {
  const s = t
    .toLowerCase()
    .replace(/[!?.,]+$/g, '')
    .trim();
  const pick = (c: Choice): Intent => ({ kind: 'choice', choice: c });
  if (
    /^(?:no|nope|nah)\b[,.!]?\s+(?:don't|do not|never ?mind|cancel|stop|keep|leave|thanks|thank you|not)\b/.test(
      s,
    )
  )
    return pick({ by: 'no' });
  if (
    /^(?:yes|yeah|yep|yup|sure|ok|okay)\b[,.!]?\s+(?:please|do it|go ahead|go for it|that's right|thanks|sure)$/.test(
      s,
    )
  )
    return pick({ by: 'yes' });
  if (
    /^(?:no|nope|nah|none|neither|neither of them|neither one|none of them|cancel|never ?mind|forget it|stop|don't|do not|no thanks|no thank you|not now|skip|abort|leave it|keep (?:it|them|both)|n|no way|don't do it|do nothing)$/.test(
      s,
    )
  ) {
    return pick({ by: 'no' });
  }
  if (
    /^(?:yes|yeah|yea|yep|yup|sure|ok|okay|k|y|confirm|confirmed|do it|go ahead|please do|correct|right|that's right|that one|exactly|yes please|yes do it|sure thing|absolutely|of course|affirmative|yes,? (?:delete|remove|add|do) (?:it|them|all|all of them|everything))$/.test(
      s,
    )
  ) {
    return pick({ by: 'yes' });
  }
  if (
    /^(?:both|all|all of them|both of them|each|every one|everything|all three|all of those|all those|the whole lot)$/.test(
      s,
    )
  ) {
    return pick({ by: 'all' });
  }
  let m = new RegExp(`^(?:the )?(${ORDINAL_PATTERN})(?: one| task| item| todo| option| entry)?$`).exec(s);
  if (m) {
    const n = parseOrdinal(m[1]);
    if (n !== undefined) return pick({ by: 'ordinal', n });
  }
  m = new RegExp(`^(?:task|todo|item) ?#? ?(${NUM})$|^#\\s*(\\d+)$`).exec(s);
  if (m) {
    const id = parseNumber(m[1] ?? m[2]);
    if (id !== undefined) return pick({ by: 'id', id });
  }
  m = new RegExp(`^(?:number|no\\.?|nr\\.?|option|choice|num)? ?#? ?(${NUM})(?: one| please)?$`).exec(s);
  if (m) {
    const n = parseNumber(m[1]);
    if (n !== undefined) return pick({ by: 'number', n });
  }
  return undefined;
}

function bulkRules(t: string): Intent | undefined {
  if (
    /^(?:clear|delete|remove|erase|purge|clean(?: up| out)?|get rid of|archive|trash|wipe|drop|discard)\s+(?:out\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(?:completed|done|finished|checked(?: off)?|ticked(?: off)?|closed|old completed|complete)(?:\s+(?:tasks|todos|to-dos|items|ones|stuff|things|entries))?(?:\s+(?:from|off|on)\s+(?:my|the)\s+list)?$/i.test(
      t,
    ) ||
    /^(?:clear|delete|remove|erase|purge|get rid of|trash|wipe)\s+(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+)?(?:tasks|todos|items|ones|things)\s+(?:that\s+are|that're|which\s+are|i(?:'ve| have)|marked(?:\s+as)?|already)\s+(?:already\s+)?(?:done|completed|finished|checked off|complete)$/i.test(
      t,
    ) ||
    /^(?:clear|delete|remove)\s+(?:everything|all)\s+(?:that's|that is|i've|i have)\s+(?:done|completed|finished)$/i.test(
      t,
    )
  ) {
    return { kind: 'clear_completed' };
  }
  if (
    /^(?:delete|remove|clear|erase|wipe|trash|purge|get rid of|empty)\s+(?:out\s+)?(?:all|everything|every(?: single)? (?:task|todo|item)|all (?:of )?(?:my|the) (?:tasks|todos|items|to-dos)|all tasks|(?:my|the) (?:whole|entire|complete) (?:list|to-?do list|task list)|my (?:list|tasks|to-?do list|task list|todos)|the list)(?:\s+(?:from|on)\s+(?:my|the)\s+list)?$/i.test(
      t,
    ) ||
    /^(?:start over|start fresh|reset (?:my )?(?:list|tasks))$/i.test(t)
  ) {
    return { kind: 'act', action: { verb: 'delete' }, target: { by: 'everything' } };
  }
  if (
    /^(?:mark|check off|tick off|complete|finish|close)\s+(?:all|everything|every (?:task|todo|item)|all (?:of )?(?:my|the) (?:pending |open |remaining )?(?:tasks|todos|items))(?:\s+(?:as\s+)?(?:done|complete|completed|finished))?$/i.test(
      t,
    ) ||
    /^(?:i(?:'m| am|'ve| have)?\s+)?(?:done|finished|completed)\s+(?:with\s+)?(?:everything|all (?:of )?(?:my|the) tasks)$/i.test(
      t,
    )
  ) {
    return { kind: 'act', action: { verb: 'complete', completed: true }, target: { by: 'everything' } };
  }
  if (
    /^(?:undo|undo (?:that|it|this|the last (?:one|change|action))|revert(?: that| it)?|take (?:that|it) back)$/i.test(
      t,
    )
  ) {
    return { kind: 'undo' };
  }
  return undefined;
}

function act(action: Action, targetText: string | undefined): Intent | undefined {
  const target = targetText === undefined ? { by: 'unspecified' as const } : parseTarget(targetText);
  return target ? { kind: 'act', action, target } : undefined;
}

function reopenRules(t: string): Intent | undefined {
  const reopen: Action = { verb: 'complete', completed: false };
  let m =
    /^(?:re-?open|uncheck|un-check|untick|un-tick|unmark|un-mark|uncomplete|un-complete|unfinish|undo|restore|revive|re-?activate)(?:\s+(.+?))?(?:\s+again)?$/i.exec(
      t,
    );
  if (m) return act(reopen, m[1]);
  m = new RegExp(
    `^(?:mark|set|put|flag|move|change|turn|switch|make)\\s+(.+?)\\s+(?:as\\s+|to\\s+|back\\s+(?:to|as|into)\\s+|back\\s+)?${UNDONE_WORD}(?:\\s+again)?$`,
    'i',
  ).exec(t);
  if (m) return act(reopen, m[1]);
  m = new RegExp(
    `^(.+?)(?:\\s+(?:isn't|wasn't|is not|was not|aren't|are not|is actually not|isn't actually)|'s not)\\s+(?:actually\\s+|really\\s+)?${DONE_WORD}(?:\\s+(?:yet|after all|actually))?$`,
    'i',
  ).exec(t);
  if (m && !/^(?:what|which|how|why|who)\b/i.test(m[1])) return act(reopen, m[1]);
  m =
    /^i\s+(?:didn't|did not|haven't|have not|hadn't|never)\s+(?:actually\s+|really\s+)?(?:finish|finished|complete|completed|do|done)\s+(.+?)(?:\s+(?:yet|after all))?$/i.exec(
      t,
    );
  if (m) return act(reopen, m[1]);
  m =
    /^(.+?)\s+(?:needs to be|should be|must be)\s+(?:re-?opened|pending|undone|open|unchecked)(?:\s+again)?$/i.exec(
      t,
    );
  if (m) return act(reopen, m[1]);
  return undefined;
}

function completeCommandRules(t: string): Intent | undefined {
  const done: Action = { verb: 'complete', completed: true };
  let m = new RegExp(
    `^(?:mark|set|flag|put|tick|check|cross|make)\\s+(?:off\\s+)?(.+?)\\s+(?:off\\s+)?(?:as\\s+being\\s+|as\\s+|to\\s+)?${DONE_WORD}$`,
    'i',
  ).exec(t);
  if (m) return act(done, m[1]);
  m =
    /^(?:check|tick|cross|strike)\s+off\s+(.+)$/i.exec(t) ??
    /^(?:check|tick|cross|strike)\s+(.+?)\s+off$/i.exec(t);
  if (m) return act(done, m[1]);
  m = /^(?:complete|finish|close|resolve)\s+(.+)$/i.exec(t);
  if (m) return act(done, m[1]);
  m = new RegExp(
    `^(?:check|tick|mark)\\s+((?:${TASK_NOUN}\\s*)?#?\\s*${NUM}|it|that|this one|that one)$`,
    'i',
  ).exec(t);
  if (m) return act(done, m[1]);
  if (
    /^(?:done|finished|complete|all done|did it|finished it|completed it|done it|i did it|i finished it|i completed it|i'm done|im done|i am done|mark (?:it|that) done|✓|✔|✅)$/i.test(
      t,
    )
  ) {
    return act(done, 'it');
  }
  return undefined;
}

function deleteRules(t: string): Intent | undefined {
  const del: Action = { verb: 'delete' };
  let m = new RegExp(
    `^${DELETE_VERB}(?:\\s+(.+?))?(?:\\s+(?:from|off(?: of)?)\\s+(?:my|the)\\s+(?:list|tasks|to-?do list|task list|todos|agenda))?$`,
    'i',
  ).exec(t);
  if (m) return act(del, m[1]);
  m = /^(?:i\s+)?(?:don't|do not|no longer)\s+need\s+(?:to\s+)?(.+?)(?:\s+any\s?more)?$/i.exec(t);
  if (m) return act(del, m[1]);
  m =
    /^(?:take|strike|cross)\s+(.+?)\s+(?:off|out of|from)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos)$/i.exec(
      t,
    );
  if (m) return act(del, m[1]);
  m = /^(.+?)\s+(?:can|should|must)\s+be\s+(?:deleted|removed|dropped)$/i.exec(t);
  if (m) return act(del, m[1]);
  return undefined;
}

/** Verbs that clear a description ("clear the notes of task 2"). */
const CLEAR_VERB =
  '(?:clear|remove|delete|erase|drop|wipe|empty|reset|strip|scrap|discard|get rid of|take off|take away)';
/** Verbs that set one ("set the description of task 2 to …"). */
const SET_VERB = '(?:set|change|update|edit|replace|modify|rewrite|amend|correct|fix|redo)';
/** The task a description belongs to: a quoted title (which may contain "to"), else the fewest words. */
const DESC_TARGET = `(["“'‘][^"”'’]+["”'’]|.+?)`;
/** New texts that mean "no description". */
const NO_TEXT = /^(?:nothing|empty|blank|no (?:description|desc|notes?|details)|""|'')$/i;

/**
 * The text of a new description, as the user wrote it: everything after the separator, commas and other
 * punctuation included; surrounding quotes dropped. '' (clear) for "nothing", "empty"…; undefined for no text.
 */
export function descriptionText(value: string): string | undefined {
  const v = stripQuotes(cleanValue(value));
  if (!v) return undefined;
  return NO_TEXT.test(v) ? '' : v;
}

/**
 * Setting, changing and clearing a task's description, by number or by name. Checked before the other
 * commands: "clear the description of task 2" is not a deletion, and in "set the description of task 1 to two
 * liters, skimmed" the task ends at the first "to" while the text runs to the end, commas and all.
 */
function descriptionRules(t: string): Intent | undefined {
  const set = (target: string, value: string): Intent | undefined => {
    const description = descriptionText(value);
    return act(
      description === undefined ? { verb: 'update', askFor: 'description' } : { verb: 'update', description },
      target,
    );
  };
  const clear = (target: string): Intent | undefined => act({ verb: 'update', description: '' }, target);
  const rule = (pattern: string) => new RegExp(pattern, 'i').exec(t);

  // Clearing: "clear the description of task 2", "remove the notes from the milk task", "erase its details",
  // "clear task 2's notes", "task 2 doesn't need a description".
  let m = rule(
    `^${CLEAR_VERB}\\s+(?:out\\s+)?(?:the\\s+|any\\s+|all\\s+(?:the\\s+)?)?${DESC_NOUN}\\s+(?:of|from|on|for|in|off(?:\\s+of)?)\\s+(.+)$`,
  );
  if (m) return clear(m[1]);
  m =
    rule(`^${CLEAR_VERB}\\s+(.+?)(?:'s|’s)\\s+${DESC_NOUN}$`) ??
    rule(`^${CLEAR_VERB}\\s+((?:${TASK_NOUN}\\s*)?#\\s*${NUM}|${TASK_NOUN}\\s*${NUM})\\s+${DESC_NOUN}$`);
  if (m) return clear(m[1]);
  if (rule(`^${CLEAR_VERB}\\s+(?:its\\s+${DESC_NOUN}|the\\s+(?:description|desc))$`)) return clear('it');
  m = rule(
    `^(.+?)\\s+(?:doesn't|does not|doesnt)\\s+need\\s+(?:(?:a|an|any|the|its)\\s+)?${DESC_NOUN}(?:\\s+any\\s?more)?$`,
  );
  if (m) return clear(m[1]);

  // Setting: "set the description of task 1 to …", "change the notes on “go to gym” to: …".
  m = rule(
    `^(?:${SET_VERB}|make)\\s+(?:the\\s+|a\\s+|an\\s+)?${DESC_NOUN}\\s+(?:of|for|on|in)\\s+${DESC_TARGET}(?:\\s+(?:to|as|into)\\b\\s*:?|\\s*:)\\s*(.+)$`,
  );
  if (m) return set(m[1], m[2]);
  // "add a note to task 3: call first", "put a note on the milk task saying two liters, skimmed".
  m = rule(
    `^(?:add|set|put|attach|write|give|include|append|leave|stick)\\s+(?:an?\\s+|the\\s+)?${DESC_NOUN}\\s+(?:to|on|for|of|in)\\s+(?!self\\b|myself\\b)${DESC_TARGET}\\s*(?::|,|\\s-|\\s—|\\s–|\\ssaying|\\sthat says|\\sreading|\\sas\\b)\\s*(.+)$`,
  );
  if (m) return set(m[1], m[2]);
  // "set task 1's description to …", "update task 2 description: …", "edit the milk task notes: …". Without
  // the 's the task must be named as one ("task 2", "the milk task"): "change meeting notes to team notes"
  // renames the task "Meeting notes".
  const separator = `\\s*(?::|\\s(?:to|as)\\b\\s*:?)\\s*(.+)$`;
  m =
    rule(`^(?:set|change|update|edit)\\s+(.+?)(?:'s|’s)\\s+${DESC_NOUN}${separator}`) ??
    rule(
      `^(?:set|change|update|edit)\\s+((?:.+?\\s+)?${TASK_NOUN}(?:\\s*#?\\s*${NUM})?|#\\s*${NUM})\\s+${DESC_NOUN}${separator}`,
    );
  if (m) return set(m[1], m[2]);
  // "the description of task 1 should say …", "task 2's notes should be …".
  m =
    rule(
      `^(?:the\\s+)?${DESC_NOUN}\\s+(?:of|for|on)\\s+${DESC_TARGET}\\s+(?:should|must|can|will|needs to)\\s+(?:be|say|read)\\s*:?\\s+(.+)$`,
    ) ??
    rule(
      `^(.+?)(?:'s|’s)\\s+${DESC_NOUN}\\s+(?:should|must|can|will|needs to)\\s+(?:be|say|read)\\s*:?\\s+(.+)$`,
    );
  if (m) return set(m[1], m[2]);
  // "describe task 1 as …", "give task 1 the description …".
  m =
    /^describe\s+(.+?)\s+as\s+(.+)$/i.exec(t) ??
    rule(
      `^give\\s+(?!me\\b|us\\b)${DESC_TARGET}\\s+(?:an?|the|a new)\\s+${DESC_NOUN}\\s*(?::|\\ssaying|\\sthat says|\\sreading|\\sof)?\\s*(.+)$`,
    );
  if (m) return set(m[1], m[2]);
  // No text yet: "change the description of task 2" asks what it should say.
  m = rule(`^${SET_VERB}\\s+(?:the\\s+|a\\s+|an\\s+)?(?:new\\s+)?${DESC_NOUN}\\s+(?:of|for|on|in)\\s+(.+)$`);
  if (m) return act({ verb: 'update', askFor: 'description' }, m[1]);
  return undefined;
}

function updateRules(t: string, shouting: boolean): Intent | undefined {
  const update = (targetText: string | undefined, value: string): Intent | undefined => {
    const v = cleanValue(value);
    if (!v) return act({ verb: 'update' }, targetText);
    const split = splitDescription(v);
    const action: Action = { verb: 'update', title: toTitle(split.title, shouting) };
    if (split.description) action.description = split.description;
    return act(action, targetText);
  };
  // Titles with both sides quoted: "rename 'go to gym' to 'gym daily'".
  let m = new RegExp(
    `^${UPDATE_VERB}\\s+(?:the\\s+)?(?:${TASK_NOUN}\\s+)?["“'‘]([^"”'’]+)["”'’](?:\\s+${TASK_NOUN})?\\s+(?:to|into|as|with|->|→)\\s+(.+)$`,
    'i',
  ).exec(t);
  if (m) return update(m[1], m[2]);
  m = new RegExp(
    `^${UPDATE_VERB}\\s+(?:the\\s+)?(?:title|name|text|wording)\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to|into|as|with|=|->|→|:)\\s*(.+)$`,
    'i',
  ).exec(t);
  if (m) return update(m[1], m[2]);
  m = new RegExp(
    `^${UPDATE_VERB}\\s+(.+?)(?:'s)?\\s+(?:title|name|text)\\s+(?:to|into|as|with|=|->|→|:)\\s*(.+)$`,
    'i',
  ).exec(t);
  if (m) return update(m[1], m[2]);
  m =
    /^replace\s+(.+?)\s+with\s+(.+)$/i.exec(t) ??
    new RegExp(`^${UPDATE_VERB}\\s+(.+?)(?:\\s*:|\\s+(?:to|into|as|=|->|→))\\s+(.+)$`, 'i').exec(t);
  // "set a reminder to call grandma" creates a task; it does not rename one.
  if (
    m &&
    !/^(?:add|create)\b|^(?:me\s+)?(?:an?|another|new)\s+(?:new\s+)?(?:reminder|task|todo|to-do|note)$/i.test(
      m[1],
    )
  ) {
    return update(m[1], m[2]);
  }
  m = new RegExp(
    `^(?:rename|retitle|call|name|title)\\s+(it|that|this|that one|this one|(?:${TASK_NOUN}\\s*)?#?\\d+)\\s*[:,-]?\\s+(.+)$`,
    'i',
  ).exec(t);
  if (m) return update(m[1], m[2]);
  m = /^(?:make|let)\s+(.+?)\s+(?:say|read|be called|be named|be titled)\s+(.+)$/i.exec(t);
  if (m) return update(m[1], m[2]);
  m = /^(.+?)\s+should\s+(?:say|read|be called|be named|be titled)\s+(.+)$/i.exec(t);
  if (m && !/^(?:i|we|you|what)\b/i.test(m[1])) return update(m[1], m[2]);
  m = new RegExp(`^(?:change|rename|update|edit|modify|retitle)(?:\\s+(.+))?$`, 'i').exec(t);
  if (m) return act({ verb: 'update' }, m[1]);
  return undefined;
}

function cleanValue(value: string): string {
  return value
    .trim()
    .replace(/^(?:be|say|read|now|just|simply)\s+/i, '')
    .replace(/^[:=\s]+/, '')
    .replace(/\s+(?:instead|please)$/i, '')
    .trim();
}

/** Status filter named by a question or listing command. */
export function detectStatus(text: string): StatusFilter {
  const s = text.toLowerCase().replace(/\b(?:to-?do|to do|task) list\b/g, 'list');
  const pending =
    /\b(?:pending|remaining|left|incomplete|unfinished|uncompleted|undone|open|outstanding|active|not (?:yet )?(?:done|completed?|finished)|still (?:need|have|got)|need to do|have to do|got to do|to do|todo|haven't (?:done|finished|completed)|not done yet|upcoming|next|on my plate|due)\b/.test(
      s,
    );
  const completed =
    /\b(?:completed?|done|finished|accomplished|closed|checked off|ticked off|crossed off|achieved|did i (?:do|finish|complete))\b/.test(
      s,
    ) && !/\b(?:not|haven't|didn't|un\w+)\s+(?:yet\s+)?(?:completed?|done|finished)\b/.test(s);
  if (pending && completed) return /\b(?:and|both|all|or)\b/.test(s) ? 'all' : 'pending';
  if (pending) return 'pending';
  if (completed) return 'completed';
  return 'all';
}

const LISTISH =
  /\b(?:tasks?|todos?|to-?dos?|to do|list|pending|completed?|done|finish(?:ed)?|did i|left|remaining|next|agenda|plate|outstanding|open|incomplete|unfinished|everything|all|accomplished|achieved|due|items?|reminders?|schedule|need to do|have to do|got to do|supposed to do|on my)\b/i;

function queryRules(t: string): Intent | undefined {
  let m = /^(?:what(?:'s| is)\s+)?(?:the\s+)?(?:status|state)\s+(?:of|for|on)\s+(.+)$/i.exec(t);
  if (m) return act({ verb: 'show' }, m[1]);
  m = /^how many\b(.*)$/i.exec(t);
  if (m) return { kind: 'count', status: detectStatus(m[1]) };
  m = new RegExp(
    `^(?:show|display|view|open|get|see|read|describe|check|tell me about|what(?:'s| is| does)|details (?:of|for|on|about)|more (?:info|details) (?:on|about))\\s+(?:me\\s+)?(?:the\\s+)?(?:details\\s+(?:of|for|on|about)\\s+)?(?:${TASK_NOUN}|number|#)\\s*#?\\s*(${NUM})(?:\\s+(?:say|about|details|contain|is))?$`,
    'i',
  ).exec(t);
  if (m) {
    const id = parseNumber(m[1]);
    if (id !== undefined) return { kind: 'act', action: { verb: 'show' }, target: { by: 'ids', ids: [id] } };
  }
  m =
    /^(?:find|search(?:\s+for)?|look\s+(?:for|up)|lookup|filter(?:\s+by)?|grep|locate)\s+(?:me\s+)?(?:my\s+|the\s+|all\s+|any\s+)?(?:(?:tasks?|todos?|items?)\s+)?(?:about|with|for|containing|mentioning|that mention|named|called|matching|related to|regarding|on)?\s*(.+)$/i.exec(
      t,
    );
  if (m) return { kind: 'search', query: stripQuotes(m[1]) };
  m =
    /^(?:do i have|have i got|is there|are there|got|any|anything|is anything|have i)\s+(?:a |an |any |some )?(?:tasks?|todos?|items?|reminders?|thing|things|anything|something)?\s*(?:about|for|with|called|named|mentioning|related to|regarding|that mentions?|containing|on)\s+(.+)$/i.exec(
      t,
    );
  if (m) return { kind: 'search', query: stripQuotes(m[1]) };
  m =
    /^(?:show|list|display|view|see|get|give|print|read|tell|fetch|pull up|bring up|open|check|review|go over|recap|summari[sz]e|look at|lemme see)\b(.*)$/i.exec(
      t,
    );
  if (m) {
    const rest = m[1];
    if (
      rest.trim() === '' ||
      /^\s*(?:me|it|them|us)?\s*(?:all|everything)?\s*$/i.test(rest) ||
      LISTISH.test(rest)
    ) {
      return { kind: 'list', status: detectStatus(rest) };
    }
    // "show me the dentist one" — a single task described by words.
    const target = /^\s*(?:me\s+)?(?:the\s+)?(.+?)\s+(?:task|one|todo|item)$/i.exec(rest);
    if (target) return act({ verb: 'show' }, target[1]);
    return undefined;
  }
  if (/^(?:what|which|whats|what's)\b/i.test(t)) {
    if (
      /^what(?:'s| is| are)? (?:am i|should i|do i|have i got|have i|is|are|else|my|on|left|next|pending|done|completed|finished|remaining|due|up next|outstanding)\b/i.test(
        t,
      ) ||
      LISTISH.test(t)
    ) {
      if (LISTISH.test(t) || /\b(?:should i do|do i do|am i doing|do i need|do i have)\b/i.test(t)) {
        return { kind: 'list', status: detectStatus(t.replace(/^what(?:'s| is| are)?\s+/i, '')) };
      }
    }
    return undefined;
  }
  if (
    /^(?:do i have|have i got|are there|is there|any|anything|is anything|am i|are we)\b/i.test(t) &&
    LISTISH.test(t)
  ) {
    return { kind: 'list', status: detectStatus(t) };
  }
  if (/^(?:am i|are we)\s+(?:all\s+)?(?:done|finished)(?:\s+(?:with everything|for today|yet))?$/i.test(t)) {
    return { kind: 'list', status: 'pending' };
  }
  m =
    /^(?:my\s+|all\s+(?:my\s+)?|the\s+)?(tasks|todos|to-dos|list|to-?do list|task list|todo|agenda|pending|completed|open|remaining|outstanding|incomplete|unfinished|done|finished)(?:\s+(?:tasks|todos|items|ones|list))?$/i.exec(
      t,
    );
  if (m && !/^(?:done|finished)$/i.test(t)) return { kind: 'list', status: detectStatus(t) };
  return undefined;
}

/** "is the report done?", "did I call mom?", "status of task 4": show the task and its state. */
function statusQuestion(t: string): Intent | undefined {
  const show: Action = { verb: 'show' };
  let m =
    /^(?:is|are|was|were)\s+(.+?)\s+(?:already\s+|still\s+)?(?:done|complete|completed|finished|pending|open|outstanding|checked off|on (?:my|the) list)$/i.exec(
      t,
    );
  if (m) return act(show, m[1]);
  m = /^(?:did|have|has)\s+(?:i|we)\s+(?:already\s+|ever\s+|really\s+)?(.+?)(?:\s+(?:yet|already))?$/i.exec(
    t,
  );
  if (m) {
    // "did I finish anything today?" asks for a list, not about one task.
    if (/\b(?:anything|everything|something|any tasks?)\b/i.test(m[1])) {
      return {
        kind: 'list',
        status: /^(?:finish|complete|do|done|get|got|accomplish|achieve|tick|check)/i.test(m[1])
          ? 'completed'
          : 'all',
      };
    }
    return act(show, m[1]);
  }
  return undefined;
}

const ADD_PREFIX =
  /^(?:add|ad|create|new|insert|append|jot(?:\s+down)?|write\s+down|note(?:\s+down)?|put\s+down|log|record|save|enter|put|make|set\s+up|set|schedule)\b\s*/i;

function addRules(t: string, shouting: boolean): Intent | undefined {
  // "add a note to self: call the bank" is a new task, not a task called "Self".
  const memo =
    /^(?:add|write|make|take|jot down)\s+(?:a\s+)?note\s+to\s+(?:self|myself)\s*[:,\-–—]?\s*(.+)$/i.exec(t);
  if (memo) return { kind: 'add', tasks: extractNewTasks(memo[1], shouting) };
  let m = ADD_PREFIX.exec(t);
  if (m) {
    const verb = m[0].trim().toLowerCase();
    const rest = t.slice(m[0].length);
    // "make dinner", "put away the dishes", "set up the printer" are tasks themselves, not commands.
    const needsNoun = /^(?:make|put|set\s+up|set|schedule|record|log|save|enter|note)$/.test(verb);
    const hasNoun = new RegExp(
      `^(?:me\\s+)?(?:an?\\s+|another\\s+|one more\\s+|the following\\s+)?(?:new\\s+)?(?:${TASK_NOUN}s?|note)\\b|^:`,
      'i',
    ).test(rest);
    const hasListSuffix =
      /\s(?:to|on|onto|in|into)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos|agenda)$/i.test(
        rest,
      );
    if (!needsNoun || hasNoun || hasListSuffix || (verb === 'note' && rest.startsWith(':'))) {
      return { kind: 'add', tasks: extractNewTasks(rest, shouting) };
    }
  }
  m =
    /^(?:remind me (?:to|that|about|of)|(?:please )?don't let me forget(?: to| about)?|do not let me forget(?: to| about)?|don't forget(?: to| about)?|dont forget(?: to| about)?|do not forget(?: to| about)?|help me remember(?: to)?|i (?:need|have|must|should|ought|want|got|gotta|'ve got|have got) to remember(?: to| that)?|i(?:'ll| will) need to remember(?: to)?|remember(?: to| that)?|i need to|i have to|i've got to|i got to|i gotta|gotta|i must|i should|i ought to|i want to|i'd like to|i would like to|i'm going to|im going to|i am going to|i'll have to|i will have to|i'll need to|i will need to|need to|have to|must)\s+(.+)$/i.exec(
      t,
    );
  if (m) {
    const body = /^remind me (?:about|of)\b|forget about\b/i.test(t) ? m[1].replace(/^the\s+/i, '') : m[1];
    return { kind: 'add', tasks: extractNewTasks(body, shouting, false) };
  }
  m =
    /^(?:todo|to do|to-do|task|note to self|memo|reminder|new task)\s*[:\-–—]\s*(.+)$/i.exec(t) ??
    /^note to self\s+(.+)$/i.exec(t);
  if (m) return { kind: 'add', tasks: extractNewTasks(m[1], shouting) };
  return undefined;
}

function completeSentenceRules(t: string): Intent | undefined {
  const done: Action = { verb: 'complete', completed: true };
  let m =
    /^(?:i|we)(?:'ve| have|'m| am)?\s+(?:(?:just|already|finally|now|totally|completely|actually)\s+)*(?:finished|completed|done|did|accomplished|wrapped up|knocked out|ticked off|checked off|crossed off|got through)\s+(?:with\s+)?(.+)$/i.exec(
      t,
    );
  if (m) return act(done, m[1]);
  m =
    /^(?:i'm|i am|im|we're|we are)\s+(?:(?:all|now|finally)\s+)?(?:done|finished|through)\s+with\s+(.+)$/i.exec(
      t,
    );
  if (m) return act(done, m[1]);
  m = /^(?:done|finished|completed)(?:\s*:\s*|\s+)(?:with\s+)?(.+)$/i.exec(t);
  if (m) return act(done, m[1]);
  m = new RegExp(
    `^(.+?)(?:\\s+(?:is|was|are|were|has been|have been|got)|'s)\\s+(?:(?:now|finally|already|all|officially)\\s+)?${DONE_STATE}$`,
    'i',
  ).exec(t);
  if (m && !/^(?:i|we|you|what|how|why|when|where|who|which|everything|all)\b/i.test(m[1]))
    return act(done, m[1]);
  m = new RegExp(`^(.+?)\\s+${DONE_WORD}$`, 'i').exec(t);
  if (m && !/^(?:i|we|you|what|how|why|when|where|who|which|am|are|is)\b/i.test(m[1])) return act(done, m[1]);
  // "I called mom", "I've paid the bills", "got the groceries": the past tense names the task.
  m = /^(?:(?:i|we)(?:'ve| have)?\s+)?(?:(?:just|already|finally|now|actually)\s+)*([a-z]+)\s+(.+)$/i.exec(t);
  if (m) {
    const verb = m[1].toLowerCase();
    if ((PAST_FORMS.has(verb) || /^[a-z]{2,}ed$/.test(verb)) && !PAST_STOPLIST.has(verb)) {
      return act(done, `${verb} ${m[2]}`);
    }
  }
  return undefined;
}

function suggestAdd(t: string, shouting: boolean): Intent | undefined {
  const first = t.toLowerCase().split(/\s+/)[0] ?? '';
  const wordCount = t.split(/\s+/).length;
  if (wordCount >= 2 && wordCount <= 10 && TASK_VERBS.has(first) && !/[?]$/.test(t)) {
    const { text, fields } = splitTaskFields(t);
    return { kind: 'suggest_add', task: makeTask(splitDescription(text), shouting, fields) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Targets

/** Parses the object of a command: "task 3", "tasks 2 and 4", "it", "the second one", "the meeting task". */
export function parseTarget(raw: string): Target | undefined {
  let s = stripQuotes(
    raw
      .trim()
      .replace(/[?.!,;:]+$/, '')
      .trim(),
  );
  const lower = s.toLowerCase();
  if (lower === '') return { by: 'unspecified' };
  if (
    /^(?:it|that|this|that one|this one|that task|this task|the same one|same one|the one i just (?:added|created|made)|the new one|the latest one|the latest|the one you just (?:added|created)|the task i just (?:added|created)|that item|this item)$/.test(
      lower,
    )
  ) {
    return { by: 'focus' };
  }
  if (
    /^(?:them|those|these|both|all of them|them all|both of them|all those|all these|those ones|these ones|all three|all of those|all of these|each of them|those tasks|these tasks|those two|these two|the two of them)$/.test(
      lower,
    )
  ) {
    return { by: 'them' };
  }
  if (
    /^(?:all|everything|every task|every single task|all (?:of )?(?:my|the) (?:tasks|todos|items)|all tasks)$/.test(
      lower,
    )
  ) {
    return { by: 'everything' };
  }
  const every = /^(?:both(?: of)?(?: the)?|all(?: of)?(?: the| my)?|every)\s+(.+?)$/i.exec(s);
  if (every && !/^(?:tasks|todos|items|ones|of them|them)$/i.test(every[1])) {
    const inner = parseTarget(every[1]);
    if (inner?.by === 'words') return { ...inner, all: true };
  }
  const ordinal = new RegExp(
    `^(?:the\\s+)?(${ORDINAL_PATTERN})(?:\\s+(?:one|task|item|todo|entry))?(?:\\s+(?:on|in|from|of)\\s+(?:the|my|that|this)\\s+list)?$`,
  ).exec(lower);
  if (ordinal) {
    const n = parseOrdinal(ordinal[1]);
    if (n !== undefined) return { by: 'ordinal', n };
  }
  const idList = new RegExp(
    `^(?:(?:the\\s+)?(?:${TASK_NOUN}s?|numbers?|nos?\\.?|nr\\.?)\\s*)?(?:#\\s*)?(${NUM}(?:\\s*(?:,|and|&|\\+|or)\\s*(?:and\\s+)?(?:${TASK_NOUN}\\s*)?#?\\s*${NUM})*)$`,
  ).exec(lower);
  if (idList) {
    const ids: number[] = [];
    for (const part of idList[1].split(/\s*(?:,|and|&|\+|or)\s*/)) {
      const n = parseNumber(part.replace(new RegExp(`^(?:and\\s+)?(?:${TASK_NOUN}\\s*)?#?\\s*`), ''));
      if (n !== undefined && !ids.includes(n)) ids.push(n);
    }
    if (ids.length > 0) return { by: 'ids', ids };
  }
  s = s
    .replace(/^(?:the|my|a|an|our|that|this)\s+/i, '')
    .replace(
      new RegExp(
        `^(?:${TASK_NOUN}|one)\\s+(?:called|named|titled|about|for|with|that says|saying|to)\\s+`,
        'i',
      ),
      '',
    )
    .replace(/\s+(?:from|on|off|in)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list)$/i, '')
    .replace(new RegExp(`\\s+(?:${TASK_NOUN}|one|thing)s?$`, 'i'), '')
    .trim();
  s = stripQuotes(s);
  if (s === '' || /^(?:task|todo|item|one|thing)s?$/i.test(s)) return { by: 'unspecified' };
  return { by: 'words', query: s };
}

// ---------------------------------------------------------------------------------------------------------
// New tasks

/** Splits "title: description" forms. */
export function splitDescription(text: string): { title: string; description?: string } {
  const t = text.trim();
  const patterns = [
    new RegExp(
      `^(.+?)\\s*[,;]?\\s+(?:with|w/)\\s+(?:an?\\s+|the\\s+)?${DESC_NOUN}\\s*(?:that says|saying|of|reading|:|-)?\\s*(.+)$`,
      'i',
    ),
    new RegExp(`^(.+?)\\s*[;,(]\\s*${DESC_NOUN}\\s*[:=]\\s*(.+?)\\)?$`, 'i'),
    /^(.+?)\s*:\s+(.+)$/,
    // "milk, it's for the cake": a remark after a comma describes the task, it is not another task.
    /^(.+?),\s*((?:it|it's|its|this|that|they|which|because|since|so|but|as|for|needed|needs)\b.+)$/i,
    /^(.+?)\s+(?:--|—|–|-)\s+(.+)$/,
    /^(.+?)\s*\(([^()]+)\)$/,
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (m && m[1].trim().length > 0 && m[2].trim().length > 0) {
      return { title: m[1].trim(), description: stripQuotes(m[2].trim().replace(/[\s.]+$/, '')) };
    }
  }
  return { title: t };
}

/** Body of an add command → one or several new tasks. */
export function extractNewTasks(rest: string, shouting: boolean, allowMulti = true): NewTask[] {
  let body = rest.trim();
  let plural = false;
  const lead = new RegExp(
    `^(?:me\\s+)?(?:(an?|another|one more|some|these|this|the following|following|two|three|four|five|\\d+|a couple of|a few)\\s+)?(?:new\\s+|more\\s+)?(?:(${TASK_NOUN}s?|notes?|things?)\\b)?\\s*(?:(?:to|that says|saying|called|named|titled|for|about|which says|reading)\\s+|[:\\-—–]\\s*)?`,
    'i',
  ).exec(body);
  if (lead && lead[0].trim().length > 0 && (lead[2] !== undefined || /[:\-—–]\s*$/.test(lead[0]))) {
    plural =
      /s$/i.test(lead[2] ?? '') ||
      /^(?:these|two|three|four|five|\d+|a couple of|a few|the following|following|some)$/i.test(
        lead[1] ?? '',
      );
    body = body.slice(lead[0].length);
    if (/\b(?:for|about)\s+$/i.test(lead[0])) body = body.replace(/^the\s+/i, '');
  }
  body = body
    .replace(/^(?:to|on(?:to)?)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos)\s*[:-]?\s*/i, '')
    .replace(
      /\s+(?:to|on|onto|in|into)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos|agenda)$/i,
      '',
    )
    .replace(/\s+as\s+an?\s+(?:task|todo|to-do|reminder)$/i, '')
    .trim();
  // "add it" names no title: the planner asks for one (or confirms the task it just offered).
  if (
    body === '' ||
    /^(?:a|an|the|new)?\s*(?:task|todo|item|reminder)?$|^(?:it|that|this|them|those|these|one)$/i.test(body)
  )
    return [];
  // "pay rent every month on the 1st, high priority": the fields come off first and apply to every task.
  const { text, fields } = splitTaskFields(body);
  body = text;
  const single = splitDescription(body);
  if (single.description !== undefined || !allowMulti) return [makeTask(single, shouting, fields)];
  const items = splitItems(body, plural);
  return items
    .map((item) => makeTask(splitDescription(item), shouting, fields))
    .filter((t) => t.title.length > 0);
}

function makeTask(
  split: { title: string; description?: string },
  shouting: boolean,
  fields?: TaskFields,
): NewTask {
  const task: NewTask = { title: toTitle(split.title, shouting) };
  if (split.description) task.description = split.description;
  if (fields && hasFields(fields)) task.fields = fields;
  return task;
}

function startsWithVerb(text: string): boolean {
  return TASK_VERBS.has(text.trim().toLowerCase().split(/\s+/)[0] ?? '');
}

/** "eggs, bread and butter" → three items; "call mom and dad" stays one. */
function splitItems(body: string, plural: boolean): string[] {
  if (/[\n;]/.test(body)) return body.split(/\s*[\n;]\s*/).filter((s) => s.length > 0);
  if (body.includes(',')) {
    const parts = body.split(/\s*,\s*/).filter((s) => s.length > 0);
    const last = parts.pop() ?? '';
    parts.push(...last.split(/\s+(?:and|&)\s+/).filter((s) => s.length > 0));
    const cleaned = parts.map((p) => p.replace(/^(?:and|&)\s+/i, ''));
    const verbs = cleaned.filter(startsWithVerb).length;
    // "buy milk, eggs and bread" is one shopping task; "call mom, pay bills" are two.
    if (verbs > 0 && verbs < cleaned.length && startsWithVerb(cleaned[0]) && !plural) return [body];
    return cleaned;
  }
  const andParts = body.split(/\s+(?:and|&)\s+/);
  if (andParts.length > 1 && (plural || andParts.every(startsWithVerb))) return andParts;
  return [body];
}
