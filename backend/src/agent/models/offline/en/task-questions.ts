/**
 * Questions about one task, answered yes or no with the task: "is the rent task done?", "is the laundry done yet?",
 * "is the dentist appointment booked?", "have I called mom?", "did I pay the rent?", "do I still need to pay rent?",
 * "when is the tax return due?", "did I already add milk?". None of them changes anything.
 */
import { isDueWords } from '../../../../tasks/schedule/due-dates';
import type { Action, Intent } from '../intent';
import { act } from './targets';
import { stripQuotes } from './text-normalize';
import { isDoneState, PAST_STOPLIST } from './vocabulary';

const IS_DONE: Action = { verb: 'show', ask: 'done' };
const IS_PENDING: Action = { verb: 'show', ask: 'pending' };
const WHEN_DUE: Action = { verb: 'show', ask: 'due' };

/** Words that make it a question about the whole list ("did I finish anything?"), not one task. */
const ANY_TASK =
  /\b(?:anything|everything|something|nothing|any tasks?|all (?:my |the |of my )?tasks|it all)\b/i;

/** Subjects that are not a task ("is it done?" is about the focus; "is that all?" is chat). */
const NOT_A_TASK = /^(?:i|we|you|he|she|they|there|what|which|how|why|who|that all|this all)\b/i;

/** Words after the question that add nothing: "yet", "already", "by now". */
const TAIL = '(?:\\s+(?:yet|already|now|by now|at all|still|today|again|then))*';

const DONE =
  '(?:done|complete|completed|finished|checked off|ticked off|crossed off|taken care of|sorted(?: out)?|dealt with|handled|over)';
const PENDING =
  '(?:pending|open|outstanding|not done|not finished|unfinished|incomplete|to do|left to do|still to do)';

/** Verbs of putting a task on the list, and of ticking it off. */
const ADDED =
  '(?:add|added|create|created|put|put down|write|wrote|written|write down|note|noted|note down|save|saved|list|listed|jot down|jotted down)';
const MARKED =
  '(?:mark|marked|tick|ticked|check|checked|cross|crossed|complete|completed|finish|finished|close|closed)(?:\\s+off)?';

/** "did I add milk?", "is milk on my list?": whether there is such a task, answered by searching for it. */
function searchFor(words: string): Intent {
  const query = stripQuotes(
    words
      .replace(
        /^(?:a\s+|an\s+|the\s+)?(?:task|todo|to-do|reminder|item)\s+(?:to|for|about|called|named)\s+/i,
        '',
      )
      .replace(/\s+(?:to|on|onto|in)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos)$/i, '')
      .replace(/\s+(?:as\s+an?\s+)?(?:task|todo|to-do|reminder)$/i, ''),
  );
  return { kind: 'search', query };
}

export function taskQuestion(t: string): Intent | undefined {
  // "when is the tax return due?", "when's the rent due again?", "what's the deadline for the report?",
  // "when do I have to pay rent by?"
  let m =
    new RegExp(`^when(?:'s| is| are| was| were)\\s+(.+?)\\s+due(?:\\s+(?:by|on))?${TAIL}$`, 'i').exec(t) ??
    /^what(?:'s| is)\s+(?:the\s+)?(?:due date|deadline|due time)\s+(?:of|for|on)\s+(.+)$/i.exec(t) ??
    /^when\s+(?:do|should|must)\s+(?:i|we)\s+(?:need to\s+|have to\s+)?(.+?)(?:\s+by)?$/i.exec(t);
  if (m && !ANY_TASK.test(m[1]) && !NOT_A_TASK.test(m[1])) return act(WHEN_DUE, m[1]);
  // "is the rent due tomorrow?": its due date answers it.
  m = /^(?:is|are)\s+(.+?)\s+(?:still\s+)?due\s+(.+)$/i.exec(t);
  if (m && isDueWords(m[2]) && !ANY_TASK.test(m[1]) && !NOT_A_TASK.test(m[1])) return act(WHEN_DUE, m[1]);
  // "is the passport renewal overdue?", "is task 6 late?"
  m = new RegExp(
    `^(?:is|are)\\s+(.+?)\\s+(?:already\\s+|still\\s+)?(?:overdue|late|past due)${TAIL}$`,
    'i',
  ).exec(t);
  if (m && !ANY_TASK.test(m[1]) && !NOT_A_TASK.test(m[1])) return act(WHEN_DUE, m[1]);

  // "is milk on my list?", "is there a task about the dentist?" are searches; "is X still pending?" asks the state.
  m =
    /^(?:is|are)\s+(.+?)\s+(?:already\s+|still\s+)?(?:on|in)\s+(?:my|the)\s+(?:list|tasks|to-?do list|task list|todos)$/i.exec(
      t,
    );
  if (m && !ANY_TASK.test(m[1]) && !NOT_A_TASK.test(m[1])) return searchFor(m[1]);
  m = new RegExp(
    `^(?:is|are|was|were)\\s+(.+?)\\s+(?:already\\s+|still\\s+|all\\s+|really\\s+|actually\\s+)?(?:(${DONE})|(${PENDING}))${TAIL}$`,
    'i',
  ).exec(t);
  if (m && !ANY_TASK.test(m[1]) && !NOT_A_TASK.test(m[1])) return act(m[2] ? IS_DONE : IS_PENDING, m[1]);
  // "is the dentist appointment booked?", "has the trash been taken out?", "are the plants watered yet?": the subject
  // and the state name the task ("booked" finds "Book dentist appointment").
  m = new RegExp(
    `^(?:is|are|was|were|has|have)\\s+(.+?)\\s+(?:been\\s+|got(?:ten)?\\s+)?(?:already\\s+|all\\s+|really\\s+|actually\\s+)?([a-z]+)(\\s+(?:out|up|off|back|away|down))?${TAIL}$`,
    'i',
  ).exec(t);
  if (
    m &&
    isDoneState(m[2]) &&
    !PAST_STOPLIST.has(m[2].toLowerCase()) &&
    !ANY_TASK.test(m[1]) &&
    !NOT_A_TASK.test(m[1])
  )
    return act(IS_DONE, `${m[1]} ${m[2]}${m[3] ?? ''}`);

  // "do I still need to pay rent?", "do I have to call the bank?", "should I still renew the passport?"
  m =
    new RegExp(
      `^(?:do|does)\\s+(?:i|we)\\s+(?:still\\s+)?(?:need|have|got)\\s+to\\s+(.+?)(?:\\s+(?:any\\s?more))?${TAIL}$`,
      'i',
    ).exec(t) ?? new RegExp(`^(?:should|must)\\s+(?:i|we)\\s+still\\s+(.+?)${TAIL}$`, 'i').exec(t);
  if (m && !ANY_TASK.test(m[1])) return act(IS_PENDING, m[1]);

  // "have I called mom?", "did I pay the rent?", "did we book the flights yet?"; "did I add milk?" asks whether
  // there is such a task; "did you mark the rent as done?" whether it is done.
  m = new RegExp(
    `^(?:did|have|has)\\s+(i|we|you)\\s+(?!got\\b)(?:already\\s+|ever\\s+|really\\s+|actually\\s+|even\\s+)?(.+?)${TAIL}$`,
    'i',
  ).exec(t);
  if (m && !ANY_TASK.test(m[2])) {
    const added = new RegExp(`^${ADDED}\\s+(.+)$`, 'i').exec(m[2]);
    if (added)
      return /^(?:it|that|this|them|those)$/i.test(added[1])
        ? act({ verb: 'show' }, added[1])
        : searchFor(added[1]);
    const marked = new RegExp(
      `^${MARKED}\\s+(.+?)(?:\\s+(?:as\\s+)?(?:done|complete|completed|finished|off))?$`,
      'i',
    ).exec(m[2]);
    if (marked) return act(IS_DONE, marked[1]);
    // "did you get that?": only the person's own doings name a task.
    if (m[1].toLowerCase() !== 'you') return act(IS_DONE, m[2]);
  }
  return undefined;
}
