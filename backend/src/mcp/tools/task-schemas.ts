import { z } from 'zod';
import type { Task } from '../../tasks/task.entity';
import { taskDetails } from '../../tasks/task-details';
import { PRIORITIES, TAG_MAX, TAGS_MAX } from '../../tasks/task-fields';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../tasks/tasks.service';

export const taskIdField = z
  .number({ error: 'task_id must be a number, such as 3' })
  .int('task_id must be a whole number')
  .positive('task_id must be a positive task number')
  .max(2_147_483_647, 'task_id is too large')
  .describe('The task number the user sees, e.g. 3 for "task 3". Get numbers from list_tasks.');

export const titleField = z
  .string()
  .trim()
  .min(1, 'The title must not be empty.')
  .max(TITLE_MAX, `The title must be at most ${TITLE_MAX} characters; shorten it.`);

export const descriptionField = z
  .string()
  .max(DESCRIPTION_MAX, `The description must be at most ${DESCRIPTION_MAX} characters; shorten it.`);

// Shapes only: what a tag or a date means is checked by the tasks service, with the same words as REST.
const tag = z.string().max(TAG_MAX + 10, `A tag must be at most ${TAG_MAX} characters.`);
export const tagsField = z.array(tag).max(TAGS_MAX, `At most ${TAGS_MAX} tags.`);

const DUE_WORDS =
  'ISO 8601 ("2026-12-12" for a day, "2026-12-12T15:00" in the user\'s time zone, or with an offset) or the ' +
  'user\'s own words ("tomorrow", "Friday 3pm", "next Tuesday", "in 3 days", "end of the month"), resolved on the ' +
  "server in the user's time zone: pass the words as the user said them";
export const dueField = z.string().trim().min(1).max(100, 'The due date must be at most 100 characters.');
export const DUE_DESCRIPTION = `When the task is due: ${DUE_WORDS}.`;

export const recurrenceField = z
  .string()
  .trim()
  .min(1)
  .max(100, 'The repeat must be at most 100 characters.');
export const RECURRENCE_DESCRIPTION =
  'How the task repeats: "daily", "weekdays", "weekly", "every monday and thursday", "monthly", "every month on ' +
  'the 1st", "every 2 weeks", "every 3 days". A repeating task has a due date (its first day is found when none is ' +
  'given); completing it creates the next occurrence.';

export const remindField = z.string().trim().min(1).max(100, 'The reminder must be at most 100 characters.');
export const REMIND_DESCRIPTION =
  'When to remind the user: an instant in their words ("tomorrow at 9", "Friday 8am") or ISO 8601, or relative to ' +
  'the due time ("30 minutes before", "1 day before"). By default a task reminds at its due time (09:00 for a date ' +
  'without a time): only pass this when the user asks for a different reminder.';

export const priorityField = z.enum(PRIORITIES);
export const PRIORITY_DESCRIPTION = 'high, medium or low ("urgent" and "important" mean high)';

/** The fields beyond title and state, as a model sees them: only those that are set. */
const detailsOutput = {
  priority: priorityField.optional().describe('Its priority, when it has one'),
  tags: z.array(z.string()).optional().describe('Its tags, when it has any'),
  due: z
    .string()
    .optional()
    .describe('When it is due, in the user\'s time zone ("Fri 12 Dec, 15:00"; a date alone: due that day)'),
  due_at: z.string().optional().describe('The same instant in UTC (ISO 8601)'),
  overdue: z.boolean().optional().describe('true when it is open and its due time has passed'),
  repeats: z.string().optional().describe('How it repeats ("every month on the 1st"), when it does'),
  reminder: z
    .string()
    .optional()
    .describe(
      'A reminder other than the default (at the due time): when, in the user\'s time zone; or "off"',
    ),
};

/** What every mutating tool answers: the seed contract `{ task_id, status, title }`, plus the fields that are set. */
export const taskChangeOutput = {
  task_id: z.number().int().describe('The task number'),
  title: z.string().describe('The task title'),
  ...detailsOutput,
};

/** A changed task as a tool answers it. */
export function changedTask(t: Task, status: string, timeZone: string, now: Date): Record<string, unknown> {
  return { task_id: t.number, status, title: t.title, ...taskDetails(t, timeZone, now) };
}

export const taskSummary = z.object({
  id: z.number().int().describe('The task number'),
  title: z.string(),
  description: z.string().nullable(),
  completed: z.boolean(),
  created_at: z.string().describe('ISO 8601 creation time'),
  completed_at: z.string().optional().describe('ISO 8601 time it was completed, when it is done'),
  ...detailsOutput,
});
