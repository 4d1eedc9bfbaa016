/**
 * New tasks in Urdu: "دودھ خریدنا", "kal doctor ke paas jana" (due tomorrow), "doodh, anday aur double roti". The
 * title is kept as the person wrote it — its script, spelling and capitals; only a due date and the words around a
 * title ("ka kaam", "list mein") come off it.
 */
import type { NewTask } from '../intent';
import { takeDue } from './dates';
import { type Normalized, normalize, restore } from './normalize';
import { AUX, INTO_LIST, OF, oneOf, POLITE_END, POLITE_START, TASK_NOUN, WALA } from './vocabulary';

const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
];

function stripQuotes(text: string): string {
  const t = text.trim();
  for (const [open, close] of QUOTES) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close)) return t.slice(1, -1).trim();
  }
  return t;
}

/** True when Roman Urdu is written in capitals ("DOODH ADD KARO"): titles should not keep them. */
export function isShouting(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/** A title as stored: unquoted, without the punctuation around it; written as it was (no capital added). */
export function toTitle(raw: string, shouting: boolean): string {
  let t = stripQuotes(
    raw
      .trim()
      .replace(/^[\s,:;-]+/, '')
      .replace(/[\s,;:.!?…۔؟،]+$/u, ''),
  );
  t = stripQuotes(t).replace(/\s+/g, ' ');
  return shouting ? t.toLowerCase() : t;
}

/** Politeness around a command: "please", "zara", "bhai", "مہربانی کر کے" before it; "na", "please", "جی" after. */
export function stripPoliteness(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t
      .replace(new RegExp(`^${POLITE_START}(?:\\s*[,،]\\s*|\\s+)`, 'iu'), '')
      .replace(new RegExp(`(?:\\s*[,،]\\s*|\\s+)${POLITE_END}([\\s.!?۔؟]*)$`, 'iu'), '$1')
      .trim();
    if (t === before) break;
  }
  return t;
}

/** "title: description". */
export function splitDescription(text: string): { title: string; description?: string } {
  const m = /^(.+?)\s*:\s+(.+)$/u.exec(text.trim()) ?? /^(.+?)\s+(?:--|—|–)\s+(.+)$/u.exec(text.trim());
  if (m) return { title: m[1].trim(), description: stripQuotes(m[2].trim().replace(/[\s.۔]+$/u, '')) };
  return { title: text.trim() };
}

const NO_TEXT = new RegExp(
  `^${oneOf('kuch nahi', 'kuch bhi nahi', 'kuch nahin', 'khali', 'khaali', 'کچھ نہیں', 'کچھ بھی نہیں', 'خالی')}$`,
  'iu',
);

/** The text of a new description as written; '' for "kuch nahi" / "کچھ نہیں" (clear it). */
export function descriptionText(value: string): string | undefined {
  const v = stripQuotes(value.trim());
  if (!v) return undefined;
  return NO_TEXT.test(normalize(v).text) ? '' : v;
}

/** Words around a new task's title that are not part of it. */
const LEAD = new RegExp(
  `^(?:${oneOf('naya', 'nayi', 'new', 'ek', 'aik', 'نیا', 'نئی', 'ایک')}\\s+)*(?:${TASK_NOUN})?\\s*[:\\-–—]\\s*`,
  'iu',
);
const TRAIL = [
  // "doodh lene ka kaam", "doodh wala task": the task of (buying milk).
  new RegExp(`\\s+(?:${OF}|${WALA})\\s+${TASK_NOUN}$`, 'iu'),
  new RegExp(`\\s+${INTO_LIST}$`, 'iu'),
  new RegExp(`\\s+${oneOf('bhi', 'بھی')}$`, 'iu'),
];
/** "jana hai", "bhejni hai": the title ends with its verb, not with "is". */
const INFINITIVE_AUX = new RegExp(`(?<=(?:na|ni|ne|نا|نی|نے))\\s+${AUX}$`, 'iu');

/** Pronouns and nouns alone: "add karo" names no title. */
const NO_TITLE = new RegExp(
  `^(?:${oneOf('ye', 'yeh', 'ise', 'isay', 'is', 'wo', 'woh', 'یہ', 'اسے', 'اس', 'وہ')}|${oneOf('naya', 'نیا', 'ek', 'ایک')}?\\s*${TASK_NOUN}?)$`,
  'iu',
);

/**
 * The new tasks in words of the normalized text `n` (a stretch of it): the title(s) as written, a due date in the
 * English words the tools read. Several, separated by commas ("doodh, anday aur double roti"), when `allowMulti`.
 */
export function newTasksIn(n: Normalized, words: string, shouting: boolean, allowMulti = true): NewTask[] {
  let body = words.trim().replace(LEAD, '');
  for (let i = 0; i < 2; i++) {
    for (const re of TRAIL) body = body.replace(re, '');
    body = body.replace(INFINITIVE_AUX, '').trim();
  }
  if (body === '' || NO_TITLE.test(body)) return [];
  const { text, due } = takeDue(body);
  const fields = due ? { due } : undefined;
  const single = splitDescription(text);
  const items =
    allowMulti && single.description === undefined && text.includes(',')
      ? text.split(
          new RegExp(
            `\\s*,\\s*(?:${oneOf('aur', 'اور')}\\s+)?|\\s+${oneOf('aur', 'اور')}\\s+(?=[^,]*$)`,
            'iu',
          ),
        )
      : [text];
  return items
    .map((item): NewTask => {
      const split = items.length === 1 ? single : { title: item };
      const task: NewTask = { title: toTitle(restore(n, split.title.trim()), shouting) };
      if (split.description) task.description = restore(n, split.description);
      if (fields) task.fields = { ...fields };
      return task;
    })
    .filter((t) => t.title.length > 0);
}

/** A reply to "what should the new task say?": one or several new tasks. */
export function extractNewTasks(text: string, shouting: boolean, allowMulti = true): NewTask[] {
  const n = normalize(text);
  return newTasksIn(n, stripPoliteness(n.text), shouting, allowMulti);
}
