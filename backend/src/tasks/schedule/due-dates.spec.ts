import { DateTime } from 'luxon';
import {
  daysFromToday,
  DueDateError,
  formatDue,
  isDueWords,
  localDue,
  resolveBound,
  resolveDue,
  trailingDueWords,
} from './due-dates';
import { isTimeZone } from './time-zones';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const SYDNEY = 'Australia/Sydney';
const KOLKATA = 'Asia/Kolkata';

const at = (iso: string) => new Date(iso);
/** The instant as wall-clock text in a zone, to read expectations as a person would. */
const wall = (d: Date, zone: string) =>
  DateTime.fromJSDate(d, { zone }).toFormat("ccc yyyy-LL-dd'T'HH:mm ZZ");

describe('time zones', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires'])(
    'accepts %s',
    (zone) => expect(isTimeZone(zone)).toBe(true),
  );
  it.each(['', '+02:00', 'Mars/Olympus_Mons', 'Europe/Berlin; drop table', 'x'.repeat(65), 42, null])(
    'refuses %p',
    (zone) => expect(isTimeZone(zone)).toBe(false),
  );
});

describe('resolveDue: ISO 8601', () => {
  it('a date is due by the end of that day in the user’s zone', () => {
    const due = resolveDue('2026-12-12', BERLIN, at('2026-12-01T00:00:00Z'));
    expect(due).toEqual({ at: at('2026-12-12T22:59:59.999Z'), allDay: true, timeZone: BERLIN });
  });

  it('a date and time without an offset is the user’s wall-clock time', () => {
    expect(resolveDue('2026-12-12T15:00', NEW_YORK, at('2026-12-01T00:00:00Z')).at).toEqual(
      at('2026-12-12T20:00:00Z'),
    );
    expect(resolveDue('2026-07-12 15:00', NEW_YORK, at('2026-07-01T00:00:00Z')).at).toEqual(
      at('2026-07-12T19:00:00Z'), // EDT
    );
  });

  it('an instant with an offset is that instant in any zone', () => {
    for (const zone of [BERLIN, NEW_YORK, KOLKATA])
      expect(resolveDue('2026-12-12T15:00:00+01:00', zone, at('2026-12-01T00:00:00Z'))).toMatchObject({
        at: at('2026-12-12T14:00:00Z'),
        allDay: false,
      });
  });

  it('a wall-clock time skipped by the spring change moves forward, never to an invalid instant', () => {
    const due = resolveDue('2026-03-29T02:30', BERLIN, at('2026-03-01T00:00:00Z'));
    expect(wall(due.at, BERLIN)).toBe('Sun 2026-03-29T03:30 +02:00');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-12-12T25:00'])(
    'refuses %s, which is not in the calendar',
    (text) => {
      expect(() => resolveDue(text, BERLIN, at('2026-01-01T00:00:00Z'))).toThrow(DueDateError);
    },
  );
});

describe('resolveDue: words, relative to now in the user’s zone', () => {
  // Friday 27 March 2026, 23:30 in Berlin (CET, +01:00); Berlin moves to CEST (+02:00) on Sunday 29 March.
  const FRI_NIGHT_BERLIN = at('2026-03-27T22:30:00Z');

  it('"tomorrow" is the user’s tomorrow, not UTC’s', () => {
    // 00:30 on Saturday in Berlin is still Friday in UTC.
    const now = at('2026-03-27T23:30:00Z');
    expect(localDue(resolveDue('tomorrow', BERLIN, now), BERLIN)).toBe('2026-03-29');
    expect(localDue(resolveDue('tomorrow', 'UTC', now), 'UTC')).toBe('2026-03-28');
  });

  it('a weekday and time after the DST change keep their wall-clock time', () => {
    const due = resolveDue('next Tuesday 9am', BERLIN, FRI_NIGHT_BERLIN);
    expect(wall(due.at, BERLIN)).toBe('Tue 2026-03-31T09:00 +02:00');
    expect(due.at).toEqual(at('2026-03-31T07:00:00Z')); // a fixed +01:00 would have said 08:00Z
  });

  it('the same across the autumn change in New York', () => {
    const friday = at('2026-10-30T16:00:00Z'); // Fri 12:00 EDT; clocks go back on Sun 1 Nov
    const due = resolveDue('Monday at 9am', NEW_YORK, friday);
    expect(wall(due.at, NEW_YORK)).toBe('Mon 2026-11-02T09:00 -05:00');
  });

  it('and in the southern hemisphere (Sydney leaves DST on 5 April)', () => {
    const due = resolveDue('tomorrow 9am', SYDNEY, at('2026-04-04T10:00:00Z')); // Sat 21:00 AEDT
    expect(wall(due.at, SYDNEY)).toBe('Sun 2026-04-05T09:00 +10:00');
  });

  it('in a half-hour zone', () => {
    const due = resolveDue('tomorrow at 9:30am', KOLKATA, at('2026-12-09T20:00:00Z')); // 01:30 on the 10th
    expect(due.at).toEqual(at('2026-12-11T04:00:00Z'));
  });

  it('"Friday 3pm" is the coming Friday', () => {
    const wednesday = at('2026-12-09T10:00:00Z');
    expect(wall(resolveDue('Friday 3pm', BERLIN, wednesday).at, BERLIN)).toBe('Fri 2026-12-11T15:00 +01:00');
    expect(wall(resolveDue('due friday at 15:00', BERLIN, wednesday).at, BERLIN)).toBe(
      'Fri 2026-12-11T15:00 +01:00',
    );
  });

  it.each([
    ['in 3 days', '2026-12-12'],
    ['next Tuesday', '2026-12-15'],
    ['end of the month', '2026-12-31'],
    ['by the end of the month', '2026-12-31'],
    ['the 1st', '2027-01-01'],
    ['on the 9th', '2026-12-09'],
    ['the 31st', '2026-12-31'],
    ['Dec 24', '2026-12-24'],
    ['tonight', '2026-12-09'],
  ])('"%s" on Wed 9 Dec 2026 is the date %s, without a time', (text, date) => {
    const due = resolveDue(text, BERLIN, at('2026-12-09T10:00:00Z'));
    expect(due.allDay).toBe(true);
    expect(localDue(due, BERLIN)).toBe(date);
  });

  it('"the 31st" in a month of 30 days is the next month that has one', () => {
    expect(localDue(resolveDue('the 31st', BERLIN, at('2026-11-10T10:00:00Z')), BERLIN)).toBe('2026-12-31');
  });

  it('"in 2 hours" is an amount of time, across a DST change too', () => {
    const now = at('2026-03-29T00:30:00Z'); // 01:30 CET, the clocks jump at 02:00
    const due = resolveDue('in 2 hours', BERLIN, now);
    expect(due).toMatchObject({ at: at('2026-03-29T02:30:00Z'), allDay: false });
    expect(wall(due.at, BERLIN)).toBe('Sun 2026-03-29T04:30 +02:00');
  });

  it('a time alone is today if still ahead, else tomorrow', () => {
    const afternoon = at('2026-12-09T15:00:00Z'); // 16:00 in Berlin
    expect(localDue(resolveDue('5pm', BERLIN, afternoon), BERLIN)).toBe('2026-12-09T17:00');
    expect(localDue(resolveDue('3pm', BERLIN, afternoon), BERLIN)).toBe('2026-12-10T15:00');
  });

  it('a time alone keeps the day of the task’s current due date ("reschedule to 2 PM")', () => {
    const now = at('2026-12-09T10:00:00Z');
    const thursday = resolveDue('2026-12-10T09:00', BERLIN, now);
    expect(localDue(resolveDue('2 PM', BERLIN, now, thursday), BERLIN)).toBe('2026-12-10T14:00');
    const saturday = resolveDue('2026-12-12', BERLIN, now); // a date without a time
    expect(localDue(resolveDue('noon', BERLIN, now, saturday), BERLIN)).toBe('2026-12-12T12:00');
  });

  it('a day alone keeps the time of the task’s current due date ("move it to Friday")', () => {
    const now = at('2026-12-09T10:00:00Z');
    const dentist = resolveDue('2026-12-09T15:00', BERLIN, now);
    expect(localDue(resolveDue('Friday', BERLIN, now, dentist), BERLIN)).toBe('2026-12-11T15:00');
    expect(localDue(resolveDue('Friday', BERLIN, now, resolveDue('2026-12-09', BERLIN, now)), BERLIN)).toBe(
      '2026-12-11',
    );
  });

  it.each(['', '   ', 'whenever', 'asdf', 'someday maybe friday', 'x'.repeat(101)])(
    'refuses %p with a message saying what it accepts',
    (text) => {
      expect(() => resolveDue(text, BERLIN, at('2026-12-09T10:00:00Z'))).toThrow(DueDateError);
    },
  );
});

describe('formatDue, localDue and windows', () => {
  const now = at('2026-12-09T10:00:00Z');

  it('shows a timed due date in the viewer’s zone, a date alone as that date', () => {
    const timed = resolveDue('2026-12-12T15:00', BERLIN, now);
    expect(formatDue(timed, BERLIN, now)).toBe('Sat 12 Dec, 15:00');
    expect(formatDue(timed, NEW_YORK, now)).toBe('Sat 12 Dec, 09:00');
    const day = resolveDue('2026-12-12', BERLIN, now);
    expect(formatDue(day, BERLIN, now)).toBe('Sat 12 Dec');
    expect(formatDue(day, NEW_YORK, now)).toBe('Sat 12 Dec'); // a date is the same date anywhere
    expect(localDue(timed, NEW_YORK)).toBe('2026-12-12T09:00');
  });

  it('names the year when it is not this year', () => {
    expect(formatDue(resolveDue('2027-01-04', BERLIN, now), BERLIN, now)).toBe('Mon 4 Jan 2027');
  });

  it('today is 23 hours long on the day the clocks go forward', () => {
    const { from, to } = daysFromToday(1, BERLIN, at('2026-03-29T12:00:00Z'));
    expect(from).toEqual(at('2026-03-28T23:00:00Z'));
    expect(to.getTime() - from.getTime()).toBe(23 * 3600_000);
    const week = daysFromToday(7, NEW_YORK, at('2026-12-09T03:00:00Z')); // still the 8th in New York
    expect(week.from).toEqual(at('2026-12-08T05:00:00Z'));
    expect(week.to).toEqual(at('2026-12-15T05:00:00Z'));
  });

  it('a filter bound on a date starts at that day’s midnight in the user’s zone', () => {
    expect(resolveBound('2026-12-12', BERLIN, now)).toEqual(at('2026-12-11T23:00:00Z'));
    expect(resolveBound('2026-12-12T15:00', BERLIN, now)).toEqual(at('2026-12-12T14:00:00Z'));
  });
});

describe('trailingDueWords: a due date at the end of a sentence, or words of the title', () => {
  it.each([
    ['file the taxes yesterday', 'yesterday'],
    ['call mom last friday', 'last friday'],
    ['renew passport in 3 days', 'in 3 days'],
    ['follow up 3 days later', '3 days later'],
    ['send the invoices next week', 'next week'],
    ['renew the insurance next month', 'next month'],
    ['book a table for Saturday', 'Saturday'],
  ])('"%s" is due "%s"', (text, words) => expect(trailingDueWords(text)?.words).toBe(words));

  it.each([
    // a span or an offset counted back from now
    'report on every escalation from the past three months',
    'summarise the last 3 months',
    'review last year',
    'chase the invoice sent 3 days ago',
    // a length of time, not a moment
    'meditate for 20 minutes',
    'plan the week',
    // the date the sentence is about
    'answer the emails from yesterday',
    'list what changed since monday',
    'write up what happened during the last month',
    'clean the garage over the weekend',
    // a period the task is for
    'plan the budget for next year',
    'block the calendar for the next 2 weeks',
  ])('"%s" has none', (text) => expect(trailingDueWords(text)).toBeUndefined());

  it('leaves a date the person asks for as such alone, past or not ("move it to last week")', () => {
    expect(isDueWords('last week')).toBe(true);
    expect(isDueWords('yesterday')).toBe(true);
  });
});
