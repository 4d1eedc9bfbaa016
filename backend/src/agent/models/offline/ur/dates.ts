/**
 * Due dates said in Urdu, in either script: "کل", "kal shaam 5 baje", "parson tak", "agle peer ko", "3 din baad",
 * "mahine ke aakhir tak". The tools resolve dates on the server from English words (chrono-node, in the user's time
 * zone), so each phrase is passed on as the English words that say the same: "tomorrow at 5pm", "in 2 days",
 * "next Monday". This model stays free of clocks and time zones.
 *
 * "کل" / "kal" is both yesterday and tomorrow; a task is due in the future, so it is tomorrow. A time without a part
 * of the day ("5 baje") is read the way a day is lived: 7–11 in the morning, 12–6 in the afternoon or evening.
 */

type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

const word = (entries: Record<string, readonly string[]>): Map<string, string> =>
  new Map(Object.entries(entries).flatMap(([meaning, words]) => words.map((w) => [w, meaning] as const)));

const DAYS = word({
  today: ['aaj', 'aj', 'آج'],
  tomorrow: ['kal', 'kl', 'کل'],
  'in 2 days': ['parson', 'parsoon', 'parso', 'parsun', 'پرسوں', 'پرسو'],
  'in 3 days': ['narson', 'tarson', 'ترسوں', 'نرسوں'],
});

const WEEKDAYS = word({
  Monday: ['peer', 'pir', 'somwar', 'somvar', 'پیر', 'سوموار'],
  Tuesday: ['mangal', 'mangalwar', 'منگل'],
  Wednesday: ['budh', 'budhwar', 'بدھ'],
  Thursday: ['jumeraat', 'jumerat', 'jumairat', 'jumaraat', 'جمعرات'],
  Friday: ['jumma', 'juma', 'jumah', 'jummah', 'jumay', 'jummay', 'جمعہ', 'جمعے'],
  Sunday: ['itwar', 'itwaar', 'itvar', 'اتوار'],
});
/** "hafta" is Saturday and a week: Saturday only as a day on its own ("hafte ko"). */
const SATURDAY = new Set(['hafta', 'hafte', 'haftay', 'ہفتہ', 'ہفتے']);
const WEEK = new Set(['hafta', 'hafte', 'haftay', 'hafton', 'ہفتہ', 'ہفتے', 'ہفتوں']);
const MONTH = new Set(['mahina', 'mahine', 'mahinay', 'maheene', 'mahinon', 'مہینہ', 'مہینے', 'مہینوں']);
const DAY_UNIT = new Set(['din', 'dino', 'dinon', 'دن', 'دنوں']);
const NEXT = new Set(['agle', 'aglay', 'agla', 'agli', 'agley', 'اگلے', 'اگلا', 'اگلی']);
const THIS = new Set(['is', 'iss', 'isi', 'اس', 'اسی']);
const LATER = new Set(['baad', 'bad', 'mein', 'me', 'main', 'بعد', 'میں']);
const OF = new Set(['ka', 'ki', 'ke', 'کا', 'کی', 'کے']);

const PARTS = word({
  morning: ['subah', 'subha', 'sobh', 'صبح'],
  afternoon: ['dopahar', 'dopehar', 'dupahar', 'دوپہر'],
  evening: ['shaam', 'sham', 'شام'],
  night: ['raat', 'rat', 'رات'],
}) as Map<string, PartOfDay>;

const NUMBERS = word({
  1: ['ek', 'aik', 'ایک'],
  2: ['do', 'دو'],
  3: ['teen', 'tin', 'تین'],
  4: ['chaar', 'char', 'چار'],
  5: ['paanch', 'panch', 'پانچ'],
  6: ['chhe', 'che', 'chay', 'چھ'],
  7: ['saat', 'sat', 'سات'],
  8: ['aath', 'ath', 'آٹھ'],
  9: ['nau', 'نو'],
  10: ['das', 'دس'],
  11: ['gyarah', 'giyarah', 'گیارہ'],
  12: ['barah', 'baarah', 'بارہ'],
});
const O_CLOCK = new Set(['baje', 'bajay', 'bje', 'bajey', 'بجے']);
const MINUTES_BEFORE = word({
  30: ['saade', 'sadhe', 'sarhe', 'ساڑھے'],
  15: ['sawa', 'سوا'],
  '-15': ['paune', 'پونے'],
});

/** Words after a date that only say how it relates: "ko" (on), "tak" (by), "se pehle" (before), "ke liye" (for). */
const SUFFIXES: ReadonlyArray<readonly string[]> = [
  ['se', 'pehle'],
  ['sy', 'pehle'],
  ['ke', 'liye'],
  ['ke', 'liay'],
  ['kay', 'liye'],
  ['سے', 'پہلے'],
  ['کے', 'لیے'],
  ['کے', 'لئے'],
  ['ko'],
  ['tak'],
  ['par'],
  ['pe'],
  ['کو'],
  ['تک'],
  ['پر'],
  ['کیلئے'],
  ['کیلیے'],
];

/** "5", "5:30", "paanch" → hour and minutes. */
function readHour(token: string | undefined): { hour: number; minute: number } | undefined {
  if (token === undefined) return undefined;
  const digits = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(token);
  const hour = digits ? Number(digits[1]) : Number(NUMBERS.get(token) ?? NaN);
  const minute = digits?.[2] ? Number(digits[2]) : 0;
  if (!Number.isInteger(hour) || hour < 1 || hour > 12 || minute > 59) return undefined;
  return { hour, minute };
}

/** The hour as English words with am/pm, by the part of the day (or the hours people keep). */
function clock(hour: number, minute: number, part: PartOfDay | undefined): string {
  let pm: boolean;
  if (part === 'morning') pm = hour === 12;
  else if (part === 'afternoon') pm = hour !== 11;
  else if (part === 'evening') pm = true;
  else if (part === 'night') pm = hour >= 6 && hour !== 12;
  else pm = hour === 12 || hour <= 6;
  return `${hour}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${pm ? 'pm' : 'am'}`;
}

/** "5 baje", "saade 5 baje", "5:30 baje", "5pm", "5 pm" from `i`. */
function readTime(
  words: readonly string[],
  i: number,
  part: PartOfDay | undefined,
): { english: string; end: number } | undefined {
  const english = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/.exec(words[i] ?? '');
  if (english) return { english: english[0], end: i + 1 };
  let j = i;
  const shift = Number(MINUTES_BEFORE.get(words[j]) ?? 0);
  if (shift) j++;
  const at = readHour(words[j]);
  if (!at) return undefined;
  j++;
  if (/^(?:am|pm)$/.test(words[j] ?? '') && !shift) {
    const hour = `${at.hour}${at.minute ? `:${String(at.minute).padStart(2, '0')}` : ''}`;
    return { english: `${hour}${words[j]}`, end: j + 1 };
  }
  if (!O_CLOCK.has(words[j] ?? '')) return undefined;
  let { hour, minute } = at;
  if (shift > 0) minute = shift;
  if (shift < 0) {
    hour = hour === 1 ? 12 : hour - 1;
    minute = 45;
  }
  return { english: clock(hour, minute, part), end: j + 1 };
}

/** A day from `i`: "kal", "parson", "agle peer", "is jumma", "3 din baad", "mahine ke aakhir". */
function readDay(words: readonly string[], i: number): { english: string; end: number } | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  const day = DAYS.get(w);
  if (day) return { english: day, end: i + 1 };
  const next = words[i + 1];
  if (NEXT.has(w) && next !== undefined) {
    const weekday = WEEKDAYS.get(next);
    if (weekday) return { english: `next ${weekday}`, end: i + 2 };
    if (WEEK.has(next)) return { english: 'next week', end: i + 2 };
    if (MONTH.has(next)) return { english: 'next month', end: i + 2 };
  }
  if (THIS.has(w) && next !== undefined) {
    const weekday = WEEKDAYS.get(next);
    if (weekday) return { english: weekday, end: i + 2 };
    if (WEEK.has(next) && ['ke', 'کے'].includes(words[i + 2]) && isEnd(words[i + 3]))
      return { english: 'end of the week', end: i + 4 };
  }
  // "mahine ke aakhir (mein)", "is mahine ke aakhir": the end of the month.
  const month = THIS.has(w) ? i + 1 : i;
  if (MONTH.has(words[month]) && ['ke', 'کے'].includes(words[month + 1]) && isEnd(words[month + 2])) {
    const end = ['mein', 'میں'].includes(words[month + 3]) ? month + 4 : month + 3;
    return { english: 'end of the month', end };
  }
  const weekday = WEEKDAYS.get(w);
  if (weekday) return { english: weekday, end: i + 1 };
  if (SATURDAY.has(w) && ['ko', 'کو'].includes(next)) return { english: 'Saturday', end: i + 1 };
  // "3 din baad", "do hafte mein", "ek mahine baad"; "hafte baad": in a week.
  const count = /^\d{1,3}$/.test(w) ? Number(w) : Number(NUMBERS.get(w) ?? NaN);
  const unitAt = Number.isInteger(count) ? i + 1 : i;
  const unit = words[unitAt];
  if (unit !== undefined && LATER.has(words[unitAt + 1]) && (Number.isInteger(count) || WEEK.has(unit))) {
    const n = Number.isInteger(count) ? count : 1;
    const end = unitAt + 2;
    if (DAY_UNIT.has(unit)) return { english: `in ${n} day${n === 1 ? '' : 's'}`, end };
    if (WEEK.has(unit)) return { english: `in ${n} week${n === 1 ? '' : 's'}`, end };
    if (MONTH.has(unit)) return { english: `in ${n} month${n === 1 ? '' : 's'}`, end };
  }
  return undefined;
}

function isEnd(w: string | undefined): boolean {
  return w !== undefined && ['aakhir', 'akhir', 'aakhri', 'end', 'آخر'].includes(w);
}

/** The English words for a day, a part of the day and a time, as the tools read them. */
function compose(day: string | undefined, part: PartOfDay | undefined, time: string | undefined): string {
  if (day && time) return `${day} at ${time}`;
  if (time) return time;
  if (day && part) {
    if (day === 'today') return part === 'morning' ? 'today' : part === 'night' ? 'tonight' : `this ${part}`;
    return day.startsWith('in ') || day.includes('week') || day.includes('month') ? day : `${day} ${part}`;
  }
  if (day) return day;
  return part === 'night' ? 'tonight' : `this ${part}`;
}

/** A date phrase starting at word `i`, with the words saying how it relates ("ko", "tak"): its English and end. */
export function readDate(words: readonly string[], i: number): { english: string; end: number } | undefined {
  let j = i;
  const day = readDay(words, j);
  if (day) j = day.end;
  const part = PARTS.get(words[j] ?? '');
  if (part) j++;
  const time = readTime(words, j, part);
  if (time) j = time.end;
  if (!day && !time && !(part && ['ko', 'کو'].includes(words[j]))) return undefined;
  // "kal ki report": a day someone's report is of, not when it is due.
  if (
    OF.has(words[j] ?? '') &&
    !SUFFIXES.some((s) => s.length > 1 && s[0] === words[j] && s[1] === words[j + 1])
  )
    return undefined;
  for (const suffix of SUFFIXES) {
    if (suffix.every((s, k) => words[j + k] === s)) {
      j += suffix.length;
      break;
    }
  }
  return { english: compose(day?.english, part, time?.english), end: j };
}

/** The English words for a whole phrase that names a date ("agle peer ko" → "next Monday"), if it is one. */
export function dueWords(text: string): string | undefined {
  const words = text.trim().split(' ').filter(Boolean);
  const date = readDate(words, 0);
  return date && date.end === words.length ? date.english : undefined;
}

/** An infinitive ("jana", "khareedna", "خریدنا"): the verb a task's title ends with. */
function isInfinitive(w: string | undefined): boolean {
  return w !== undefined && /(?:na|ni|ne|نا|نی|نے)$/u.test(w) && w.length > 3;
}

/**
 * A due date taken out of a new task's words: at the start ("kal doctor ke paas jana"), at the end ("report
 * bhejni parson tak"), or just before the verb that ends the title ("doctor ke paas kal jana"). The rest of the words
 * are the title; English words for the date.
 */
export function takeDue(text: string): { text: string; due?: string } {
  const words = text.trim().split(' ').filter(Boolean);
  const n = words.length;
  if (n < 2) return { text };
  const first = readDate(words, 0);
  if (first && first.end < n) return { text: words.slice(first.end).join(' '), due: first.english };
  for (let i = 1; i < n; i++) {
    const date = readDate(words, i);
    if (date?.end === n) return { text: words.slice(0, i).join(' '), due: date.english };
  }
  for (let i = 1; i < n - 1; i++) {
    const date = readDate(words, i);
    if (date?.end === n - 1 && isInfinitive(words[n - 1]))
      return { text: [...words.slice(0, i), words[n - 1]].join(' '), due: date.english };
  }
  return { text };
}
