import { DateTime } from 'luxon';
import { resolveDue } from './due-dates';
import {
  anchorRecurrence,
  describeRecurrence,
  firstDue,
  nextDue,
  parseRecurrence,
  Recurrence,
  RecurrenceError,
} from './recurrence';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);
const wall = (d: Date, zone = BERLIN) => DateTime.fromJSDate(d, { zone }).toFormat("ccc yyyy-LL-dd'T'HH:mm");

describe('parseRecurrence', () => {
  it.each<[string, Recurrence]>([
    ['daily', { frequency: 'daily', interval: 1 }],
    ['every day', { frequency: 'daily', interval: 1 }],
    ['weekdays', { frequency: 'weekly', interval: 1, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
    ['every weekday', { frequency: 'weekly', interval: 1, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
    ['weekly', { frequency: 'weekly', interval: 1 }],
    ['every thursday and monday', { frequency: 'weekly', interval: 1, weekdays: ['mon', 'thu'] }],
    ['every Mon, Wed & Fri', { frequency: 'weekly', interval: 1, weekdays: ['mon', 'wed', 'fri'] }],
    ['monthly', { frequency: 'monthly', interval: 1 }],
    ['every month on the 1st', { frequency: 'monthly', interval: 1, month_day: 1 }],
    ['every 3 days', { frequency: 'daily', interval: 3 }],
    ['every other week', { frequency: 'weekly', interval: 2 }],
    ['biweekly', { frequency: 'weekly', interval: 2 }],
    ['every 2 months', { frequency: 'monthly', interval: 2 }],
  ])('"%s"', (text, rule) => expect(parseRecurrence(text)).toEqual(rule));

  it('takes the object form and drops what does not apply', () => {
    expect(parseRecurrence({ frequency: 'weekly', weekdays: ['fri', 'mon', 'fri'] })).toEqual({
      frequency: 'weekly',
      interval: 1,
      weekdays: ['mon', 'fri'],
    });
    expect(parseRecurrence({ frequency: 'daily', interval: 2, weekdays: ['mon'] })).toEqual({
      frequency: 'daily',
      interval: 2,
    });
  });

  it.each<unknown>([
    'sometimes',
    'every blue moon',
    'every 0 days',
    'every 400 days',
    { frequency: 'yearly' },
    { frequency: 'weekly', weekdays: ['funday'] },
    { frequency: 'daily', interval: 1.5 },
    { frequency: 'monthly', month_day: 32 },
    { frequency: 'daily', by: 'me' },
    42,
    null,
  ])('refuses %p', (input) => expect(() => parseRecurrence(input)).toThrow(RecurrenceError));
});

describe('describeRecurrence', () => {
  it.each([
    ['daily', 'every day'],
    ['every 3 days', 'every 3 days'],
    ['weekdays', 'every weekday'],
    ['every monday and thursday', 'every week on Mon, Thu'],
    ['biweekly', 'every 2 weeks'],
    ['every month on the 1st', 'every month on the 1st'],
    ['monthly', 'every month'],
  ])('%s → %s', (text, words) => expect(describeRecurrence(parseRecurrence(text))).toBe(words));
});

describe('nextDue', () => {
  const before = at('2026-01-01T00:00:00Z'); // "now" long before: no catching up

  it('daily at 09:00 stays at 09:00 local across the spring DST change', () => {
    const due = resolveDue('2026-03-28T09:00', BERLIN, before);
    const next = nextDue(parseRecurrence('daily'), due, before);
    expect(wall(next.at)).toBe('Sun 2026-03-29T09:00');
    expect(next.at.getTime() - due.at.getTime()).toBe(23 * 3600_000);
  });

  it('weekdays skip the weekend', () => {
    const friday = resolveDue('2026-12-11', BERLIN, before);
    const next = nextDue(parseRecurrence('weekdays'), friday, before);
    expect(next).toMatchObject({ allDay: true, timeZone: BERLIN });
    expect(wall(next.at)).toBe('Mon 2026-12-14T23:59');
  });

  it('weekly on given days goes to the next listed day, then a week on', () => {
    const rule = parseRecurrence('every monday and thursday');
    const monday = resolveDue('2026-12-07T18:30', BERLIN, before);
    const thursday = nextDue(rule, monday, before);
    expect(wall(thursday.at)).toBe('Thu 2026-12-10T18:30');
    expect(wall(nextDue(rule, thursday, before).at)).toBe('Mon 2026-12-14T18:30');
    const fortnightly = nextDue({ frequency: 'weekly', interval: 2, weekdays: ['mon'] }, monday, before);
    expect(wall(fortnightly.at)).toBe('Mon 2026-12-21T18:30');
  });

  it('weekly without days repeats on the due date’s weekday', () => {
    const wednesday = resolveDue('2026-12-09', BERLIN, before);
    expect(wall(nextDue(parseRecurrence('weekly'), wednesday, before).at)).toBe('Wed 2026-12-16T23:59');
  });

  it('monthly on the 31st falls on the last day of shorter months and comes back to the 31st', () => {
    const due = resolveDue('2026-01-31', BERLIN, before);
    const rule = anchorRecurrence(parseRecurrence('monthly'), due);
    expect(rule.month_day).toBe(31);
    const feb = nextDue(rule, due, before);
    expect(wall(feb.at)).toBe('Sat 2026-02-28T23:59');
    expect(wall(nextDue(rule, feb, before).at)).toBe('Tue 2026-03-31T23:59');
    expect(wall(nextDue({ ...rule, interval: 2 }, due, before).at)).toBe('Tue 2026-03-31T23:59');
  });

  it('a task finished late comes back due after now, not already overdue', () => {
    const due = resolveDue('2026-12-01T08:00', BERLIN, before);
    const now = at('2026-12-09T10:00:00Z'); // 11:00 in Berlin on the 9th
    expect(wall(nextDue(parseRecurrence('daily'), due, now).at)).toBe('Thu 2026-12-10T08:00');
    const allDay = resolveDue('2026-12-01', BERLIN, before);
    expect(wall(nextDue(parseRecurrence('daily'), allDay, now).at)).toBe('Wed 2026-12-09T23:59');
  });
});

describe('firstDue', () => {
  const wednesday = at('2026-12-09T10:00:00Z');
  it('is today for a daily rule, the next listed day for a weekly one, the next such day for a monthly one', () => {
    expect(wall(firstDue(parseRecurrence('daily'), BERLIN, wednesday).at)).toBe('Wed 2026-12-09T23:59');
    expect(wall(firstDue(parseRecurrence('every monday'), BERLIN, wednesday).at)).toBe(
      'Mon 2026-12-14T23:59',
    );
    expect(wall(firstDue(parseRecurrence('every month on the 1st'), BERLIN, wednesday).at)).toBe(
      'Fri 2027-01-01T23:59',
    );
  });
});
