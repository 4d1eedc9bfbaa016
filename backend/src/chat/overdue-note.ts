import { DateTime } from 'luxon';
import type { StoredItem } from '../conversations/thread-item';
import { formatDue } from '../tasks/schedule/due-dates';
import type { Task } from '../tasks/task.entity';
import { dueOf } from '../tasks/tasks.service';

/**
 * What is overdue, told to the model at the first turn of a conversation each day (in the user's zone): a system
 * note listing the overdue tasks and the sentence to open the answer with, which the offline model says as it is
 * and real models are asked to say. Once a day per conversation, so it informs without nagging.
 */
export const OVERDUE_NOTE_MARK = 'Overdue tasks:';
const SHOWN = 5;

/** The sentence an answer opens with. */
export function overdueSentence(total: number): string {
  return total === 1 ? 'You have 1 overdue task.' : `You have ${total} overdue tasks.`;
}

/** True when an earlier message of the user in this conversation was sent today (they were told already). */
export function toldToday(history: readonly StoredItem[], zone: string, now: Date): boolean {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day').toJSDate();
  return history.some((i) => i.type === 'user_message' && i.createdAt >= today);
}

/** The note for the model; the opening sentence is quoted last, between “ and ”. */
export function overdueNote(tasks: readonly Task[], total: number, zone: string, now: Date): string {
  const listed = tasks
    .slice(0, SHOWN)
    .map((t) => {
      const due = dueOf(t);
      return `task ${t.number} “${t.title}”${due ? ` (was due ${formatDue(due, zone, now)})` : ''}`;
    })
    .join(', ');
  const more = total > SHOWN ? ` and ${total - SHOWN} more` : '';
  return (
    `${OVERDUE_NOTE_MARK} ${listed}${more}. Unless the user's message is about exactly these, open the answer ` +
    `with one short sentence saying so, in the user's language: “${overdueSentence(total)}”`
  );
}

/** The opening sentence of a note (what the offline model says), or null for any other text. */
export function sentenceOfNote(text: string): string | null {
  if (!text.startsWith(OVERDUE_NOTE_MARK)) return null;
  const m = /“([^”]+)”$/.exec(text);
  return m ? m[1] : null;
}
