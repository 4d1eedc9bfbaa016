/**
 * Urdu the offline model must understand and answer in (issue 23): what people type in Urdu script and in Roman
 * Urdu for the basic commands — add, list (all, pending, done), complete, reopen, rename, delete — and due dates in
 * the ways people say them ("کل", "parson", "agle peer", "shaam 5 baje"). As data, like utterances.ts, so that the
 * same table runs against the offline model with the in-memory MCP server (offline-model.urdu.spec.ts) and through
 * the real Agent + Runner + MCP + PostgreSQL (urdu.spec.ts).
 *
 * "Now" is Wed 9 Dec 2026, 10:00 UTC, in UTC, as in utterances.ts. Semantics are those of utterances.ts, plus
 * `replyIn`: the script the reply must be written in — Urdu script ('ur') to a message in Urdu script, Roman Urdu
 * ('ur-Latn') to one in Roman Urdu, English ('en') to one in English. Titles stay as the person wrote them.
 */
import {
  add,
  added,
  addWith,
  changed,
  complete,
  dropped,
  type GivenTask,
  list,
  remove,
  reopen,
  setFields,
  tasksAfter,
  type TurnExpectation,
  undoLast,
  update,
} from './utterances';

export type ReplyLanguage = 'ur' | 'ur-Latn' | 'en';

export type UrduTag =
  | 'add'
  | 'multi-add'
  | 'due'
  | 'list'
  | 'count'
  | 'complete'
  | 'reopen'
  | 'update'
  | 'delete'
  | 'by-words'
  | 'reference'
  | 'ambiguous'
  | 'confirm'
  | 'undo'
  | 'question'
  | 'small-talk'
  | 'unknown'
  | 'compound'
  | 'switch';

export interface UrduTurn extends TurnExpectation {
  replyIn: ReplyLanguage;
}

export interface UrduCase extends UrduTurn {
  /** 'ur': written in Urdu script; 'ur-Latn': in Roman Urdu. */
  script: 'ur' | 'ur-Latn';
  given?: GivenTask[];
  tags: UrduTag[];
}

export interface UrduConversation {
  name: string;
  given?: GivenTask[];
  tags: UrduTag[];
  turns: UrduTurn[];
}

// ---------------------------------------------------------------------------------------------------------
// The language of a reply

const ARABIC_LETTER = /\p{Script=Arabic}/u;
/** Words of the English replies that never appear in the Urdu ones. */
const ENGLISH_WORDS =
  /\b(?:Added|Deleted|Marked|Reopened|Updated|Moved|Sorry|You|Here|Which|task|tasks|pending)\b/;
/** Words every Roman Urdu reply of the model has one of. */
const ROMAN_WORDS =
  /\b(?:kaam|kar|diya|diye|di|hai|hain|aap|ka|ki|ke|mein|nahi|baqi|mukammal|kya|kaun|haan|theek|shukriya|koi)\b/i;

/**
 * Why the reply is not in the language expected (null when it is). Titles (in quotes) and list lines (which show
 * titles as they were written) do not count: only the assistant's own words do.
 */
export function replyLanguageProblem(reply: string, language: ReplyLanguage): string | null {
  const own = reply
    .split('\n')
    .filter((line) => !/^\s*[○✓⚠]\s+\d+\.\s/u.test(line))
    .join('\n')
    .replace(/“[^”]*”/gu, '');
  if (language === 'ur') {
    if (!ARABIC_LETTER.test(own)) return `no Urdu script in the assistant's words: ${own}`;
    if (ENGLISH_WORDS.test(own)) return `English in the assistant's words: ${own}`;
    return null;
  }
  if (ARABIC_LETTER.test(own)) return `Urdu script in the assistant's words: ${own}`;
  if (language === 'ur-Latn') {
    if (!ROMAN_WORDS.test(own)) return `no Roman Urdu in the assistant's words: ${own}`;
    if (ENGLISH_WORDS.test(own)) return `English in the assistant's words: ${own}`;
    return null;
  }
  return ENGLISH_WORDS.test(own) || /\b(?:I|you|your|the)\b/i.test(own) ? null : `no English: ${own}`;
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures (now: Wed 9 Dec 2026, 10:00 UTC)

/** Tasks written in Urdu script. */
export const GHAR: GivenTask[] = [
  { title: 'دودھ خریدنا' }, // 1
  { title: 'بجلی کا بل جمع کرانا' }, // 2
  { title: 'امی کو فون کرنا', completed: true }, // 3
  { title: 'کتاب واپس کرنا' }, // 4
];

/** Tasks written in Roman Urdu. */
export const ROZ: GivenTask[] = [
  { title: 'doodh khareedna' }, // 1
  { title: 'bijli ka bill bharna' }, // 2
  { title: 'ammi ko call karna', completed: true }, // 3
  { title: 'gaari dhulwana' }, // 4
];

/** Two tasks about a meeting, in each script. */
const MEETINGS: GivenTask[] = [
  { title: 'میٹنگ کی تیاری' }, // 1
  { title: 'ٹیم میٹنگ' }, // 2
  { title: 'دودھ خریدنا' }, // 3
];
const ROMAN_MEETINGS: GivenTask[] = [
  { title: 'meeting ki tayyari' }, // 1
  { title: 'team meeting' }, // 2
  { title: 'doodh khareedna' }, // 3
];

/** Tasks with due dates. */
const DATED: GivenTask[] = [
  { title: 'report bhejna', due: '2026-12-10' }, // 1
  { title: 'doctor ke paas jana', due: '2026-12-11T15:00' }, // 2
];

const done = (id: number) => changed(id, { completed: true });
const undone = (id: number) => changed(id, { completed: false });
const due = (id: number, title: string, at: string | null) => ({ id, title, completed: false, due: at });

// ---------------------------------------------------------------------------------------------------------
// Single turns

export const urduSingleTurns: UrduCase[] = [
  // Adding, in Urdu script: the title as written.
  {
    tags: ['add'],
    script: 'ur',
    say: 'دودھ خریدنا لسٹ میں ڈال دو',
    expectCalls: [add('دودھ خریدنا')],
    expectTasksAfter: tasksAfter([], added('دودھ خریدنا')),
    replyIn: 'ur',
    replyIncludes: ['کام 1 شامل کر دیا: “دودھ خریدنا”۔'],
  },
  {
    tags: ['add'],
    script: 'ur',
    say: 'کتاب واپس کرنا شامل کرو',
    given: GHAR.slice(0, 2),
    expectCalls: [add('کتاب واپس کرنا')],
    replyIn: 'ur',
    replyIncludes: ['کام 3 شامل کر دیا: “کتاب واپس کرنا”۔'],
  },
  {
    tags: ['add'],
    script: 'ur',
    say: 'گاڑی دھلوانا لکھ لو',
    expectCalls: [add('گاڑی دھلوانا')],
    replyIn: 'ur',
  },
  {
    tags: ['add'],
    script: 'ur',
    say: 'براہ کرم سبزی لینا میری لسٹ میں شامل کر دیں',
    expectCalls: [add('سبزی لینا')],
    replyIn: 'ur',
  },
  {
    tags: ['add'],
    script: 'ur',
    say: 'نیا کام: کپڑے استری کرنا',
    expectCalls: [add('کپڑے استری کرنا')],
    replyIn: 'ur',
  },
  {
    tags: ['add'],
    script: 'ur',
    say: 'مجھے دوائی لینی ہے',
    expectCalls: [add('دوائی لینی')],
    replyIn: 'ur',
    replyIncludes: ['“دوائی لینی”'],
  },
  {
    tags: ['add'],
    script: 'ur',
    say: 'بل ادا کرنے کا کام ایڈ کرو',
    expectCalls: [add('بل ادا کرنے')],
    replyIn: 'ur',
  },
  {
    tags: ['add'],
    script: 'ur',
    say: 'کام شامل کرو',
    expectCalls: [],
    expectTasksAfter: [],
    replyIn: 'ur',
    replyIncludes: ['نئے کام میں کیا لکھوں؟'],
  },
  {
    tags: ['add', 'multi-add'],
    script: 'ur',
    say: 'دودھ، انڈے اور ڈبل روٹی لسٹ میں ڈال دو',
    expectCalls: [add('دودھ'), add('انڈے'), add('ڈبل روٹی')],
    replyIn: 'ur',
    replyIncludes: ['3 کام شامل کر دیے:', '• کام 1: “دودھ”', '• کام 3: “ڈبل روٹی”'],
  },

  // Adding, in Roman Urdu: the title as written, capitals and all.
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'kal doctor ke paas jana add karo',
    expectCalls: [addWith('doctor ke paas jana', { due: 'tomorrow' })],
    expectTasksAfter: [due(1, 'doctor ke paas jana', '2026-12-10')],
    replyIn: 'ur-Latn',
    replyIncludes: ['Kaam 1 shamil kar diya: “doctor ke paas jana” (aakhri tareekh Thu 10 Dec).'],
  },
  {
    tags: ['add'],
    script: 'ur-Latn',
    say: 'doodh khareedna list mein daal do',
    expectCalls: [add('doodh khareedna')],
    replyIn: 'ur-Latn',
    replyIncludes: ['Kaam 1 shamil kar diya: “doodh khareedna”.'],
  },
  {
    tags: ['add'],
    script: 'ur-Latn',
    say: 'Sabzi lena add kar do',
    expectCalls: [add('Sabzi lena')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add'],
    script: 'ur-Latn',
    say: 'bijli ka bill bharna likh lo',
    expectCalls: [add('bijli ka bill bharna')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add'],
    script: 'ur-Latn',
    say: 'please gaari dhulwana meri list mein shamil karo',
    expectCalls: [add('gaari dhulwana')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add'],
    script: 'ur-Latn',
    say: 'add karo: Ali ko email karna',
    expectCalls: [add('Ali ko email karna')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add'],
    script: 'ur-Latn',
    say: 'naya kaam: kapre istri karna',
    expectCalls: [add('kapre istri karna')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add'],
    script: 'ur-Latn',
    say: 'mujhe yaad dilana ke dawai leni hai',
    expectCalls: [add('dawai leni')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add', 'multi-add'],
    script: 'ur-Latn',
    say: 'doodh, anday aur double roti add karo',
    expectCalls: [add('doodh'), add('anday'), add('double roti')],
    replyIn: 'ur-Latn',
    replyIncludes: ['3 kaam shamil kar diye:'],
  },
  {
    tags: ['add'],
    script: 'ur-Latn',
    say: 'add karo',
    expectCalls: [],
    expectTasksAfter: [],
    replyIn: 'ur-Latn',
    replyIncludes: ['naye kaam mein kya likhoon?'],
  },

  // Due dates in the ways people say them, passed on as English words the server resolves.
  {
    tags: ['add', 'due'],
    script: 'ur',
    say: 'کل ڈاکٹر کے پاس جانا شامل کرو',
    expectCalls: [addWith('ڈاکٹر کے پاس جانا', { due: 'tomorrow' })],
    expectTasksAfter: [due(1, 'ڈاکٹر کے پاس جانا', '2026-12-10')],
    replyIn: 'ur',
    replyIncludes: ['کام 1 شامل کر دیا: “ڈاکٹر کے پاس جانا” (آخری تاریخ جمعرات، 10 دسمبر)۔'],
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'parson tak report bhejni hai add karo',
    expectCalls: [addWith('report bhejni', { due: 'in 2 days' })],
    expectTasksAfter: [due(1, 'report bhejni', '2026-12-11')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add', 'due'],
    script: 'ur',
    say: 'پرسوں بینک جانا لسٹ میں ڈالو',
    expectCalls: [addWith('بینک جانا', { due: 'in 2 days' })],
    expectTasksAfter: [due(1, 'بینک جانا', '2026-12-11')],
    replyIn: 'ur',
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'agle peer ko team meeting add karo',
    expectCalls: [addWith('team meeting', { due: 'next Monday' })],
    expectTasksAfter: [due(1, 'team meeting', '2026-12-14')],
    replyIn: 'ur-Latn',
    replyIncludes: ['(aakhri tareekh Mon 14 Dec)'],
  },
  {
    tags: ['add', 'due'],
    script: 'ur',
    say: 'اگلے پیر کو میٹنگ شامل کرو',
    expectCalls: [addWith('میٹنگ', { due: 'next Monday' })],
    expectTasksAfter: [due(1, 'میٹنگ', '2026-12-14')],
    replyIn: 'ur',
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'kal shaam 5 baje doctor ke paas jana add karo',
    expectCalls: [addWith('doctor ke paas jana', { due: 'tomorrow at 5pm' })],
    expectTasksAfter: [due(1, 'doctor ke paas jana', '2026-12-10T17:00')],
    replyIn: 'ur-Latn',
    replyIncludes: ['(aakhri tareekh Thu 10 Dec, 17:00)'],
  },
  {
    tags: ['add', 'due'],
    script: 'ur',
    say: 'آج شام 6 بجے امی کو فون کرنا شامل کرو',
    expectCalls: [addWith('امی کو فون کرنا', { due: 'today at 6pm' })],
    expectTasksAfter: [due(1, 'امی کو فون کرنا', '2026-12-09T18:00')],
    replyIn: 'ur',
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'subah 9 baje gym jana add karo',
    expectCalls: [addWith('gym jana', { due: '9am' })],
    expectTasksAfter: [due(1, 'gym jana', '2026-12-10T09:00')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'report bhejna jumma tak add karo',
    expectCalls: [addWith('report bhejna', { due: 'Friday' })],
    expectTasksAfter: [due(1, 'report bhejna', '2026-12-11')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add', 'due'],
    script: 'ur',
    say: 'کرایہ دینا مہینے کے آخر تک شامل کرو',
    expectCalls: [addWith('کرایہ دینا', { due: 'end of the month' })],
    expectTasksAfter: [due(1, 'کرایہ دینا', '2026-12-31')],
    replyIn: 'ur',
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'passport renew karwana 3 din baad add karo',
    expectCalls: [addWith('passport renew karwana', { due: 'in 3 days' })],
    expectTasksAfter: [due(1, 'passport renew karwana', '2026-12-12')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'mujhe kal bank jana hai',
    expectCalls: [addWith('bank jana', { due: 'tomorrow' })],
    expectTasksAfter: [due(1, 'bank jana', '2026-12-10')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'doctor ke paas aaj jana add karo',
    expectCalls: [addWith('doctor ke paas jana', { due: 'today' })],
    expectTasksAfter: [due(1, 'doctor ke paas jana', '2026-12-09')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['add', 'due'],
    script: 'ur',
    say: 'اگلے ہفتے دانتوں کا معائنہ شامل کرو',
    expectCalls: [addWith('دانتوں کا معائنہ', { due: 'next week' })],
    expectTasksAfter: [due(1, 'دانتوں کا معائنہ', '2026-12-16')],
    replyIn: 'ur',
  },
  {
    tags: ['add', 'due'],
    script: 'ur-Latn',
    say: 'kal ki report dekhna add karo',
    expectCalls: [add('kal ki report dekhna')],
    replyIn: 'ur-Latn',
  },

  // Lists: all, pending, done.
  {
    tags: ['list'],
    script: 'ur',
    say: 'میری لسٹ دکھاؤ',
    given: GHAR,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(GHAR),
    replyIn: 'ur',
    replyIncludes: ['آپ کے 4 کام ہیں (3 باقی، 1 مکمل):', '○ 1. دودھ خریدنا', '✓ 3. امی کو فون کرنا'],
  },
  {
    tags: ['list'],
    script: 'ur-Latn',
    say: 'meri list dikhao',
    given: ROZ,
    expectCalls: [list('all')],
    replyIn: 'ur-Latn',
    replyIncludes: ['Aap ke 4 kaam hain (3 baqi, 1 mukammal):', '○ 1. doodh khareedna'],
  },
  {
    tags: ['list'],
    script: 'ur-Latn',
    say: 'saare kaam dikhao',
    given: ROZ,
    expectCalls: [list('all')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['list'],
    script: 'ur',
    say: 'تمام کام دکھائیں',
    given: GHAR,
    expectCalls: [list('all')],
    replyIn: 'ur',
  },
  {
    tags: ['list'],
    script: 'ur',
    say: 'کیا باقی ہے؟',
    given: GHAR,
    expectCalls: [list('pending')],
    replyIn: 'ur',
    replyIncludes: ['آپ کے 3 کام باقی ہیں:', '○ 4. کتاب واپس کرنا'],
    replyExcludes: ['امی کو فون کرنا'],
  },
  {
    tags: ['list'],
    script: 'ur-Latn',
    say: 'kya kya baqi hai?',
    given: ROZ,
    expectCalls: [list('pending')],
    replyIn: 'ur-Latn',
    replyIncludes: ['Aap ke 3 kaam baqi hain:'],
    replyExcludes: ['ammi ko call karna'],
  },
  {
    tags: ['list'],
    script: 'ur-Latn',
    say: 'pending kaam dikhao',
    given: ROZ,
    expectCalls: [list('pending')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['list'],
    script: 'ur',
    say: 'باقی کام دکھاؤ',
    given: GHAR,
    expectCalls: [list('pending')],
    replyIn: 'ur',
  },
  {
    tags: ['list'],
    script: 'ur',
    say: 'مکمل کام دکھاؤ',
    given: GHAR,
    expectCalls: [list('completed')],
    replyIn: 'ur',
    replyIncludes: ['آپ 1 کام مکمل کر چکے ہیں:', '✓ 3. امی کو فون کرنا'],
  },
  {
    tags: ['list'],
    script: 'ur-Latn',
    say: 'kaun se kaam ho gaye hain?',
    given: ROZ,
    expectCalls: [list('completed')],
    replyIn: 'ur-Latn',
    replyIncludes: ['Aap 1 kaam mukammal kar chuke hain:', '✓ 3. ammi ko call karna'],
  },
  {
    tags: ['list'],
    script: 'ur-Latn',
    say: 'done tasks dikhao',
    given: ROZ,
    expectCalls: [list('completed')],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['list'],
    script: 'ur-Latn',
    say: 'meri list dikhao',
    expectCalls: [list('all')],
    replyIn: 'ur-Latn',
    replyIncludes: ['Aap ki list khali hai.'],
  },
  {
    tags: ['list'],
    script: 'ur',
    say: 'کیا باقی ہے؟',
    given: [{ title: 'دودھ خریدنا', completed: true }],
    expectCalls: [list('pending')],
    replyIn: 'ur',
    replyIncludes: ['کوئی کام باقی نہیں'],
  },
  {
    tags: ['count'],
    script: 'ur-Latn',
    say: 'kitne kaam baqi hain?',
    given: ROZ,
    expectCalls: [list('pending')],
    replyIn: 'ur-Latn',
    replyIncludes: ['Aap ke 3 kaam baqi hain.'],
  },

  // Completing: by number, by words, by saying it is done.
  {
    tags: ['complete'],
    script: 'ur-Latn',
    say: 'task 2 complete karo',
    given: ROZ,
    expectCalls: [complete(2)],
    expectTasksAfter: tasksAfter(ROZ, done(2)),
    replyIn: 'ur-Latn',
    replyIncludes: ['✓ Kaam 2 “bijli ka bill bharna” mukammal kar diya.'],
  },
  {
    tags: ['complete'],
    script: 'ur',
    say: 'کام 2 مکمل کر دو',
    given: GHAR,
    expectCalls: [complete(2)],
    expectTasksAfter: tasksAfter(GHAR, done(2)),
    replyIn: 'ur',
    replyIncludes: ['✓ کام 2 “بجلی کا بل جمع کرانا” مکمل کر دیا۔'],
  },
  {
    tags: ['complete'],
    script: 'ur',
    say: 'کام ۴ کو مکمل کر دیں',
    given: GHAR,
    expectCalls: [complete(4)],
    expectTasksAfter: tasksAfter(GHAR, done(4)),
    replyIn: 'ur',
  },
  {
    tags: ['complete', 'by-words'],
    script: 'ur',
    say: 'دودھ والا کام ہو گیا',
    given: GHAR,
    expectCalls: [list('all'), complete(1)],
    expectTasksAfter: tasksAfter(GHAR, done(1)),
    replyIn: 'ur',
    replyIncludes: ['✓ کام 1 “دودھ خریدنا” مکمل کر دیا۔'],
  },
  {
    tags: ['complete', 'by-words'],
    script: 'ur-Latn',
    say: 'doodh wala kaam ho gaya',
    given: ROZ,
    expectCalls: [list('all'), complete(1)],
    expectTasksAfter: tasksAfter(ROZ, done(1)),
    replyIn: 'ur-Latn',
  },
  {
    tags: ['complete', 'by-words'],
    script: 'ur-Latn',
    say: 'bill wala kaam mukammal kar do',
    given: ROZ,
    expectCalls: [list('all'), complete(2)],
    expectTasksAfter: tasksAfter(ROZ, done(2)),
    replyIn: 'ur-Latn',
  },
  {
    tags: ['complete', 'by-words'],
    script: 'ur',
    say: 'کتاب واپس کرنا مکمل ہو گیا ہے',
    given: GHAR,
    expectCalls: [list('all'), complete(4)],
    replyIn: 'ur',
  },
  {
    tags: ['complete', 'by-words'],
    script: 'ur-Latn',
    say: 'maine gaari dhulwa li',
    given: ROZ,
    expectCalls: [list('all'), complete(4)],
    expectTasksAfter: tasksAfter(ROZ, done(4)),
    replyIn: 'ur-Latn',
  },
  {
    tags: ['complete'],
    script: 'ur-Latn',
    say: 'ammi ko call karna done ho gaya',
    given: ROZ,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(ROZ),
    replyIn: 'ur-Latn',
    replyIncludes: ['Kaam 3 “ammi ko call karna” pehle hi mukammal hai.'],
  },

  // Reopening.
  {
    tags: ['reopen'],
    script: 'ur',
    say: 'کام 3 دوبارہ کھولو',
    given: GHAR,
    expectCalls: [reopen(3)],
    expectTasksAfter: tasksAfter(GHAR, undone(3)),
    replyIn: 'ur',
    replyIncludes: ['کام 3 “امی کو فون کرنا” دوبارہ کھول دیا — یہ پھر سے باقی ہے۔'],
  },
  {
    tags: ['reopen'],
    script: 'ur-Latn',
    say: 'task 3 ko phir se pending kar do',
    given: ROZ,
    expectCalls: [reopen(3)],
    expectTasksAfter: tasksAfter(ROZ, undone(3)),
    replyIn: 'ur-Latn',
    replyIncludes: ['Kaam 3 “ammi ko call karna” dobara khol diya'],
  },
  {
    tags: ['reopen', 'by-words'],
    script: 'ur',
    say: 'امی کو فون کرنا ابھی نہیں ہوا',
    given: GHAR,
    expectCalls: [list('all'), reopen(3)],
    expectTasksAfter: tasksAfter(GHAR, undone(3)),
    replyIn: 'ur',
  },
  {
    tags: ['reopen', 'by-words'],
    script: 'ur-Latn',
    say: 'ammi wala kaam dobara kholo',
    given: ROZ,
    expectCalls: [list('all'), reopen(3)],
    expectTasksAfter: tasksAfter(ROZ, undone(3)),
    replyIn: 'ur-Latn',
  },

  // Renaming: the new title as written.
  {
    tags: ['update'],
    script: 'ur-Latn',
    say: 'task 1 ka naam badal kar doodh aur anday lena kar do',
    given: ROZ,
    expectCalls: [update(1, { title: 'doodh aur anday lena' })],
    expectTasksAfter: tasksAfter(ROZ, changed(1, { title: 'doodh aur anday lena' })),
    replyIn: 'ur-Latn',
    replyIncludes: ['Kaam 1 ka naam badal diya: ab ye “doodh aur anday lena” hai.'],
  },
  {
    tags: ['update'],
    script: 'ur',
    say: 'کام 1 کا نام بدل کر دودھ اور انڈے لینا کر دو',
    given: GHAR,
    expectCalls: [update(1, { title: 'دودھ اور انڈے لینا' })],
    expectTasksAfter: tasksAfter(GHAR, changed(1, { title: 'دودھ اور انڈے لینا' })),
    replyIn: 'ur',
    replyIncludes: ['کام 1 کا نام بدل دیا: اب یہ “دودھ اور انڈے لینا” ہے۔'],
  },
  {
    tags: ['update'],
    script: 'ur',
    say: 'کام 4 کا نام لائبریری جانا رکھ دو',
    given: GHAR,
    expectCalls: [update(4, { title: 'لائبریری جانا' })],
    replyIn: 'ur',
  },
  {
    tags: ['update', 'by-words'],
    script: 'ur-Latn',
    say: 'gaari wale kaam ko badal kar Gaari service karwana kar do',
    given: ROZ,
    expectCalls: [list('all'), update(4, { title: 'Gaari service karwana' })],
    expectTasksAfter: tasksAfter(ROZ, changed(4, { title: 'Gaari service karwana' })),
    replyIn: 'ur-Latn',
  },
  {
    tags: ['update'],
    script: 'ur-Latn',
    say: 'task 2 ko gas ka bill bharna mein badal do',
    given: ROZ,
    expectCalls: [update(2, { title: 'gas ka bill bharna' })],
    replyIn: 'ur-Latn',
  },

  // Deleting.
  {
    tags: ['delete', 'by-words'],
    script: 'ur',
    say: 'دودھ والا کام مٹا دو',
    given: GHAR,
    expectCalls: [list('all'), remove(1)],
    expectTasksAfter: tasksAfter(GHAR, dropped(1)),
    replyIn: 'ur',
    replyIncludes: ['کام 1 مٹا دیا: “دودھ خریدنا”۔'],
  },
  {
    tags: ['delete'],
    script: 'ur-Latn',
    say: 'task 2 delete kar do',
    given: ROZ,
    expectCalls: [remove(2)],
    expectTasksAfter: tasksAfter(ROZ, dropped(2)),
    replyIn: 'ur-Latn',
    replyIncludes: ['Kaam 2 mita diya: “bijli ka bill bharna”.'],
  },
  {
    tags: ['delete'],
    script: 'ur',
    say: 'کام 4 لسٹ سے ہٹا دو',
    given: GHAR,
    expectCalls: [remove(4)],
    expectTasksAfter: tasksAfter(GHAR, dropped(4)),
    replyIn: 'ur',
  },
  {
    tags: ['delete', 'by-words'],
    script: 'ur-Latn',
    say: 'gaari dhulwana mita do',
    given: ROZ,
    expectCalls: [list('all'), remove(4)],
    expectTasksAfter: tasksAfter(ROZ, dropped(4)),
    replyIn: 'ur-Latn',
  },
  {
    tags: ['delete', 'by-words'],
    script: 'ur-Latn',
    say: 'doodh ki zaroorat nahi',
    given: ROZ,
    expectCalls: [list('all'), remove(1)],
    expectTasksAfter: tasksAfter(ROZ, dropped(1)),
    replyIn: 'ur-Latn',
  },
  {
    tags: ['delete', 'by-words'],
    script: 'ur',
    say: 'چائے والا کام مٹا دو',
    given: GHAR,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(GHAR),
    replyIn: 'ur',
    replyIncludes: ['“چائے” سے ملتا کوئی کام نہیں ملا۔'],
  },
  {
    tags: ['delete'],
    script: 'ur-Latn',
    say: 'mukammal kaam mita do',
    given: ROZ,
    expectCalls: [list('completed'), remove(3)],
    expectTasksAfter: tasksAfter(ROZ, dropped(3)),
    replyIn: 'ur-Latn',
  },
  {
    tags: ['delete', 'confirm'],
    script: 'ur',
    say: 'سب کچھ مٹا دو',
    given: GHAR.slice(0, 2),
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(GHAR.slice(0, 2)),
    replyIn: 'ur',
    replyIncludes: ['آپ کے سارے 2 کام', 'کیا آپ کو یقین ہے؟'],
  },

  // Due dates of existing tasks.
  {
    tags: ['due'],
    script: 'ur-Latn',
    say: 'task 1 ki tareekh agle peer kar do',
    given: DATED,
    expectCalls: [setFields(1, { due: 'next Monday' })],
    expectTasksAfter: [
      due(1, 'report bhejna', '2026-12-14'),
      due(2, 'doctor ke paas jana', '2026-12-11T15:00'),
    ],
    replyIn: 'ur-Latn',
    replyIncludes: ['Kaam 1 “report bhejna” ki aakhri tareekh Mon 14 Dec kar di.'],
  },
  {
    tags: ['due', 'by-words'],
    script: 'ur-Latn',
    say: 'doctor wala kaam kal par kar do',
    given: DATED,
    expectCalls: [list('all'), setFields(2, { due: 'tomorrow' })],
    // A day alone keeps the time the task had.
    expectTasksAfter: [
      due(1, 'report bhejna', '2026-12-10'),
      due(2, 'doctor ke paas jana', '2026-12-10T15:00'),
    ],
    replyIn: 'ur-Latn',
  },
  {
    tags: ['due'],
    script: 'ur',
    say: 'کام 1 کو کل شام 5 بجے پر کر دو',
    given: DATED,
    expectCalls: [setFields(1, { due: 'tomorrow at 5pm' })],
    expectTasksAfter: [
      due(1, 'report bhejna', '2026-12-10T17:00'),
      due(2, 'doctor ke paas jana', '2026-12-11T15:00'),
    ],
    replyIn: 'ur',
  },
  {
    tags: ['due'],
    script: 'ur',
    say: 'کام 2 کی تاریخ ہٹا دو',
    given: DATED,
    expectCalls: [setFields(2, { due: 'none' })],
    expectTasksAfter: [due(1, 'report bhejna', '2026-12-10'), due(2, 'doctor ke paas jana', null)],
    replyIn: 'ur',
    replyIncludes: ['کی آخری تاریخ ہٹا دی۔'],
  },

  // Questions about a task.
  {
    tags: ['question', 'by-words'],
    script: 'ur-Latn',
    say: 'kya ammi ko call karna ho gaya?',
    given: ROZ,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(ROZ),
    replyIn: 'ur-Latn',
    replyIncludes: ['Ji haan — kaam 3 mukammal ho chuka hai.'],
  },
  {
    tags: ['question', 'by-words'],
    script: 'ur',
    say: 'کیا دودھ والا کام ہو گیا؟',
    given: GHAR,
    expectCalls: [list('all')],
    expectTasksAfter: tasksAfter(GHAR),
    replyIn: 'ur',
    replyIncludes: ['نہیں — کام 1 ابھی مکمل نہیں ہوا۔'],
  },

  // Small talk and what is not understood.
  {
    tags: ['small-talk'],
    script: 'ur',
    say: 'السلام علیکم',
    expectCalls: [],
    replyIn: 'ur',
    replyIncludes: ['السلام علیکم!'],
  },
  {
    tags: ['small-talk'],
    script: 'ur-Latn',
    say: 'shukriya',
    expectCalls: [],
    replyIn: 'ur-Latn',
    replyIncludes: ['Koi baat nahi!'],
  },
  {
    tags: ['small-talk'],
    script: 'ur',
    say: 'مدد',
    expectCalls: [],
    replyIn: 'ur',
    replyIncludes: ['دودھ خریدنا لسٹ میں ڈال دو'],
  },
  { tags: ['small-talk'], script: 'ur-Latn', say: 'khuda hafiz', expectCalls: [], replyIn: 'ur-Latn' },
  {
    tags: ['unknown'],
    script: 'ur',
    say: 'آج موسم کیسا ہے؟',
    given: GHAR,
    expectCalls: [],
    expectTasksAfter: tasksAfter(GHAR),
    replyIn: 'ur',
    replyIncludes: ['سمجھ نہیں آیا'],
  },
  {
    tags: ['unknown'],
    script: 'ur-Latn',
    say: 'aaj mausam kaisa hai?',
    expectCalls: [],
    replyIn: 'ur-Latn',
    replyIncludes: ['samajh nahi aaya'],
  },

  // Two commands in one message.
  {
    tags: ['compound'],
    script: 'ur-Latn',
    say: 'task 1 mukammal karo aur chai lena add karo',
    given: ROZ,
    expectCalls: [complete(1), add('chai lena')],
    expectTasksAfter: tasksAfter(ROZ, done(1), added('chai lena')),
    replyIn: 'ur-Latn',
    replyIncludes: ['✓ Kaam 1 “doodh khareedna” mukammal kar diya.', 'Kaam 5 shamil kar diya: “chai lena”.'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Conversations

export const urduConversations: UrduConversation[] = [
  {
    name: 'which of two meetings, in Urdu script',
    tags: ['delete', 'ambiguous'],
    given: MEETINGS,
    turns: [
      {
        say: 'میٹنگ والا کام مٹا دو',
        expectCalls: [list('all')],
        expectTasksAfter: tasksAfter(MEETINGS),
        replyIn: 'ur',
        replyIncludes: ['“میٹنگ” سے 2 کام ملتے ہیں:', '• کام 1: “میٹنگ کی تیاری”', 'کون سا کام مٹاؤں؟'],
      },
      {
        say: 'دوسرا',
        expectCalls: [remove(2)],
        expectTasksAfter: tasksAfter(MEETINGS, dropped(2)),
        replyIn: 'ur',
        replyIncludes: ['کام 2 مٹا دیا: “ٹیم میٹنگ”۔'],
      },
    ],
  },
  {
    name: 'which of two meetings, in Roman Urdu, answered by number',
    tags: ['complete', 'ambiguous'],
    given: ROMAN_MEETINGS,
    turns: [
      {
        say: 'meeting wala kaam mukammal karo',
        expectCalls: [list('all')],
        replyIn: 'ur-Latn',
        replyIncludes: ['“meeting” se 2 kaam milte hain:', 'Kaun sa kaam mukammal karoon?'],
      },
      {
        say: '1',
        expectCalls: [complete(1)],
        expectTasksAfter: tasksAfter(ROMAN_MEETINGS, done(1)),
        replyIn: 'ur-Latn',
      },
    ],
  },
  {
    name: 'deleting everything asks first; "haan" deletes',
    tags: ['delete', 'confirm'],
    given: ROZ.slice(0, 2),
    turns: [
      {
        say: 'sab kuch mita do',
        expectCalls: [list('all')],
        expectTasksAfter: tasksAfter(ROZ.slice(0, 2)),
        replyIn: 'ur-Latn',
        replyIncludes: ['aap ke saare 2 kaam'],
      },
      {
        say: 'haan',
        expectCalls: [remove(1), remove(2)],
        expectTasksAfter: [],
        replyIn: 'ur-Latn',
        replyIncludes: ['2 kaam mita diye:'],
      },
    ],
  },
  {
    name: 'deleting everything asks first; "نہیں، رہنے دو" keeps them',
    tags: ['delete', 'confirm'],
    given: GHAR.slice(0, 2),
    turns: [
      { say: 'سب کام مٹا دو', expectCalls: [list('all')], replyIn: 'ur' },
      {
        say: 'نہیں، رہنے دو',
        expectCalls: [],
        expectTasksAfter: tasksAfter(GHAR.slice(0, 2)),
        replyIn: 'ur',
        replyIncludes: ['ٹھیک ہے، کچھ نہیں بدلا۔'],
      },
    ],
  },
  {
    name: '"add karo" asks what the task should say',
    tags: ['add'],
    turns: [
      {
        say: 'naya kaam add karo',
        expectCalls: [],
        replyIn: 'ur-Latn',
        replyIncludes: ['naye kaam mein kya likhoon?'],
      },
      {
        say: 'dhobi se kapre lena',
        expectCalls: [add('dhobi se kapre lena')],
        expectTasksAfter: tasksAfter([], added('dhobi se kapre lena')),
        replyIn: 'ur-Latn',
      },
    ],
  },
  {
    name: '"it" is the task just added',
    tags: ['reference', 'complete'],
    turns: [
      {
        say: 'کل سبزی لینا شامل کرو',
        expectCalls: [addWith('سبزی لینا', { due: 'tomorrow' })],
        replyIn: 'ur',
      },
      {
        say: 'اسے مکمل کر دو',
        expectCalls: [complete(1)],
        expectTasksAfter: [{ id: 1, title: 'سبزی لینا', completed: true }],
        replyIn: 'ur',
        replyIncludes: ['✓ کام 1 “سبزی لینا” مکمل کر دیا۔'],
      },
    ],
  },
  {
    name: 'the list, then "the second one"',
    tags: ['reference', 'list', 'delete'],
    given: ROZ,
    turns: [
      { say: 'baqi kaam dikhao', expectCalls: [list('pending')], replyIn: 'ur-Latn' },
      {
        say: 'doosra wala mita do',
        expectCalls: [remove(2)],
        expectTasksAfter: tasksAfter(ROZ, dropped(2)),
        replyIn: 'ur-Latn',
      },
    ],
  },
  {
    name: 'undo a deletion',
    tags: ['undo', 'delete'],
    given: GHAR,
    turns: [
      {
        say: 'کام 1 مٹا دو',
        expectCalls: [remove(1)],
        expectTasksAfter: tasksAfter(GHAR, dropped(1)),
        replyIn: 'ur',
      },
      {
        say: 'ان ڈو کرو',
        expectCalls: [undoLast()],
        expectTasksAfter: tasksAfter(GHAR),
        replyIn: 'ur',
        replyIncludes: ['پچھلی تبدیلی واپس لے لی: کام 1 “دودھ خریدنا” واپس لے آیا۔'],
      },
    ],
  },
  {
    name: 'rename: which name? then the answer',
    tags: ['update'],
    given: ROZ,
    turns: [
      {
        say: 'task 4 ka naam badlo',
        expectCalls: [],
        replyIn: 'ur-Latn',
        replyIncludes: ['Kaam 4 ka naya naam kya rakhoon?'],
      },
      {
        say: 'gaari ki service karwana',
        expectCalls: [update(4, { title: 'gaari ki service karwana' })],
        expectTasksAfter: tasksAfter(ROZ, changed(4, { title: 'gaari ki service karwana' })),
        replyIn: 'ur-Latn',
      },
    ],
  },
  {
    name: 'a short answer keeps the language of the question',
    tags: ['switch', 'ambiguous'],
    given: MEETINGS,
    turns: [
      { say: 'میٹنگ والا کام مکمل کرو', expectCalls: [list('all')], replyIn: 'ur' },
      {
        say: '2',
        expectCalls: [complete(2)],
        expectTasksAfter: tasksAfter(MEETINGS, done(2)),
        replyIn: 'ur',
        replyIncludes: ['✓ کام 2 “ٹیم میٹنگ” مکمل کر دیا۔'],
      },
    ],
  },
  {
    name: 'English, then Urdu, then English: each answered in its own',
    tags: ['switch'],
    turns: [
      {
        say: 'Add buy milk',
        expectCalls: [add('Buy milk')],
        replyIn: 'en',
        replyIncludes: ['Added task 1: “Buy milk”.'],
      },
      {
        say: 'اسے مکمل کر دو',
        expectCalls: [complete(1)],
        replyIn: 'ur',
        replyIncludes: ['✓ کام 1 “Buy milk” مکمل کر دیا۔'],
      },
      {
        say: 'show my tasks',
        expectCalls: [list('all')],
        expectTasksAfter: [{ id: 1, title: 'Buy milk', completed: true }],
        replyIn: 'en',
      },
    ],
  },
  {
    name: 'moving a task found by words, then reopening it by its state',
    tags: ['due', 'reopen', 'by-words'],
    given: ROZ,
    turns: [
      {
        say: 'bill wala kaam agle peer par kar do',
        expectCalls: [list('all'), setFields(2, { due: 'next Monday' })],
        replyIn: 'ur-Latn',
        replyIncludes: ['ki aakhri tareekh Mon 14 Dec kar di.'],
      },
      {
        say: 'ammi ko call karna abhi nahi hua',
        expectCalls: [list('all'), reopen(3)],
        expectTasksAfter: tasksAfter(ROZ, changed(2, { due: '2026-12-14' }), undone(3)),
        replyIn: 'ur-Latn',
      },
    ],
  },
];

/** Every Urdu utterance of the table (single turns and the turns of conversations). */
export function urduUtteranceCount(): number {
  return urduSingleTurns.length + urduConversations.reduce((n, c) => n + c.turns.length, 0);
}
