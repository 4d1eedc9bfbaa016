/**
 * Due dates: what a person or a client wrote ("Friday 3pm", "in 3 days", "2026-12-12", an ISO instant) → an
 * instant, always in the user's IANA time zone; and back to words in that zone ("Fri 12 Dec, 15:00").
 *
 * Words are parsed by chrono-node; the calendar arithmetic (days, DST) is luxon's. chrono only knows fixed UTC
 * offsets, so it is asked for the *components* (year, month, day, hour…) relative to "now" in the user's current
 * offset, and luxon places them in the named zone — a date across a DST change keeps its wall-clock time.
 *
 * A due date without a time of day is stored as the last millisecond of that day in the zone it was given in:
 * one `due_at` column then answers "overdue" (`due_at < now`), "today" and sorting for both kinds alike.
 */
import * as chrono from 'chrono-node';
import { DateTime, FixedOffsetZone } from 'luxon';

export interface Due {
  /** The instant; for a date without a time, the end of that day in `timeZone`. */
  at: Date;
  /** True when only a date was given ("Friday", "2026-12-12"). */
  allDay: boolean;
  /** The IANA zone the date was given in. */
  timeZone: string;
}

/** A due date that cannot be understood; the message says why, for a 400 or a tool error. */
export class DueDateError extends Error {}

const INPUT_MAX = 100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Words around a date that say nothing more: "due friday", "by the 1st", "on Tuesday at 3pm". */
const FILLER = /^(?:\s|,|due|by|on|at|before|until|till|for|the|this|of)*$/i;
const EXAMPLES = 'e.g. "2026-12-12", "2026-12-12T15:00", "tomorrow", "Friday 3pm", "in 3 days"';

/**
 * "the 1st", "on the 15th", "the 3rd of the month": the next such day of a month (chrono has no parser for a
 * bare day of the month). Today counts; a day a month lacks (the 31st) falls in the next month that has it.
 */
const dayOfMonthParser: chrono.Parser = {
  pattern: () => /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:the|this|each|every)\s+month)?\b/i,
  extract: (context, match) => {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    const offset = context.reference.getTimezoneOffset();
    const today = DateTime.fromJSDate(context.reference.instant, { zone: FixedOffsetZone.instance(offset) });
    let month = today.startOf('month');
    if (day < today.day) month = month.plus({ months: 1 });
    while ((month.daysInMonth ?? 31) < day) month = month.plus({ months: 1 });
    return { year: month.year, month: month.month, day };
  },
};

const parser = chrono.casual.clone();
parser.parsers.push(dayOfMonthParser);

function invalid(text: string): DueDateError {
  return new DueDateError(`could not understand "${text}" as a date (${EXAMPLES})`);
}

function onDay(local: DateTime, timeZone: string): Due {
  return { at: local.endOf('day').toJSDate(), allDay: true, timeZone };
}

function fromIso(text: string, timeZone: string): Due | undefined {
  if (ISO_DATE.test(text)) {
    const day = DateTime.fromISO(text, { zone: timeZone });
    if (!day.isValid) throw new DueDateError(`"${text}" is not a date in the calendar`);
    return onDay(day, timeZone);
  }
  if (ISO_DATE_TIME.test(text)) {
    // Without an offset the time is the user's wall-clock time; with one, it is an instant.
    const at = DateTime.fromISO(text.replace(' ', 'T'), { zone: timeZone });
    if (!at.isValid) throw new DueDateError(`"${text}" is not a date and time in the calendar`);
    return { at: at.toJSDate(), allDay: false, timeZone };
  }
  return undefined;
}

/** The local date a due date falls on, in the zone it is shown in. */
function localDay(due: Due, viewerZone: string): DateTime {
  return DateTime.fromJSDate(due.at, { zone: due.allDay ? due.timeZone : viewerZone });
}

/**
 * Resolves a due date: ISO 8601 (a date; a date and time, in `timeZone` unless it carries an offset) or words,
 * relative to `now` in `timeZone`, never in the past for a weekday or a time alone ("Friday" is the coming one).
 * A time alone ("2 PM") keeps `current`'s day when the task already has a due date: "reschedule it to 2 PM"; a
 * day alone keeps `current`'s time of day: "move it to Friday".
 */
export function resolveDue(input: string, timeZone: string, now: Date, current?: Due | null): Due {
  const text = input.trim();
  if (text.length === 0) throw new DueDateError('the due date must not be empty');
  if (text.length > INPUT_MAX) throw new DueDateError(`the due date must be at most ${INPUT_MAX} characters`);
  const iso = fromIso(text, timeZone);
  if (iso) return iso;

  const here = DateTime.fromJSDate(now, { zone: timeZone });
  const [result] = parser.parse(text, { instant: now, timezone: here.offset }, { forwardDate: true });
  if (!result || !FILLER.test(text.slice(0, result.index) + text.slice(result.index + result.text.length)))
    throw invalid(text);
  const start = result.start;
  // "in 2 hours": an amount of time from now, not a wall-clock time.
  if (start.tags().has('result/relativeDateAndTime')) return { at: start.date(), allDay: false, timeZone };

  const hasTime = start.isCertain('hour');
  const timeOnly = hasTime && !(['year', 'month', 'day', 'weekday'] as const).some((c) => start.isCertain(c));
  const day =
    timeOnly && current
      ? localDay(current, timeZone)
      : DateTime.fromObject(
          {
            year: start.get('year') ?? here.year,
            month: start.get('month') ?? 1,
            day: start.get('day') ?? 1,
          },
          { zone: timeZone },
        );
  if (!day.isValid) throw invalid(text);
  // A day alone moves a task that has a time to that day at the same time ("move the dentist to Friday").
  const keep =
    !hasTime && current && !current.allDay ? DateTime.fromJSDate(current.at, { zone: timeZone }) : null;
  if (!hasTime && !keep) return onDay(day, timeZone);
  const at = DateTime.fromObject(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: keep ? keep.hour : (start.get('hour') ?? 0),
      minute: keep ? keep.minute : (start.get('minute') ?? 0),
    },
    { zone: timeZone },
  );
  return { at: at.toJSDate(), allDay: false, timeZone };
}

/** The start of the day `days` before today in the zone (0: today). */
export function startOfDaysAgo(days: number, timeZone: string, now: Date): Date {
  return DateTime.fromJSDate(now, { zone: timeZone }).startOf('day').minus({ days }).toJSDate();
}

/** The day words name ("Friday", "tomorrow", "2026-12-11"), from its start to the next day's, in the user's zone. */
export function dayBounds(input: string, timeZone: string, now: Date): { from: Date; to: Date } {
  const due = resolveDue(input, timeZone, now);
  const start = DateTime.fromJSDate(due.at, { zone: timeZone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/** A filter bound (`due_before`, `due_after`): a date means the start of that day in the user's zone. */
export function resolveBound(input: string, timeZone: string, now: Date): Date {
  const due = resolveDue(input, timeZone, now);
  return due.allDay ? DateTime.fromJSDate(due.at, { zone: timeZone }).startOf('day').toJSDate() : due.at;
}

// A list shows up to 100 due dates: one cached Intl formatter per zone and style formats them ~20x faster than
// building a luxon DateTime for each (5 ms for 100, measured by bench/large-data).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts of an instant in a zone: in words ("Fri", "12", "Dec") or in digits ("12", "12"). */
function partsOf(at: Date, timeZone: string, style: 'words' | 'digits'): Record<string, string> {
  const key = `${style} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(style === 'words'
        ? { weekday: 'short', day: 'numeric', month: 'short' }
        : { day: '2-digit', month: '2-digit' }),
    });
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(key, f);
  }
  const parts: Record<string, string> = {};
  for (const part of f.formatToParts(at)) parts[part.type] = part.value;
  return parts;
}

/** The year of `now` in a zone, remembered for the last call: a list formats all its dates against one "now". */
let lastYear = { at: NaN, zone: '', year: '' };
function yearOf(now: Date, zone: string): string {
  if (lastYear.at !== now.getTime() || lastYear.zone !== zone)
    lastYear = { at: now.getTime(), zone, year: partsOf(now, zone, 'digits').year };
  return lastYear.year;
}

/** "Fri 12 Dec, 15:00" (the year too when it is not this year); a date alone for a due date without a time. */
export function formatDue(due: Due, viewerZone: string, now: Date): string {
  const zone = due.allDay ? due.timeZone : viewerZone;
  const w = partsOf(due.at, zone, 'words');
  const date = `${w.weekday} ${w.day} ${w.month}${w.year === yearOf(now, zone) ? '' : ` ${w.year}`}`;
  return due.allDay ? date : `${date}, ${w.hour}:${w.minute}`;
}

/** A due date as formatDue wrote it, read back: its wall-clock parts (month 1–12, weekday 0 = Sunday). */
export interface ShownDue {
  weekday: number;
  day: number;
  month: number;
  /** Only when formatDue wrote it (not this year). */
  year?: number;
  /** Only for a due date with a time. */
  time?: { hour: number; minute: number };
}

let shownNames: { weekdays: Map<string, number>; months: Map<string, number> } | undefined;

/** The weekday and month words formatDue writes, from its own formatter (so "Sep" or "Sept" as ICU has it). */
function namesShown(): NonNullable<typeof shownNames> {
  if (shownNames) return shownNames;
  const weekdays = new Map<string, number>();
  const months = new Map<string, number>();
  for (let i = 0; i < 12; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + i, 12)); // the first twelve days of 2026: every weekday
    weekdays.set(partsOf(day, 'UTC', 'words').weekday, day.getUTCDay());
    months.set(partsOf(new Date(Date.UTC(2026, i, 1, 12)), 'UTC', 'words').month, i + 1);
  }
  return (shownNames = { weekdays, months });
}

const SHOWN_DUE = /^(\S+) (\d{1,2}) (\S+)(?: (\d{4}))?(?:, (\d{2}):(\d{2}))?$/;

/**
 * Reads back what formatDue wrote ("Fri 12 Dec, 15:00", "Sat 11 Dec 2027"), so words made for the model can be
 * shown in another language; undefined for any other text.
 */
export function parseShownDue(text: string): ShownDue | undefined {
  const m = SHOWN_DUE.exec(text);
  if (!m) return undefined;
  const { weekdays, months } = namesShown();
  const weekday = weekdays.get(m[1]);
  const month = months.get(m[3]);
  if (weekday === undefined || month === undefined) return undefined;
  return {
    weekday,
    day: Number(m[2]),
    month,
    ...(m[4] ? { year: Number(m[4]) } : {}),
    ...(m[5] ? { time: { hour: Number(m[5]), minute: Number(m[6]) } } : {}),
  };
}

/** The wall-clock date ("2026-12-12") and time ("15:00") of an instant in a zone. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const p = partsOf(at, timeZone, 'digits');
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The due date as local ISO text in the zone it is shown in: "2026-12-12T15:00", or "2026-12-12" for a date. */
export function localDue(due: Due, viewerZone: string): string {
  const { date, time } = localDateTime(due.at, due.allDay ? due.timeZone : viewerZone);
  return due.allDay ? date : `${date}T${time}`;
}

/** [from, to) of the `days` days starting today in `timeZone`: today (1), this week (7). */
export function daysFromToday(days: number, timeZone: string, now: Date): { from: Date; to: Date } {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  return { from: today.toJSDate(), to: today.plus({ days }).toJSDate() };
}

// Where a date is written in a sentence does not depend on today: spans are found against a fixed instant, so a
// caller that must stay deterministic (the offline model) can use them. The date itself is resolved later, on the
// server, by resolveDue.
const SPAN_REFERENCE = new Date('2026-01-07T12:00:00Z');

function isDateLike(result: chrono.ParsedResult): boolean {
  const start = result.start;
  return (
    (['day', 'weekday', 'hour'] as const).some((c) => start.isCertain(c)) ||
    [...start.tags()].some((tag) => tag.startsWith('result/relative') || tag.startsWith('casualReference'))
  );
}

/** Words before a date that make it what the sentence is about: "notes from yesterday", "over the past year". */
const ABOUT =
  /\b(?:from|since|of|about|regarding|covering|during|throughout|(?:over|across)\s+the)\s+(?:the\s+)?$/i;
/** Words that turn a length of time into a moment ahead: "in 3 days", "next week", "2 weeks from now". */
const AHEAD = /\+|\b(?:in|within|next|after|later|from now|hence(?:forth)?|forward)\b/i;

/**
 * Whether a date phrase at the end of a sentence says when the task is due, rather than what it is about. A due
 * date is a moment: a day, a weekday or a time ("Friday 3pm", "the 1st", "yesterday", "last Friday"), or a length
 * of time ahead ("in 3 days", "next week"). Not a due date (the words stay in the title):
 * - a span or offset chrono counts back from now ("the past three months", "last year", "3 days ago"): it names
 *   the time the task is about; a plain past day ("yesterday", "last Friday", "Dec 1") is still a due date;
 * - a bare length of time ("for 10 minutes", "the week"): with forwardDate chrono reads it as that long from
 *   now, but it says how long, not when;
 * - a date governed by a word that makes it the topic ("emails since Monday", "notes from yesterday", "over the
 *   weekend");
 * - after "for", anything but a day: "for Saturday", "for tomorrow" are due dates, "the budget for next year",
 *   "block the calendar for the next 2 weeks" name what the task is for (as "for March" always did).
 */
function namesDueDate(text: string, result: chrono.ParsedResult, reference: Date): boolean {
  const start = result.start;
  if (!isDateLike(result)) return false;
  const before = text.slice(0, result.index);
  if (ABOUT.test(before)) return false;
  const relative = [...start.tags()].some((tag) => tag.startsWith('result/relative'));
  if (relative && (start.date() < reference || !AHEAD.test(result.text))) return false;
  const day = !relative && (['day', 'weekday', 'hour'] as const).some((c) => start.isCertain(c));
  return day || !/\bfor\s+(?:the\s+)?$/i.test(before);
}

/**
 * The due date a sentence ends with ("call mom tomorrow at 5pm" → "tomorrow at 5pm"), with the index where it
 * starts, a leading "due", "by", "on" or "at" included; undefined when it does not end with one, or with a date
 * that is part of what the task says (namesDueDate: "summarise the past week").
 */
export function trailingDueWords(text: string): { index: number; words: string } | undefined {
  const results = parser.parse(text, SPAN_REFERENCE, { forwardDate: true });
  const last = results[results.length - 1];
  if (!last || !namesDueDate(text, last, SPAN_REFERENCE)) return undefined;
  if (text.slice(last.index + last.text.length).replace(/[\s.!?]+$/, '') !== '') return undefined;
  const lead = /\s*\b(?:due(?:\s+(?:on|by|at))?|by|on|at|before|until|for)(?:\s+the)?\s*$/i.exec(
    text.slice(0, last.index),
  );
  return { index: lead ? lead.index : last.index, words: last.text };
}

/** True when the whole text is a due date in words or ISO 8601 (fillers such as "on" or "by" aside). */
export function isDueWords(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > INPUT_MAX) return false;
  if (ISO_DATE.test(t) || ISO_DATE_TIME.test(t)) return true;
  const [result] = parser.parse(t, SPAN_REFERENCE, { forwardDate: true });
  return (
    !!result &&
    isDateLike(result) &&
    FILLER.test(t.slice(0, result.index) + t.slice(result.index + result.text.length).replace(/[.!?]+$/, ''))
  );
}
