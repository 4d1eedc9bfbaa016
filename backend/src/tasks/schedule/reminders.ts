/**
 * When a task reminds its user. A rule, kept with the task, and the instant it gives (`remind_at`):
 * - `default`: at the due time; for a due date without a time, at 09:00 that day in the task's zone; none without one;
 * - `before`: that many minutes before the default instant ("30 minutes before"), so it follows the due date;
 * - `at`: a chosen instant ("tomorrow at 9");
 * - `off`: never (`remind_at: null`).
 * A repeating task's next occurrence keeps the rule (a chosen instant moves with the due date).
 */
import { DateTime } from 'luxon';
import { Due, DueDateError, resolveDue } from './due-dates';

export type ReminderRule = 'default' | 'before' | 'at' | 'off';

export interface Reminder {
  rule: ReminderRule;
  /** Minutes before the default instant (rule `before`). */
  offsetMinutes: number | null;
  /** The chosen instant (rule `at`). */
  at: Date | null;
}

export const DEFAULT_REMINDER: Reminder = { rule: 'default', offsetMinutes: null, at: null };
const OFF: Reminder = { rule: 'off', offsetMinutes: null, at: null };

/** A reminder for a date without a time: 09:00 on that day in its zone. */
const ALL_DAY_HOUR = 9;
const MAX_OFFSET_MINUTES = 60 * 24 * 30;

const UNIT_MINUTES: Readonly<Record<string, number>> = {
  minute: 1,
  min: 1,
  hour: 60,
  hr: 60,
  day: 1440,
  week: 10080,
};
const BEFORE = /^(?:(\d{1,4}|an?|one)\s+)?(minute|min|hour|hr|day|week)s?\s+(?:before|early|earlier|ahead)$/i;

/** The instant a due date reminds at by default. */
function dueInstant(due: Due): Date {
  if (!due.allDay) return due.at;
  return DateTime.fromJSDate(due.at, { zone: due.timeZone })
    .set({ hour: ALL_DAY_HOUR, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/** The instant a rule gives for a due date; null: no reminder. */
export function reminderInstant(r: Reminder, due: Due | null): Date | null {
  switch (r.rule) {
    case 'off':
      return null;
    case 'at':
      return r.at;
    case 'default':
      return due ? dueInstant(due) : null;
    case 'before':
      return due ? new Date(dueInstant(due).getTime() - (r.offsetMinutes ?? 0) * 60_000) : null;
  }
}

/**
 * What a client wrote as `remind_at`: null (off), "default" / "at the due time", "30 minutes before", or an instant
 * (ISO 8601 or words, in the user's zone). Throws DueDateError with what is wrong.
 */
export function parseReminder(input: string | null, zone: string, now: Date): Reminder {
  if (input === null) return OFF;
  const words = input.trim().toLowerCase();
  if (!words)
    throw new DueDateError('give a time ("tomorrow 9am"), "30 minutes before", "default", or null for none');
  if (['default', 'due', 'at the due time', 'when due', 'on time'].includes(words)) return DEFAULT_REMINDER;
  if (['none', 'off', 'never', 'no'].includes(words)) return OFF;
  const before = BEFORE.exec(words);
  if (before) {
    const count = before[1] === undefined || /^(an?|one)$/.test(before[1]) ? 1 : Number(before[1]);
    const minutes = count * UNIT_MINUTES[before[2]];
    if (minutes > MAX_OFFSET_MINUTES)
      throw new DueDateError('a reminder can be at most 30 days before the due date');
    return { rule: 'before', offsetMinutes: minutes, at: null };
  }
  const due = resolveDue(input, zone, now);
  return { rule: 'at', offsetMinutes: null, at: due.allDay ? dueInstant(due) : due.at };
}

/** The rule a next occurrence gets: the same, a chosen instant turned into "that long before" its due date. */
export function nextReminder(r: Reminder, due: Due | null): Reminder {
  if (r.rule !== 'at' || !r.at || !due) return r;
  const minutes = Math.round((dueInstant(due).getTime() - r.at.getTime()) / 60_000);
  return minutes >= 0 && minutes <= MAX_OFFSET_MINUTES
    ? { rule: 'before', offsetMinutes: minutes, at: null }
    : DEFAULT_REMINDER;
}

/** The reminder needs a due date it does not have. */
export function needsDue(r: Reminder): boolean {
  return r.rule === 'before';
}
