import { z } from 'zod';
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

/** What every mutating tool answers: the seed contract `{ task_id, status, title }`. */
export const taskChangeOutput = {
  task_id: z.number().int().describe('The task number'),
  title: z.string().describe('The task title'),
};

export const taskSummary = z.object({
  id: z.number().int().describe('The task number'),
  title: z.string(),
  description: z.string().nullable(),
  completed: z.boolean(),
  created_at: z.string().describe('ISO 8601 creation time'),
});
