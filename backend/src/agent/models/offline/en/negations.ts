/**
 * A task said to be not done, by command or by negation: "reopen task 2", "the report isn't finished", "I haven't
 * called mom yet", "the trash hasn't been taken out", "I didn't pay the rent after all", "laundry still needs doing".
 * Each reopens the task it names (a task that is still open is said to be still pending).
 */
import type { Action, Intent } from '../intent';
import { act } from './targets';
import { DONE_WORD, isDoneState, UNDONE_WORD } from './vocabulary';

const REOPEN: Action = { verb: 'complete', completed: false };

/** Words after the statement that add nothing: "yet", "after all", "either". */
const STILL = '(?:\\s+(?:yet|after all|either|actually|today|at all|so far|still|though))*';

/** "haven't", "didn't", "never"… */
const NOT_DONE_AUX =
  "(?:haven't|havent|have not|hadn't|had not|didn't|didnt|did not|never|still haven't|still have not|still didn't)";

/** Subjects that are not a task ("it isn't done" is handled with the pronouns; "what isn't done?" is a question). */
const NOT_A_TASK = /^(?:i|we|you|he|she|they|it|this|that|there|what|which|how|why|who|everything|all)\b/i;

export function reopenRules(t: string): Intent | undefined {
  let m =
    /^(?:re-?open|uncheck|un-check|untick|un-tick|unmark|un-mark|uncomplete|un-complete|unfinish|undo|restore|revive|re-?activate|bring back)(?:\s+(.+?))?(?:\s+again)?$/i.exec(
      t,
    );
  if (m) return act(REOPEN, m[1]);
  m = new RegExp(
    `^(?:mark|set|put|flag|move|change|turn|switch|make)\\s+(.+?)\\s+(?:as\\s+|to\\s+|back\\s+(?:to|as|into)\\s+|back\\s+)?${UNDONE_WORD}(?:\\s+again)?$`,
    'i',
  ).exec(t);
  if (m) return act(REOPEN, m[1]);
  m = new RegExp(
    `^(.+?)(?:\\s+(?:isn't|wasn't|is not|was not|aren't|are not|is actually not|isn't actually|is still not)|'s not)\\s+(?:actually\\s+|really\\s+|yet\\s+)?${DONE_WORD}${STILL}$`,
    'i',
  ).exec(t);
  if (m && !/^(?:what|which|how|why|who)\b/i.test(m[1])) return act(REOPEN, m[1]);
  // "Laundry: not done yet".
  m = new RegExp(
    `^(.+?)\\s*[:–—-]\\s*(?:still\\s+)?(?:not|isn't)\\s+(?:yet\\s+)?${DONE_WORD}${STILL}$`,
    'i',
  ).exec(t);
  if (m) return act(REOPEN, m[1]);
  m = new RegExp(
    `^(?:i\\s+)?${NOT_DONE_AUX}\\s+(?:actually\\s+|really\\s+|quite\\s+)?(?:finish|finished|complete|completed|do|done)\\s+(.+?)${STILL}$`,
    'i',
  ).exec(t);
  if (m) return act(REOPEN, m[1]);
  // "I haven't called mom yet", "I didn't pay the rent after all", "nope, haven't watered the plants": the verb and
  // its object name the task ("called mom" finds "Call mom").
  m = new RegExp(
    `^(?:(?:no|nope|nah)[\\s,]+)?(?:i|we)?\\s*(?:still\\s+)?${NOT_DONE_AUX}\\s+(?:actually\\s+|really\\s+|quite\\s+|even\\s+|yet\\s+)?(?:got(?:ten)? around to\\s+|managed to\\s+)?(.+?)${STILL}$`,
    'i',
  ).exec(t);
  if (m && !/^(?:been|had|got|gotten|time|a chance|the time)\b/i.test(m[1])) return act(REOPEN, m[1]);
  // "the trash hasn't been taken out", "mom hasn't been called yet", "the client email wasn't sent".
  m = new RegExp(
    `^(.+?)\\s+(?:still\\s+)?(?:hasn't|has not|haven't|have not|hadn't|wasn't|was not|weren't|were not|isn't|is not|aren't|are not|didn't|did not|doesn't|does not)\\s+(?:yet\\s+|actually\\s+|really\\s+|even\\s+|quite\\s+)?(?:been\\s+|got(?:ten)?\\s+|get\\s+|gone\\s+)?([a-z]+)(\\s+(?:out|up|off|back|away|down|in|done))?${STILL}$`,
    'i',
  ).exec(t);
  if (m && !NOT_A_TASK.test(m[1]) && isDoneState(m[2])) return act(REOPEN, `${m[1]} ${m[2]}${m[3] ?? ''}`);
  m =
    /^(.+?)\s+(?:needs to be|should be|must be)\s+(?:re-?opened|pending|undone|open|unchecked)(?:\s+again)?$/i.exec(
      t,
    );
  if (m) return act(REOPEN, m[1]);
  // "the laundry still needs doing", "the report still needs to be done".
  m =
    /^(.+?)\s+(?:still\s+)?needs?\s+(?:doing|finishing|to be (?:done|finished|completed))(?:\s+still)?$/i.exec(
      t,
    );
  if (m && !NOT_A_TASK.test(m[1])) return act(REOPEN, m[1]);
  return undefined;
}
