/** Questions about the list and listing commands: "what's pending?", "how many are left?", "find milk". */
import type { Intent } from '../intent';
import type { StatusFilter } from '../tool-contract';
import { finishedWithin } from './list-filters';
import { act } from './targets';
import { parseNumber, stripQuotes } from './text-normalize';
import { NUM, TASK_NOUN } from './vocabulary';

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

export function queryRules(t: string): Intent | undefined {
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

/**
 * Questions about the list as a whole that read like questions about a task: "is everything done?", "did I finish
 * anything today?", "is there anything I haven't done yet?". Checked before the statements they resemble ("I haven't
 * done X" reopens X).
 */
export function wholeListQuestion(t: string): Intent | undefined {
  const s = t.toLowerCase();
  const all =
    '(?:everything|it all|all of it|all|all (?:of )?(?:my |the )?(?:tasks|todos|to-dos|items|things|stuff)|my (?:list|tasks|todos)|the (?:list|tasks))';
  const done = '(?:done|finished|complete|completed|checked off|ticked off|crossed off|taken care of)';
  if (
    new RegExp(
      `^(?:is|are)\\s+${all}\\s+(?:all\\s+|already\\s+)?${done}(?:\\s+(?:yet|now|already|then))?$`,
    ).test(s) ||
    new RegExp(
      `^(?:have|did)\\s+(?:i|we)\\s+(?:already\\s+)?(?:done|finished|completed|do|finish|complete|got through|get through|ticked off|tick off)\\s+${all}(?:\\s+(?:yet|now|already|then))?$`,
    ).test(s) ||
    new RegExp(
      `^(?:am i|are we)\\s+(?:all\\s+)?(?:done|finished|through)\\s+with\\s+${all}(?:\\s+(?:yet|now|already|then))?$`,
    ).test(s)
  )
    return { kind: 'count', status: 'pending', allDone: true };
  // "did I finish anything today?", "have I done anything?": what was done (today's or this week's, when asked).
  const m = /^(?:did|have)\s+(?:i|we)\s+(?:already\s+|ever\s+|really\s+)?(.+?)$/i.exec(t);
  if (m && /\b(?:anything|everything|something|any tasks?)\b/i.test(m[1]) && !/^got\b/i.test(m[1])) {
    if (!/^(?:finish|complete|do|done|get|got|accomplish|achieve|tick|check)/i.test(m[1]))
      return { kind: 'list', status: 'all' };
    const within = finishedWithin(s);
    return { kind: 'list', status: 'completed', ...(within ? { filter: { completedWithin: within } } : {}) };
  }
  // "is there anything I haven't done yet?", "do I have anything left?"
  if (
    /^(?:is there|are there|do i have|have i got|is anything|are any)\s+(?:anything|any(?:\s+(?:tasks?|things?|items?|stuff))?|something|stuff)\b/i.test(
      t,
    ) &&
    detectStatus(t) !== 'all'
  )
    return { kind: 'list', status: detectStatus(t) };
  return undefined;
}

/** How people wrap a question: "remind me …", "tell me …", "do you know …", "I'd like to know …". */
const ASKING =
  /^(?:remind me|tell me|let me know|show me|do you know|any idea|can you check|check|i (?:want|need|wanna|would like|'d like) to know|i(?:'m| am| was) wondering|i wonder)\s+/i;

/**
 * The question inside "remind me what's on my list", "tell me if the rent is paid", "do you know when the tax
 * return is due": put back in the order of a direct question ("is the rent paid", "when is the tax return due").
 */
export function directQuestion(t: string): string {
  const wrapped = ASKING.exec(t);
  if (!wrapped) return t;
  const q = t.slice(wrapped[0].length);
  let m = /^(when|what time)\s+(.+?)\s+(?:is|are|was|were)\s+(due\b.*)$/i.exec(q);
  if (m) return `when is ${m[2]} ${m[3]}`;
  if (/^(?:what|which|when|how many|how much|where|who)\b/i.test(q)) return q;
  m = /^(?:if|whether)\s+there(?:'s|\s+is|\s+are)\s+(.+)$/i.exec(q);
  if (m) return `is there ${m[1]}`;
  m = /^(?:if|whether)\s+(i|we)\s+(?:still\s+)?(?:need|have|got)\s+to\s+(.+)$/i.exec(q);
  if (m) return `do ${m[1]} still need to ${m[2]}`;
  m = /^(?:if|whether)\s+(i|we)(?:'ve|\s+have|\s+already)?\s+(.+)$/i.exec(q);
  if (m) return `have ${m[1]} ${m[2]}`;
  m = /^(?:if|whether)\s+(.+?)\s+(is|are|was|were|has|have)\s+(.+)$/i.exec(q);
  if (m) return `${m[2]} ${m[1]} ${m[3]}`;
  return t;
}
