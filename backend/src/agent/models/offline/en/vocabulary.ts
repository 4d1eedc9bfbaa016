/** English words the rules share: task nouns, numbers, the verbs and states of each command. */
import { NUMBER_WORD_PATTERN, PAST_FORMS } from './text-normalize';

export const NUM = `(?:\\d{1,9}|${NUMBER_WORD_PATTERN})`;

export const TASK_NOUN = '(?:task|todo|to-do|item|reminder|entry)';

export const DONE_WORD = '(?:done|complete|completed|finished|checked|ticked|closed|resolved|paid|✓|✔|✅)';

export const DONE_STATE =
  '(?:done|complete|completed|finished|taken care of|sorted(?: out)?|handled|dealt with|over|checked off|ticked off|crossed off|✓|✔|✅)';

export const UNDONE_WORD =
  '(?:not (?:yet )?(?:done|complete|completed|finished)|undone|un-done|incomplete|uncompleted|unfinished|pending|open|todo|to do|to-do|active|outstanding|unchecked|not checked)';

export const DELETE_VERB =
  '(?:delete|remove|erase|drop(?! off)|trash|discard|scrap|scratch|cancel|kill|ditch|nuke|axe|bin|get rid of|throw away|throw out|cross out|forget about|clear|eliminate|purge|wipe|rm|del)';

export const UPDATE_VERB =
  '(?:change|rename|update|edit|modify|retitle|set|switch|alter|reword|correct|fix|replace|turn|amend)';

export const DESC_NOUN = '(?:note|notes|description|desc|details|detail|comment)';

/** -ed words that do not mean "I did the task". */
export const PAST_STOPLIST = new Set(
  'need needed want wanted planned decided forgot left thought saw started tried hoped wished added deleted removed created changed renamed updated listed wondered asked liked loved used expected intended missed forgotten meant supposed scheduled postponed delayed cancelled canceled'.split(
    ' ',
  ),
);

/** Verbs that start a typical task ("buy milk"): a bare phrase starting with one is offered as a new task. */
export const TASK_VERBS = new Set(
  (
    'buy call pay email e-mail text phone ring book clean fix repair pick send write read schedule get visit water ' +
    'walk feed wash cook make renew return order prepare submit plan review study practice practise meet pack print ' +
    'mail post file sign bake mow vacuum iron do go take bring grab collect sort organize organise tidy pickup ' +
    'wrap finish start check register apply research learn exercise run workout cancel change update backup ' +
    'back empty fill refill charge install download upload shop dust sweep mop declutter donate sell drop ask ' +
    'reply respond follow invite thank congratulate celebrate'
  ).split(' '),
);

/** "taken", "called", "paid", "clean": a word saying a task was done (not "due", "happening"). */
export function isDoneState(word: string): boolean {
  const w = word.toLowerCase();
  return (
    PAST_FORMS.has(w) || /^[a-z]{2,}ed$/.test(w) || ['clean', 'ready', 'tidy', 'over', 'out'].includes(w)
  );
}
