import { InvalidTaskError } from '../tasks.errors';
import { Due, DueDateError, resolveDue } from './due-dates';
import { anchorRecurrence, firstDue, parseRecurrence, Recurrence, RecurrenceError } from './recurrence';

/** A task's due date and repeat. */
export interface Schedule {
  due: Due | null;
  recurrence: Recurrence | null;
}

/** Schedule errors are input errors: a 400 on REST, a sentence for a model; the message names the field. */
export function asInvalid<T>(field: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof DueDateError || err instanceof RecurrenceError)
      throw new InvalidTaskError(`${field}: ${err.message}`);
    throw err;
  }
}

/**
 * The schedule after a change: due words resolved in `zone` (a time alone keeps the current day), the repeat
 * parsed and anchored on the due date; a repeat without a due date starts on its first day; a repeating task
 * cannot lose its due date. `undefined` keeps a field, null clears it.
 */
export function planSchedule(
  changes: { due?: string | null; recurrence?: unknown },
  current: Schedule,
  zone: string,
  now: Date,
): Schedule {
  let due = current.due;
  if (changes.due === null) due = null;
  else if (changes.due !== undefined) {
    const words = changes.due;
    due = asInvalid('due', () => resolveDue(words, zone, now, current.due));
  }
  let recurrence = current.recurrence;
  if (changes.recurrence === null) recurrence = null;
  else if (changes.recurrence !== undefined)
    recurrence = asInvalid('recurrence', () => parseRecurrence(changes.recurrence));
  else if (recurrence?.frequency === 'monthly' && changes.due !== undefined) {
    const { month_day: _moved, ...rest } = recurrence; // moved: the new date's day of the month
    recurrence = rest;
  }
  if (!recurrence) return { due, recurrence: null };
  if (!due) {
    if (changes.due === null)
      throw new InvalidTaskError(
        'due: a repeating task needs a due date; stop the repeat (recurrence: null) first',
      );
    due = firstDue(recurrence, zone, now);
  }
  return { due, recurrence: anchorRecurrence(recurrence, due) };
}
