/**
 * English text helpers shared by the rules and the task matcher: keyword typo correction, stemming, numbers and
 * title casing. Everything is a pure function of its input.
 */

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), cut off above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** Misspellings too short for edit distance to be safe, mapped explicitly. */
const TYPO_MAP: Readonly<Record<string, string>> = {
  tsk: 'task',
  taks: 'task',
  tsak: 'task',
  tasl: 'task',
  tassk: 'task',
  taask: 'task',
  tastk: 'task',
  tsks: 'tasks',
  tasls: 'tasks',
  taskss: 'tasks',
  takss: 'tasks',
  shwo: 'show',
  sohw: 'show',
  shw: 'show',
  hsow: 'show',
  shoow: 'show',
  shwow: 'show',
  lsit: 'list',
  lst: 'list',
  lisr: 'list',
  mrak: 'mark',
  makr: 'mark',
  amrk: 'mark',
  mrk: 'mark',
  marl: 'mark',
  dnoe: 'done',
  doen: 'done',
  odne: 'done',
  donee: 'done',
  addd: 'add',
  whats: "what's",
  wats: "what's",
  wat: 'what',
  waht: 'what',
  hwat: 'what',
  'to-dos': 'todos',
  'to-do': 'todo',
};

/** Keywords long enough to be corrected by edit distance. */
const FUZZY_KEYWORDS = [
  'delete',
  'remove',
  'complete',
  'completed',
  'finish',
  'finished',
  'rename',
  'update',
  'change',
  'pending',
  'create',
  'reopen',
  'uncheck',
  'display',
  'remind',
  'remember',
  'please',
  'description',
  'incomplete',
  'everything',
];

/** Real words within one edit of a keyword: never "corrected". */
const PROTECTED_WORDS = new Set(
  [
    'remote remotes chance chances charge charged changes changed changing crate crated crates compete competed',
    'competes competing spending bending lending sending tending vending fending pleased pleas plead places',
    'deleted deletes deleting removed removes removing remover completes completing completion finishes',
    'finishing finisher renamed renames renaming updated updates updating created creates creating creator',
    'reopened reopens reopening unchecked unchecks displayed displays reminds reminded remembered remembers',
    'relate related delate remand reminder reminders finnish pending completer replete remover rename',
    'update change create remind remember delete remove complete finish display reopen uncheck please',
    'completed finished description incomplete everything descriptions pendant lemind',
  ]
    .join(' ')
    .split(' '),
);

function fuzzyKeyword(word: string): string | undefined {
  if (word.length < 4 || PROTECTED_WORDS.has(word)) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const keyword of FUZZY_KEYWORDS) {
    const max = keyword.length >= 8 ? 2 : 1;
    // Typos keep the first letter, or swap the first two.
    if (word[0] !== keyword[0] && !(word[0] === keyword[1] && word[1] === keyword[0])) continue;
    const d = editDistance(word, keyword, max);
    if (d > max) continue;
    if (d < bestDistance) {
      best = keyword;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** Corrects misspelt command keywords in place ("delte tsk 2" → "delete task 2"); other words are untouched. */
export function correctTypos(text: string): string {
  return text.replace(/[A-Za-z][A-Za-z'-]*/g, (word) => {
    const lower = word.toLowerCase();
    const fixed = TYPO_MAP[lower] ?? fuzzyKeyword(lower);
    return fixed && fixed !== lower ? fixed : word;
  });
}

/** True when the message is written in capitals ("SHOW MY TASKS"), so titles should not keep them. */
export function isShouting(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['`', '`'],
  ['„', '“'],
];

/** Removes one pair of quotes around the whole string. */
export function stripQuotes(text: string): string {
  const t = text.trim();
  for (const [open, close] of QUOTE_PAIRS) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close))
      return t.slice(open.length, -close.length).trim();
  }
  return t;
}

/** Title text as stored: quotes and trailing punctuation removed, first letter capitalised. */
export function toTitle(raw: string, shouting: boolean): string {
  let t = stripQuotes(
    raw
      .trim()
      .replace(/^[\s,:;-]+/, '')
      .replace(/[\s,;:.!?…]+$/u, ''),
  );
  t = stripQuotes(t).replace(/\s+/g, ' ');
  if (shouting) t = t.toLowerCase();
  return t.length > 0 ? t[0].toUpperCase() + t.slice(1) : t;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).join('|');

/** "3", "#3", "three" → 3. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/^#\s*/, '');
  if (/^\d{1,9}$/.test(t)) return Number(t);
  return NUMBER_WORDS[t];
}

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
export const ORDINAL_PATTERN = `${Object.keys(ORDINAL_WORDS).join('|')}|last|\\d{1,3}(?:st|nd|rd|th)`;

/** "second" / "2nd" → 2; "last" → -1. */
export function parseOrdinal(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'last') return -1;
  const m = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(t);
  if (m) return Number(m[1]);
  return ORDINAL_WORDS[t];
}

const IRREGULAR_STEMS: Readonly<Record<string, string>> = {
  bought: 'buy',
  paid: 'pay',
  wrote: 'write',
  written: 'write',
  sent: 'send',
  did: 'do',
  done: 'do',
  made: 'make',
  went: 'go',
  gone: 'go',
  took: 'take',
  taken: 'take',
  got: 'get',
  gotten: 'get',
  ate: 'eat',
  eaten: 'eat',
  gave: 'give',
  given: 'give',
  met: 'meet',
  brought: 'bring',
  fed: 'feed',
  spoke: 'speak',
  spoken: 'speak',
  drove: 'drive',
  driven: 'drive',
  ran: 'run',
  saw: 'see',
  seen: 'see',
  sold: 'sell',
  told: 'tell',
  found: 'find',
  kept: 'keep',
  left: 'leave',
  built: 'build',
  swept: 'sweep',
  taught: 'teach',
  caught: 'catch',
  thought: 'think',
  won: 'win',
  said: 'say',
  spent: 'spend',
  lent: 'lend',
  hung: 'hang',
  read: 'read',
  chose: 'choose',
  chosen: 'choose',
  drew: 'draw',
  drawn: 'draw',
  flew: 'fly',
  forgot: 'forget',
  froze: 'freeze',
  grew: 'grow',
  knew: 'know',
  rode: 'ride',
  rang: 'ring',
  sang: 'sing',
  sat: 'sit',
  slept: 'sleep',
  stood: 'stand',
  swam: 'swim',
  threw: 'throw',
  understood: 'understand',
  woke: 'wake',
  wore: 'wear',
  emails: 'email',
  groceries: 'grocery',
  children: 'child',
  people: 'person',
};

/** Past tenses and participles ("bought", "written") that say a task was done: "I've written the report". */
export const PAST_FORMS: ReadonlySet<string> = new Set(
  Object.keys(IRREGULAR_STEMS).filter(
    (w) => !['groceries', 'children', 'people', 'emails', 'read'].includes(w),
  ),
);

/**
 * A light English stemmer: enough to make "meeting"/"meetings"/"meet", "called"/"call", "bought"/"buy" and
 * "groceries"/"grocery" compare equal. Not Porter; only what task titles need.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  const irregular = IRREGULAR_STEMS[w];
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  // Plurals first ("meetings" → "meeting"), then verb endings ("meeting" → "meet").
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  let stripped = false;
  if (w.endsWith('ied') && w.length > 4) {
    w = w.slice(0, -3) + 'y';
  } else if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length > 4) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped && /([b-df-hj-km-pr-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Lower-case word tokens (letters, digits, inner apostrophes). */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).map((w) =>
    w.replace(/['’]s$/, ''),
  );
}
