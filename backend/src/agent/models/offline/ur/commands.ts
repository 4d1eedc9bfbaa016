/**
 * Urdu commands, in Urdu script and in Roman Urdu. Urdu puts the verb last ("doodh add karo", "task 3 mukammal kar
 * do", "دودھ والا کام مٹا دو"), so each rule is anchored on the verb at the end and reads what comes before it as the
 * task — a title that holds a verb ("report delete karna" as a new task) is read by the verb that ends the message.
 */
import type { Action, Intent } from '../intent';
import type { StatusFilter } from '../tool-contract';
import { dueWords, takeDue } from './dates';
import { newTasksIn, splitDescription, toTitle } from './new-tasks';
import { type Normalized, restore } from './normalize';
import { act } from './targets';
import {
  ADD_VERB,
  ALL,
  AUX,
  CHANGE_VERB,
  CHANGING,
  COMPLETE_VERB,
  DELETE_VERB,
  DID,
  DO,
  DONE_STATE,
  DUE_NOUN,
  FROM_LIST,
  GIVE,
  I_DID,
  IN,
  INTO_LIST,
  KO,
  LIST_NOUN,
  MOVE_VERB,
  MY,
  NAME,
  NOT_DONE_STATE,
  OF,
  oneOf,
  PENDING_WORD,
  QUESTION_WORD,
  REOPEN_VERB,
  SET_VERB,
  SHOW,
  TASK_NOUN,
  whole,
} from './vocabulary';

/** What a rule reads: the message normalized (titles are restored from it) and the command part of it. */
export interface Said {
  n: Normalized;
  /** The command: normalized, without politeness or end punctuation. */
  t: string;
  shouting: boolean;
  question: boolean;
}

const DONE: Action = { verb: 'complete', completed: true };
const REOPEN: Action = { verb: 'complete', completed: false };

// ---------------------------------------------------------------------------------------------------------
// Lists and counts

/** Done, of tasks: "mukammal", "ho chuke", "مکمل شدہ". */
const DONE_ADJ = oneOf(
  'mukammal',
  'complete',
  'completed',
  'done',
  'khatam',
  'finished',
  'ho chuke',
  'ho gaye',
  'hue',
  'huay',
  'kiye hue',
  'mukammal shuda',
  'مکمل',
  'مکمل شدہ',
  'ختم',
  'ہو چکے',
  'ہو گئے',
  'ہوئے',
  'کیے ہوئے',
);
const WHICH = oneOf(
  'kaun se',
  'kon se',
  'konse',
  'kaunse',
  'kon si',
  'kaun si',
  'کون سے',
  'کونسے',
  'کون سی',
  'کونسی',
);
const WHAT_ALL = oneOf('kya kya', 'kia kia', 'kya', 'کیا کیا', 'کیا');
const LIST_ALL = [
  whole(
    `(?:${oneOf('mujhe', 'mjhe', 'مجھے')}\\s+)?(?:${MY}\\s+)?(?:${ALL}\\s+)?(?:${TASK_NOUN}|${LIST_NOUN})(?:\\s+${LIST_NOUN})?(?:\\s+${SHOW})?`,
  ),
  whole(`(?:${oneOf('mujhe', 'mjhe', 'مجھے')}\\s+)?${ALL}(?:\\s+${oneOf('kuch', 'کچھ')})?\\s+${SHOW}`),
  whole(
    `(?:${MY}\\s+)?(?:${LIST_NOUN}|${TASK_NOUN})\\s+(?:${oneOf('mein', 'میں')}\\s+)?${WHAT_ALL}\\s+${AUX}`,
  ),
];
const LIST_PENDING = [
  whole(
    `(?:${oneOf('mujhe', 'mjhe', 'مجھے')}\\s+)?(?:${MY}\\s+)?${PENDING_WORD}\\s+(?:${TASK_NOUN}|${LIST_NOUN})(?:\\s+${SHOW}|\\s+${WHAT_ALL}\\s+${AUX}|\\s+${AUX})?`,
  ),
  whole(
    `(?:${MY}\\s+)?(?:${TASK_NOUN}\\s+)?(?:${oneOf('abhi', 'ابھی')}\\s+)?${WHAT_ALL}\\s+(?:${oneOf('kaam', 'کام')}\\s+)?(?:${PENDING_WORD}|${oneOf('reh gaya', 'reh gaye', 'rehta', 'rehte', 'رہ گیا', 'رہ گئے', 'رہتا')})\\s+${AUX}`,
  ),
  whole(`${WHICH}\\s+${TASK_NOUN}\\s+(?:${oneOf('abhi', 'ابھی')}\\s+)?${PENDING_WORD}\\s+${AUX}`),
  whole(
    `(?:${oneOf('mujhe', 'mjhe', 'مجھے')}\\s+)?(?:${oneOf('aaj', 'abhi', 'ab', 'آج', 'ابھی', 'اب')}\\s+)?${WHAT_ALL}\\s+${oneOf('karna', 'کرنا')}\\s+${AUX}`,
  ),
  whole(
    `(?:${TASK_NOUN}\\s+)?${oneOf('jo', 'جو')}\\s+(?:${TASK_NOUN}\\s+)?${PENDING_WORD}\\s+${AUX}\\s+(?:${oneOf('wo', 'woh', 'وہ')}\\s+)?${SHOW}`,
  ),
];
const LIST_DONE = [
  whole(`(?:${MY}\\s+)?${DONE_ADJ}\\s+${TASK_NOUN}(?:\\s+${SHOW}|\\s+${WHAT_ALL}\\s+${AUX})?`),
  whole(`${WHICH}\\s+${TASK_NOUN}\\s+${DONE_STATE}`),
  whole(
    `(?:${oneOf('maine', 'main ne', 'میں نے')}\\s+)?${WHAT_ALL}\\s+(?:${oneOf('ho gaya', 'ho chuka', 'kar liya', 'mukammal kiya', 'mukammal kar liya', 'ہو گیا', 'ہو چکا', 'کر لیا', 'مکمل کیا', 'مکمل کر لیا')})(?:\\s+${AUX})?`,
  ),
  whole(
    `(?:${TASK_NOUN}\\s+)?${oneOf('jo', 'جو')}\\s+(?:${TASK_NOUN}\\s+)?${DONE_STATE}\\s+(?:${oneOf('wo', 'woh', 'وہ')}\\s+)?${SHOW}`,
  ),
];
const COUNT = whole(
  `(?:${MY}\\s+)?(?:${oneOf('kitne', 'kitnay', 'کتنے')})\\s+(?:${TASK_NOUN})\\s+(?:(${PENDING_WORD})|(${DONE_ADJ}|${DONE_STATE}))?\\s*(?:${AUX})?`,
);

export function listRules({ t }: Said): Intent | undefined {
  if (LIST_DONE.some((re) => re.test(t))) return { kind: 'list', status: 'completed' };
  if (LIST_PENDING.some((re) => re.test(t))) return { kind: 'list', status: 'pending' };
  if (LIST_ALL.some((re) => re.test(t))) return { kind: 'list', status: 'all' };
  const count = COUNT.exec(t);
  if (count) {
    const status: StatusFilter = count[1] ? 'pending' : count[2] ? 'completed' : 'all';
    return { kind: 'count', status };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Questions about one task ("kya doodh wala kaam ho gaya?", "report kab tak hai?")

const IS_DONE = whole(`(?:${QUESTION_WORD}\\s+)?(.+?)\\s+${DONE_STATE}`);
const WHEN_DUE = whole(
  `(.+?)\\s+${oneOf('kab', 'کب')}\\s+(?:${oneOf('tak', 'تک')}\\s+)?(?:${oneOf('karna', 'due', 'کرنا')}\\s+)?${AUX}`,
);

export function questionRules({ t, question }: Said): Intent | undefined {
  let m = WHEN_DUE.exec(t);
  if (m) return act({ verb: 'show', ask: 'due' }, m[1]);
  if (!question && !new RegExp(`^${oneOf('kya', 'kia', 'کیا')}\\s`, 'iu').test(t)) return undefined;
  m = IS_DONE.exec(t);
  if (m) return act({ verb: 'show', ask: 'done' }, m[1]);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Undo, and several tasks at once

const UNDO = [
  whole(`${oneOf('undo', 'ان ڈو', 'انڈو')}(?:\\s+${DO})?`),
  whole(
    `(?:${oneOf('pichli', 'pichla', 'aakhri', 'akhri', 'پچھلی', 'پچھلا', 'آخری')}\\s+${oneOf('tabdeeli', 'change', 'kaam', 'تبدیلی', 'کام')}\\s+)?${oneOf('wapas', 'واپس')}\\s+${oneOf('lo', 'le lo', 'lein', 'karo', 'kar do', 'lao', 'لو', 'لے لو', 'لیں', 'کرو', 'کر دو', 'لاؤ')}`,
  ),
  whole(
    `(?:${oneOf('pichli', 'pichla', 'aakhri', 'پچھلی', 'آخری')}\\s+${oneOf('tabdeeli', 'change', 'تبدیلی')}\\s+)${oneOf('undo', 'ان ڈو')}\\s+${DO}`,
  ),
];
const CLEAR_COMPLETED = whole(
  `(?:${ALL}\\s+)?${DONE_ADJ}\\s+(?:${TASK_NOUN}\\s+)?(?:${FROM_LIST}\\s+)?${DELETE_VERB}`,
);

export function undoRules({ t }: Said): Intent | undefined {
  return UNDO.some((re) => re.test(t)) ? { kind: 'undo' } : undefined;
}

export function bulkRules({ t }: Said): Intent | undefined {
  return CLEAR_COMPLETED.test(t) ? { kind: 'clear_completed' } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Renaming

const RENAMES = [
  // "task 1 ka naam badal kar doodh lena kar do", "اس کا نام بدل کر … رکھ دو"
  whole(`(.+?)\\s+${OF}\\s+${NAME}\\s+${CHANGING}\\s+(.+)\\s+${SET_VERB}`),
  // "task 1 ka naam doodh lena rakh do"
  whole(`(.+?)\\s+${OF}\\s+${NAME}\\s+(.+)\\s+${SET_VERB}`),
  // "task 1 ko badal kar … kar do"
  whole(`(.+?)\\s+(?:${KO}\\s+)?${CHANGING}\\s+(.+)\\s+${SET_VERB}`),
  // "task 1 ko … mein badal do"
  whole(`(.+?)\\s+${KO}\\s+(.+)\\s+${IN}\\s+${CHANGE_VERB}`),
  // "task 1 ki jagah … likho"
  whole(`(.+?)\\s+${OF}\\s+${oneOf('jagah', 'bajaye', 'bajae', 'جگہ', 'بجائے')}\\s+(.+)\\s+${SET_VERB}`),
];
/** "task 1 ka naam badlo": which name? The planner asks. */
const RENAME_ASK = whole(`(.+?)\\s+(?:${OF}\\s+${NAME}\\s+)?${CHANGE_VERB}`);

export function renameRules({ n, t, shouting }: Said): Intent | undefined {
  for (const re of RENAMES) {
    const m = re.exec(t);
    if (!m) continue;
    const split = splitDescription(m[2]);
    const title = toTitle(restore(n, split.title), shouting);
    if (!title) continue;
    const action: Action = { verb: 'update', title };
    if (split.description) action.description = restore(n, split.description);
    const intent = act(action, m[1]);
    if (intent) return intent;
  }
  const ask = RENAME_ASK.exec(t);
  return ask ? act({ verb: 'update' }, ask[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Due dates of existing tasks: "task 2 ki tareekh kal kar do", "doodh wala kaam agle peer par kar do"

const DUE_SET = whole(`(.+?)\\s+${OF}\\s+${DUE_NOUN}\\s+(.+)\\s+${SET_VERB}`);
const DUE_CLEAR = whole(
  `(.+?)\\s+${OF}\\s+${DUE_NOUN}\\s+(?:${oneOf('hata', 'nikal', 'mita', 'ہٹا', 'نکال', 'مٹا')}\\s*${GIVE}|${oneOf('hatao', 'nikalo', 'ہٹاؤ', 'نکالو')}|${oneOf('khatam', 'ختم')}\\s*${DO})`,
);
const MOVE = whole(`(.+)\\s+${MOVE_VERB}`);

export function dueRules({ t }: Said): Intent | undefined {
  const set = (target: string, due: string) => act({ verb: 'set', change: { due } }, target);
  let m = DUE_CLEAR.exec(t);
  if (m) return set(m[1], 'none');
  m = DUE_SET.exec(t);
  const words = m ? dueWords(m[2]) : undefined;
  if (m && words) return set(m[1], words);
  m = MOVE.exec(t);
  if (!m) return undefined;
  // The date ends the words before the verb; what comes before it names the task.
  const { text, due } = takeDue(m[1]);
  if (!due || !m[1].startsWith(text)) return undefined;
  const target = text.replace(new RegExp(`\\s+${KO}$`, 'iu'), '');
  return set(target, due);
}

// ---------------------------------------------------------------------------------------------------------
// Completing and reopening

const COMPLETES = [whole(`(.+?)\\s+(?:${KO}\\s+)?${COMPLETE_VERB}`), whole(`(.+?)\\s+${DONE_STATE}`)];
/** "maine doodh khareed liya", "bill bhar diya": something done, in the past. */
const DID_IT = whole(`${I_DID}\\s+(.+?\\s+\\S+)\\s+${DID}(?:\\s+${AUX})?`);
/** Verbs that say something else was done to a task: "mita diya" is not "I did it". */
const NOT_DOING = new RegExp(
  `\\s${oneOf('mita', 'hata', 'nikal', 'add', 'daal', 'dal', 'likh', 'badal', 'shamil', 'مٹا', 'ہٹا', 'نکال', 'ڈال', 'لکھ', 'بدل', 'شامل')}$`,
  'iu',
);
const REOPENS = [whole(`(.+?)\\s+(?:${KO}\\s+)?${REOPEN_VERB}`), whole(`(.+?)\\s+${NOT_DONE_STATE}`)];

export function reopenRules({ t }: Said): Intent | undefined {
  for (const re of REOPENS) {
    const m = re.exec(t);
    if (m) return act(REOPEN, m[1]);
  }
  return undefined;
}

export function completeRules({ t }: Said): Intent | undefined {
  // "maine ammi ko call kar liya": what I did names the task.
  const said = t.replace(new RegExp(`^${I_DID}\\s+`, 'iu'), '');
  for (const re of COMPLETES) {
    const m = re.exec(said);
    if (m) return act(DONE, m[1]);
  }
  const m = DID_IT.exec(t);
  // "doodh le liya": "le" (took) says nothing about which task; "bill bhar diya": "bhar" (paid) may.
  if (m && !NOT_DOING.test(m[1])) return act(DONE, m[1].replace(/\s+\S{1,2}$/u, ''));
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Deleting

const DELETES = [
  whole(`(.+?)\\s+(?:${KO}\\s+)?(?:${FROM_LIST}\\s+)?${DELETE_VERB}`),
  whole(`(?:${DELETE_VERB})\\s*[:\\-]?\\s+(.+)`),
  // "doodh ki zaroorat nahi": no need for it any more.
  whole(
    `(.+?)\\s+${OF}\\s+${oneOf('zaroorat', 'zarurat', 'zaroorat', 'ضرورت')}\\s+${oneOf('nahi', 'nahin', 'نہیں')}(?:\\s+${oneOf('rahi', 'رہی')})?(?:\\s+${AUX})?`,
  ),
];

export function deleteRules({ t }: Said): Intent | undefined {
  for (const re of DELETES) {
    const m = re.exec(t);
    if (m) return act({ verb: 'delete' }, m[1]);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Adding

const ADDS = [
  // "دودھ خریدنا لسٹ میں ڈال دو", "kal doctor ke paas jana add karo"
  whole(`(.+?)\\s+(?:${INTO_LIST}\\s+)?${ADD_VERB}`),
  // "add karo: doodh", "list mein daal do doodh"
  whole(`(?:${INTO_LIST}\\s+)?${ADD_VERB}\\s*[:\\-–—]?\\s+(.+)`),
  // "naya kaam: doodh", "نیا کام: دودھ"
  whole(`(?:${oneOf('naya', 'nayi', 'نیا', 'نئی')}\\s+${TASK_NOUN}|${TASK_NOUN})\\s*[:\\-–—]\\s*(.+)`),
  // "mujhe yaad dilana ke bill bharna hai", "yaad dilana: …"
  whole(
    `(?:${oneOf('mujhe', 'mjhe', 'مجھے')}\\s+)?${oneOf('yaad dilana', 'yaad dila dena', 'yaad karana', 'یاد دلانا', 'یاد دلا دینا')}\\s*(?:${oneOf('ke', 'ki', 'kay', 'کہ', 'کے')}|:)?\\s+(.+)`,
  ),
];
/** Only the verb: "add karo", "کام شامل کرو" — the planner asks what the task should say. */
const ADD_ALONE = whole(
  `(?:${oneOf('naya', 'ek', 'aik', 'نیا', 'ایک')}\\s+)?(?:${TASK_NOUN}\\s+)?(?:${INTO_LIST}\\s+)?${ADD_VERB}`,
);
/** "mujhe kal bank jana hai", "مجھے دودھ لینا ہے": something I have to do. */
const HAVE_TO = whole(
  `${oneOf('mujhe', 'mjhe', 'humein', 'hamein', 'hume', 'مجھے', 'ہمیں')}\\s+(.+?(?:na|ni|ne|نا|نی|نے))\\s+${AUX}`,
);

export function addRules({ n, t, shouting }: Said): Intent | undefined {
  if (ADD_ALONE.test(t)) return { kind: 'add', tasks: [] };
  for (const re of ADDS) {
    const m = re.exec(t);
    if (m) return { kind: 'add', tasks: newTasksIn(n, m[1], shouting) };
  }
  const m = HAVE_TO.exec(t);
  if (m && !new RegExp(`(?:^|\\s)${QUESTION_WORD}(?:\\s|$)`, 'iu').test(m[1]))
    return { kind: 'add', tasks: newTasksIn(n, m[1], shouting, false) };
  return undefined;
}
