/**
 * Recurring tasks: daily, weekdays, weekly (on given days), monthly, or every N days/weeks/months. A rule is
 * stored as JSON on the task; completing the task creates the next occurrence, due on the rule's next date.
 * Dates are stepped in the task's own zone with luxon, so "every day at 09:00" stays at 09:00 across DST and
 * "monthly on the 31st" falls on the last day of shorter months without drifting to the 28th afterwards.
 */
import { DateTime } from 'luxon';
import type { Due } from './due-dates';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Frequency = 'daily' | 'weekly' | 'monthly';

export interface Recurrence {
  frequency: Frequency;
  /** Every `interval` days, weeks or months (1 = every one). */
  interval: number;
  /** weekly only: the days it falls on (none = the due date's weekday). */
  weekdays?: Weekday[];
  /** monthly only: the day of the month (1-31), fixed when the task gets its first due date. */
  month_day?: number;
}

export class RecurrenceError extends Error {}

const INTERVAL_MAX = 365;
const EXAMPLES =
  '"daily", "weekdays", "weekly", "every monday and thursday", "monthly", "every 2 weeks", or ' +
  '{ "frequency": "weekly", "interval": 1, "weekdays": ["mon"] }';
const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const DAY_NAMES: Record<string, Weekday> = {
  mon: 'mon',
  monday: 'mon',
  mondays: 'mon',
  tue: 'tue',
  tues: 'tue',
  tuesday: 'tue',
  tuesdays: 'tue',
  wed: 'wed',
  wednesday: 'wed',
  wednesdays: 'wed',
  thu: 'thu',
  thur: 'thu',
  thurs: 'thu',
  thursday: 'thu',
  thursdays: 'thu',
  fri: 'fri',
  friday: 'fri',
  fridays: 'fri',
  sat: 'sat',
  saturday: 'sat',
  saturdays: 'sat',
  sun: 'sun',
  sunday: 'sun',
  sundays: 'sun',
};
const UNIT: Record<string, Frequency> = { day: 'daily', week: 'weekly', month: 'monthly' };
const COUNT: Record<string, number> = { other: 2, second: 2, two: 2, three: 3, four: 4, five: 5, six: 6 };

function invalid(what: string): RecurrenceError {
  return new RecurrenceError(`could not understand ${what} as a repeat (${EXAMPLES})`);
}

function sortDays(days: Iterable<Weekday>): Weekday[] {
  return WEEKDAYS.filter((d) => new Set(days).has(d));
}

function checked(rule: Recurrence): Recurrence {
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > INTERVAL_MAX)
    throw new RecurrenceError(`the repeat interval must be a whole number from 1 to ${INTERVAL_MAX}`);
  if (
    rule.month_day !== undefined &&
    (!Number.isInteger(rule.month_day) || rule.month_day < 1 || rule.month_day > 31)
  )
    throw new RecurrenceError('the day of the month must be from 1 to 31');
  const out: Recurrence = { frequency: rule.frequency, interval: rule.interval };
  if (rule.frequency === 'weekly' && rule.weekdays?.length) out.weekdays = sortDays(rule.weekdays);
  if (rule.frequency === 'monthly' && rule.month_day !== undefined) out.month_day = rule.month_day;
  return out;
}

/** Words → a rule: "daily", "every weekday", "every 2 weeks", "every mon, wed and fri", "monthly on the 1st". */
function fromWords(input: string): Recurrence {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(?:repeat(?:s|ing)?|recurring)\s+/, '');
  if (/^(?:daily|every ?day|each day)$/.test(text)) return { frequency: 'daily', interval: 1 };
  if (
    /^(?:weekdays|every ?weekday|each weekday|every working day|(?:every day )?mon(?:day)?(?:-| to | through )fri(?:day)?)$/.test(
      text,
    )
  )
    return { frequency: 'weekly', interval: 1, weekdays: WORKDAYS };
  if (/^(?:weekly|every ?week|each week)$/.test(text)) return { frequency: 'weekly', interval: 1 };
  if (/^(?:biweekly|fortnightly|every fortnight)$/.test(text)) return { frequency: 'weekly', interval: 2 };
  if (/^(?:monthly|every ?month|each month)$/.test(text)) return { frequency: 'monthly', interval: 1 };
  let m = /^(?:monthly|every ?month|each month) on the (\d{1,2})(?:st|nd|rd|th)?$/.exec(text);
  if (m) return { frequency: 'monthly', interval: 1, month_day: Number(m[1]) };
  m = /^every (\d{1,3}|other|second|two|three|four|five|six) (day|week|month)s?$/.exec(text);
  if (m) return { frequency: UNIT[m[2]], interval: /^\d+$/.test(m[1]) ? Number(m[1]) : COUNT[m[1]] };
  m = /^(?:every|each|weekly on|on) (.+)$/.exec(text);
  if (m) {
    const names = m[1].split(/\s*(?:,|\band\b|&|\/)\s*/).filter(Boolean);
    const days = names.map((n) => DAY_NAMES[n]);
    if (days.length > 0 && days.every(Boolean)) return { frequency: 'weekly', interval: 1, weekdays: days };
  }
  throw invalid(`"${input.trim()}"`);
}

/** A rule from a client: words, or the object form (`frequency`, `interval`, `weekdays`, `month_day`). */
export function parseRecurrence(input: unknown): Recurrence {
  if (typeof input === 'string') {
    if (input.length > 100) throw new RecurrenceError('the repeat must be at most 100 characters');
    return checked(fromWords(input));
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid('that');
  const v = input as Record<string, unknown>;
  const extra = Object.keys(v).filter((k) => !['frequency', 'interval', 'weekdays', 'month_day'].includes(k));
  if (extra.length) throw new RecurrenceError(`unknown repeat field: ${extra.join(', ')}`);
  if (v.frequency !== 'daily' && v.frequency !== 'weekly' && v.frequency !== 'monthly')
    throw new RecurrenceError('frequency must be one of: daily, weekly, monthly');
  const weekdays = v.weekdays;
  if (
    weekdays !== undefined &&
    (!Array.isArray(weekdays) || weekdays.some((d) => !WEEKDAYS.includes(d as Weekday)))
  )
    throw new RecurrenceError(`weekdays must be a list of: ${WEEKDAYS.join(', ')}`);
  return checked({
    frequency: v.frequency,
    interval: v.interval === undefined ? 1 : (v.interval as number),
    ...(weekdays ? { weekdays: weekdays as Weekday[] } : {}),
    ...(v.month_day !== undefined ? { month_day: v.month_day as number } : {}),
  });
}

/** A stored rule read back (tolerant: a bad row reads as no rule rather than failing the whole list). */
export function storedRecurrence(value: unknown): Recurrence | null {
  try {
    return value == null ? null : parseRecurrence(value);
  } catch {
    return null;
  }
}

const DAY_LABEL: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** "every day", "every weekday", "every 2 weeks on Mon, Thu", "every month on the 1st". */
export function describeRecurrence(rule: Recurrence): string {
  const unit = { daily: 'day', weekly: 'week', monthly: 'month' }[rule.frequency];
  const every = rule.interval === 1 ? `every ${unit}` : `every ${rule.interval} ${unit}s`;
  if (rule.frequency === 'weekly' && rule.weekdays?.length) {
    if (rule.interval === 1 && rule.weekdays.join() === WORKDAYS.join()) return 'every weekday';
    return `${every} on ${rule.weekdays.map((d) => DAY_LABEL[d]).join(', ')}`;
  }
  if (rule.frequency === 'monthly' && rule.month_day) return `${every} on the ${ordinal(rule.month_day)}`;
  return every;
}

function weekdayOf(day: DateTime): Weekday {
  return WEEKDAYS[day.weekday - 1];
}

/** The rule's first day on or after `from` (a new recurring task without a due date starts there). */
function firstDay(rule: Recurrence, from: DateTime): DateTime {
  if (rule.frequency === 'weekly' && rule.weekdays?.length) {
    let day = from;
    while (!rule.weekdays.includes(weekdayOf(day))) day = day.plus({ days: 1 });
    return day;
  }
  if (rule.frequency === 'monthly' && rule.month_day) {
    let month = from.startOf('month');
    for (;;) {
      const day = month.set({ day: Math.min(rule.month_day, month.daysInMonth ?? 28) });
      if (day >= from.startOf('day')) return day;
      month = month.plus({ months: 1 });
    }
  }
  return from;
}

/** One step of the rule from a local date-time (the time of day is kept). */
function step(rule: Recurrence, from: DateTime): DateTime {
  switch (rule.frequency) {
    case 'daily':
      return from.plus({ days: rule.interval });
    case 'weekly': {
      const days = rule.weekdays?.length ? rule.weekdays : [weekdayOf(from)];
      // Later in the same week, else the first listed day `interval` weeks on.
      const later = days.find((d) => WEEKDAYS.indexOf(d) > from.weekday - 1);
      if (later) return from.plus({ days: WEEKDAYS.indexOf(later) - (from.weekday - 1) });
      const monday = from.minus({ days: from.weekday - 1 }).plus({ weeks: rule.interval });
      return monday.plus({ days: WEEKDAYS.indexOf(days[0]) });
    }
    case 'monthly': {
      const anchor = rule.month_day ?? from.day;
      const month = from.startOf('month').plus({ months: rule.interval });
      return from.set({
        year: month.year,
        month: month.month,
        day: Math.min(anchor, month.daysInMonth ?? 28),
      });
    }
  }
}

/** The rule with its monthly day fixed from a due date, so later months keep it ("the 31st"). */
export function anchorRecurrence(rule: Recurrence, due: Due): Recurrence {
  if (rule.frequency !== 'monthly' || rule.month_day) return rule;
  return { ...rule, month_day: DateTime.fromJSDate(due.at, { zone: due.timeZone }).day };
}

/** The first due date of a recurring task created without one: the rule's first day from today (a date). */
export function firstDue(rule: Recurrence, timeZone: string, now: Date): Due {
  const day = firstDay(rule, DateTime.fromJSDate(now, { zone: timeZone }).startOf('day'));
  return { at: day.endOf('day').toJSDate(), allDay: true, timeZone };
}

/**
 * The next occurrence's due date after `due`: the rule's next date, stepped again while it would already be past
 * (a daily task finished three days late comes back due today or later, not overdue at once).
 */
export function nextDue(rule: Recurrence, due: Due, now: Date): Due {
  let local = DateTime.fromJSDate(due.at, { zone: due.timeZone });
  if (due.allDay) local = local.startOf('day');
  const at = (d: DateTime) => (due.allDay ? d.endOf('day') : d).toJSDate();
  let next = step(rule, local);
  for (let i = 0; i < 10_000 && at(next) <= now; i++) next = step(rule, next);
  return { at: at(next), allDay: due.allDay, timeZone: due.timeZone };
}
