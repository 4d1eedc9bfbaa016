/**
 * Lists narrowed by what people ask about: a due date ("what's due this week?", "what's due on Friday?", "anything
 * for tomorrow?"), a priority or a tag ("any high priority stuff?", "show my work tasks"), when tasks were finished
 * ("what did I finish this week?"), and "what should I do first?" (overdue and high priority first).
 *
 * Days are only *found* here (chrono-node, through schedule/due-dates): the words go to list_tasks as the person
 * wrote them and are resolved on the server in their time zone.
 */
import { trailingDueWords } from '../../../../tasks/schedule/due-dates';
import type { ListFilter } from '../intent';
import { LEVEL, LEVEL_WORD, TAG, tagsOf } from './task-fields';

/** How a question or a listing command starts. */
const ASKS =
  /^(?:what(?:'s| is| are| was| were)?|which|whats|am i|are we|show|list|display|view|see|get|give|tell|any|anything|is anything|is there|are there|do i have|have i got|what do i have|do (?:i|we) (?:need|have) to do|pull up)\b/i;

const STATUS_WORDS = new Set(
  'pending completed done open remaining outstanding incomplete unfinished finished all my the tasks todos items list everything current active new old recent'.split(
    ' ',
  ),
);

/**
 * The words of a question about the list as a whole ("what do I have", "anything", "what was I supposed to do",
 * "what tasks are coming up"): a question made only of these, followed by a day, asks what is due that day.
 */
const LIST_QUESTION_WORDS = new Set(
  (
    "what what's whats which anything any something is are was were there do does i we have has had got get " +
    'need needs to supposed planned scheduled meant due on for my the a tasks task things thing stuff todos ' +
    'items list agenda plate schedule left pending open remaining outstanding else coming up happening lined ' +
    'should must gotta going doing me show tell give see in store am'
  ).split(' '),
);

function isListQuestion(words: string): boolean {
  const tokens = words
    .toLowerCase()
    .replace(/[?!.,]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return tokens.length > 0 && ASKS.test(words.trim()) && tokens.every((w) => LIST_QUESTION_WORDS.has(w));
}

/** Words that say a task was done, in a question about what was done ("what did I finish", "what have I done"). */
const FINISHED = new RegExp(
  [
    // "what did I finish", "what have I done", "what did we get done"
    '\\b(?:did|have|had)\\s+(?:i|we)\\s+(?:already\\s+|actually\\s+)?(?:do|done|finish(?:ed)?|complete(?:d)?|accomplish(?:ed)?|get done|got done|gotten done|tick(?:ed)? off|check(?:ed)? off|cross(?:ed)? off|get through|got through)\\b',
    // "what I did", "what I've finished", "everything we completed"
    "\\b(?:i|we)(?:'ve| have)?\\s+(?:already\\s+)?(?:did|done|finished|completed|accomplished|ticked off|checked off|crossed off|got done|gotten done|got through)\\b",
    // "anything finished today?", "completed tasks this week"
    '\\b(?:finished|completed|done|ticked off|checked off|crossed off)\\b(?:\\s+(?:tasks?|things?|items?|ones))?\\s+(?:today|this|so far|in the|over the|lately|recently)\\b',
  ].join('|'),
);

/** The stretch of time a question about finished tasks names. */
export function finishedWithin(s: string): ListFilter['completedWithin'] {
  if (/\b(?:today|so far today|this morning|this afternoon)\b/.test(s)) return 'today';
  if (
    /\b(?:this week|so far this week|in the (?:last|past) (?:7|seven) days|(?:in |over )?the (?:last|past) week|lately|recently)\b/.test(
      s,
    )
  )
    return 'week';
  return undefined;
}

/**
 * "what's due on Friday?", "anything for tomorrow?", "what was I supposed to do today?": the day, in the person's
 * words, if one.
 */
function dayAsked(raw: string): { today: true } | { dueOn: string } | undefined {
  const s = raw.toLowerCase();
  const possessive =
    /^(?:show|list|what(?:'s| is| are)|give me|get)\s+(?:me\s+)?(today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)'s\s+(?:tasks|todos|list|agenda|schedule|plan|stuff|things)$/i.exec(
      raw,
    );
  if (possessive) return /^today$/i.test(possessive[1]) ? { today: true } : { dueOn: possessive[1] };
  const day = trailingDueWords(raw);
  if (!day || day.index === 0) return undefined;
  const words = day.words.replace(/^(?:on|for|by)\s+/, '').trim();
  // One day only: a week, a weekend or "now" is not a day list_tasks can narrow to.
  if (!words || /\b(?:week|weekend|month|year|now|ago)\b/i.test(words)) return undefined;
  if (!isListQuestion(s.slice(0, day.index))) return undefined;
  return /^(?:today|tonight)$/i.test(words) ? { today: true } : { dueOn: words };
}

const FIRST = new RegExp(
  [
    '^(?:what|which task|which one)\\s+(?:should|do|must|shall)\\s+i\\s+(?:do|work on|start with|tackle|focus on|pick)(?:\\s+(?:first|next|now))?$',
    '^where\\s+(?:should|do)\\s+i\\s+start$',
    // "what's the most important thing right now?", "what's my top priority?"
    "^what(?:'s| is)\\s+(?:the\\s+|my\\s+)?(?:most important|most urgent|top priority|highest priority|biggest priority|main priority|first priority|priority)(?:\\s+(?:task|thing|one|item))?(?:\\s+(?:right now|now|today|at the moment|for today|to do))?$",
    '^what are my (?:priorities|top priorities)$',
    '^prioriti[sz]e\\s+(?:my\\s+)?(?:tasks|list|day|todos)$',
    '^what\\s+first$',
  ].join('|'),
);

/** Questions and listings narrowed by due date, priority, tag or completion, and "what should I do first?". */
export function listQuery(t: string): ListFilter | 'first' | undefined {
  const raw = t.replace(/[?!.]+$/, '').trim();
  const s = raw.toLowerCase();
  if (FIRST.test(s)) return 'first';
  if (!ASKS.test(s) && !/^(?:my\s+)?(?:overdue|urgent|high[\s-]priority)\b/.test(s)) return undefined;
  // "what did I finish this week?", "what have I done today?".
  const within = FINISHED.test(s) ? finishedWithin(s) : undefined;
  if (within) return { status: 'completed', completedWithin: within };
  if (/\b(?:overdue|past due|late|behind)\b/.test(s) && !/\bnot\s+(?:overdue|late)\b/.test(s))
    return { status: 'pending', due: 'overdue', sort: 'due' };
  if (/\bdue\s+today\b|\b(?:for|on)\s+today\b|\btoday'?s\s+(?:tasks|list|todos)\b/.test(s))
    return { status: 'pending', due: 'today', sort: 'due' };
  if (
    /\b(?:due\s+)?(?:this|the)\s+(?:coming\s+)?week\b|\bnext\s+(?:7|seven)\s+days\b/.test(s) &&
    /\bdue\b|\bweek\b/.test(s)
  )
    return { status: 'pending', due: 'week', sort: 'due' };
  if (/\b(?:no|without(?:\s+an?)?)\s+(?:due date|deadline)s?\b/.test(s))
    return { status: 'pending', due: 'none' };
  let m = new RegExp(`\\b${LEVEL_WORD}[\\s-]+priority\\b`).exec(s) ?? /\b(urgent|important)\b/.exec(s);
  if (m) return { status: 'pending', priority: LEVEL[m[1]] };
  m =
    new RegExp(
      `\\b(?:tagged(?:\\s+(?:as|with))?|with\\s+(?:the\\s+)?tag|labell?ed)\\s+(${TAG})\\b`,
      'u',
    ).exec(s) ?? new RegExp(`(?:^|\\s)#(${TAG})`, 'u').exec(s);
  if (m) return { status: 'all', tags: tagsOf(m[1]) };
  m =
    /^(?:show|list|display|view|see|get|give|pull up|what are)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:my|the)\s+([\p{L}\p{N}_.-]+)\s+(?:tasks|todos|to-dos|items|stuff|things)$/u.exec(
      s,
    );
  if (m && !STATUS_WORDS.has(m[1])) return { status: 'all', tags: [m[1]] };
  if (/\b(?:by|in order of)\s+(?:due date|deadline|when (?:they're|they are) due)\b/.test(s))
    return { status: 'all', sort: 'due' };
  if (/\b(?:by|in order of)\s+priority\b/.test(s)) return { status: 'all', sort: 'priority' };
  const day = dayAsked(raw);
  if (day && 'today' in day) return { status: 'pending', due: 'today', sort: 'due' };
  if (day) return { status: 'pending', dueOn: day.dueOn, sort: 'due' };
  return undefined;
}
