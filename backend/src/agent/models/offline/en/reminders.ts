/**
 * Reminders in what people say: "remind me 30 minutes before", "remind me about task 2 tomorrow at 9", "no reminder
 * for task 3", and on a new task "add call the bank tomorrow at 10, remind me 1 hour before".
 *
 * A reminder is passed on as the tools take it: relative to the due time ("30 minutes before"), an instant in the
 * person's words ("tomorrow at 9", resolved on the server), or "none". A task reminds at its due time by default, so
 * "remind me to call mom tomorrow at 9" is a new task due then (commands.ts), not a reminder rule.
 */
import { isDueWords, trailingDueWords } from '../../../../tasks/schedule/due-dates';
import type { FieldChange } from '../intent';

const REMIND = '(?:remind|ping|notify|alert|nudge)\\s+me';
const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty-five': 45,
  'forty five': 45,
};
const UNITS: Readonly<Record<string, string>> = {
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
};
/** "30 minutes before", "an hour early", "half an hour ahead", "a day in advance". */
const BEFORE =
  '(?:(\\d{1,4}|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty[- ]five)\\s+(mins?|minutes?|hrs?|hours?|days?|weeks?)|(half an hour))\\s+(?:before(?:hand)?|early|earlier|ahead(?: of time)?|in advance|prior)';

/** "an hour before" → "1 hour before", "half an hour early" → "30 minutes before". */
function beforeWords(m: RegExpExecArray, at: number): string {
  if (m[at + 2]) return '30 minutes before';
  const raw = m[at].toLowerCase();
  const count = /^\d+$/.test(raw) ? Number(raw) : (COUNT_WORDS[raw] ?? 1);
  const unit = UNITS[m[at + 1].toLowerCase()] ?? 'minute';
  return `${count} ${unit}${count === 1 ? '' : 's'} before`;
}

/** The words name a task the person already has: "task 3", "it", "the rent task", "the second one". */
function namesTask(words: string): boolean {
  return /^(?:(?:task|todo|item|number|no\.?)\s*#?\s*\d+|#\d+|it|that|this|that one|this one|the\s+.+?\s+(?:task|todo|item|one|reminder))$/i.test(
    words.trim(),
  );
}

const ABOUT = '(?:about|of|for|on)';
/** What comes after "before": nothing, "it", "the due time", "it's due", or the task ("the dentist"). */
const DUE_POINT =
  /^(?:it|that|this|then|the due (?:time|date)|the deadline|(?:it's|it is) due|(?:the )?time)$/i;

/** Commands that set or clear the reminder of existing tasks, and the words naming them. */
export function reminderCommand(t: string): { target: string; change: FieldChange } | undefined {
  const rule = (pattern: string) => new RegExp(pattern, 'i').exec(t);
  const remind = (target: string | undefined, remind: string) => ({
    target: target?.trim() || 'it',
    change: { remind },
  });
  let m: RegExpExecArray | null;

  // Off: "no reminder for task 3", "don't remind me about the dentist", "turn off the reminder for it".
  if ((m = rule(`^(?:no|without(?: a)?|skip the)\\s+reminders?(?:\\s+${ABOUT}\\s+(.+))?$`)))
    return remind(m[1], 'none');
  if (
    (m = rule(
      `^(?:don't|dont|do not|never|no need to|stop)\\s+(?:remind|ping|notify|alert)(?:ing)?\\s+me(?:\\s+${ABOUT}\\s+(.+))?$`,
    ))
  )
    return remind(m[1], 'none');
  if (
    (m = rule(
      `^(?:turn off|switch off|disable|mute|silence|remove|clear|cancel|drop)\\s+(?:the\\s+|its\\s+|my\\s+)?reminders?(?:\\s+(?:for|on|of|from|about)\\s+(.+))?$`,
    )) ??
    (m = rule(`^turn\\s+(?:the\\s+|its\\s+)?reminders?(?:\\s+(?:for|on|of|about)\\s+(.+?))?\\s+off$`))
  )
    return remind(m[1], 'none');

  // Relative to the due time: "remind me 30 minutes before", "remind me about task 3 an hour before",
  // "remind me an hour before the dentist", "set a reminder for it 1 day before".
  const lead = `^(?:${REMIND}|(?:set|add|put|make)\\s+(?:a\\s+|the\\s+)?reminder)`;
  if ((m = rule(`${lead}(?:\\s+${ABOUT}\\s+(.+?))?\\s+${BEFORE}(?:\\s+(.+))?$`))) {
    const after = m[5]?.replace(/^(?:about|of|for|on)\s+/i, '');
    if (m[1] && after && !DUE_POINT.test(after)) return undefined;
    return remind(after && !DUE_POINT.test(after) ? after : m[1], beforeWords(m, 2));
  }

  // At an instant: "remind me about task 2 tomorrow at 9", "remind me of the rent task on Friday at 8am",
  // "remind me tomorrow at 9 about it". The task must be named as one: "remind me about the rent tomorrow" adds.
  if ((m = rule(`${lead}\\s+${ABOUT}\\s+(.+)$`))) {
    const due = trailingDueWords(m[1]);
    if (due && due.index > 0) {
      const target = m[1].slice(0, due.index).trim();
      if (namesTask(target)) return remind(target, due.words.replace(/^(?:on|at)\s+/i, ''));
    }
  }
  if ((m = rule(`${lead}\\s+(.+?)\\s+${ABOUT}\\s+(.+)$`)) && isDueWords(m[1]) && namesTask(m[2]))
    return remind(m[2], m[1].replace(/^(?:on|at)\s+/i, ''));
  if ((m = rule(`^${REMIND}\\s+(.+)$`)) && isDueWords(m[1]))
    return remind('it', m[1].replace(/^(?:on|at)\s+/i, ''));
  return undefined;
}

/** A reminder at the end of a new task's words: ", remind me 1 hour before", "with a reminder at 9am", ", no reminder". */
export function trailingReminder(text: string): { index: number; remind: string } | undefined {
  const lead = `[\\s,;(–—-]*\\b(?:and\\s+)?(?:${REMIND}|(?:with\\s+)?an?\\s+reminder|reminder)`;
  let m = new RegExp(`${lead}\\s+${BEFORE}(?:\\s+(?:it|that|then|it's due|it is due))?\\)?$`, 'i').exec(text);
  if (m) return { index: m.index, remind: beforeWords(m, 1) };
  m = /[\s,;(–—-]*\b(?:and\s+)?(?:no reminder|without (?:a )?reminder|don't remind me)\)?$/i.exec(text);
  if (m) return { index: m.index, remind: 'none' };
  m = new RegExp(`${lead}\\s+(.+?)\\)?$`, 'i').exec(text);
  if (m && isDueWords(m[1])) return { index: m.index, remind: m[1].replace(/^(?:on|at)\s+/i, '') };
  return undefined;
}
