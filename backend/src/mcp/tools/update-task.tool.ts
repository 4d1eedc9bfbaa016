import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DomainError } from '../../common/domain-error';
import type { TaskChanges } from '../../tasks/tasks.service';
import { jsonResult, taskContextOf, toolCall, ToolDeps, userIdOf, zoneFor } from '../tool-context';
import {
  changedTask,
  descriptionField,
  DUE_DESCRIPTION,
  dueField,
  PRIORITY_DESCRIPTION,
  priorityField,
  RECURRENCE_DESCRIPTION,
  recurrenceField,
  REMIND_DESCRIPTION,
  remindField,
  tagsField,
  taskChangeOutput,
  taskIdField,
  titleField,
} from './task-schemas';

/** "none" clears a field: models handle a word more reliably than a JSON null. */
const NONE = 'none';

/** The tool's definition, built once and shared by every server (see `McpServerFactory`). */
const UPDATE_TASK_TOOL = {
  title: 'Update task',
  description:
    'Change a task: its title or description ("change task 1 to \'Call mom tonight\'", "rename …"), when it is ' +
    'due ("move the dentist to Friday 3pm"), its priority, its tags ("tag task 4 as work") or how it repeats. ' +
    "Only the fields given change. Returns the task with its due date as resolved in the user's time zone.",
  inputSchema: z.strictObject({
    task_id: taskIdField,
    title: titleField.optional().describe('The new title (1-200 characters)'),
    description: descriptionField
      .optional()
      .describe('The new description (up to 1000 characters; "" clears it)'),
    priority: z
      .union([priorityField, z.literal(NONE)])
      .optional()
      .describe(`The new priority: ${PRIORITY_DESCRIPTION}; "none" removes it`),
    tags: tagsField.optional().describe('Replaces all its tags ([] removes them all)'),
    add_tags: tagsField.optional().describe('Tags to add, keeping the others ("tag it as work": ["work"])'),
    remove_tags: tagsField.optional().describe('Tags to take off'),
    due: dueField
      .optional()
      .describe(
        `${DUE_DESCRIPTION} A time alone ("2 PM") keeps the day it is due on. "none" removes the due date.`,
      ),
    recurrence: recurrenceField.optional().describe(`${RECURRENCE_DESCRIPTION} "none" stops the repeat.`),
    remind_at: remindField
      .optional()
      .describe(`${REMIND_DESCRIPTION} "none" turns its reminder off; "default" goes back to the due time.`),
  }),
  outputSchema: { ...taskChangeOutput, status: z.literal('updated') },
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
};

export function registerUpdateTaskTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'update_task',
    UPDATE_TASK_TOOL,
    async ({ task_id, priority, due, recurrence, remind_at, add_tags, remove_tags, ...rest }, extra) => {
      const userId = userIdOf(extra);
      const ctx = taskContextOf(extra);
      return toolCall(deps, userId, async () => {
        const changes: TaskChanges = {
          ...rest,
          ...(priority !== undefined ? { priority: priority === NONE ? null : priority } : {}),
          ...(due !== undefined ? { due: due.toLowerCase() === NONE ? null : due } : {}),
          ...(recurrence !== undefined
            ? { recurrence: recurrence.toLowerCase() === NONE ? null : recurrence }
            : {}),
          ...(remind_at !== undefined
            ? { remind_at: remind_at.toLowerCase() === NONE ? null : remind_at }
            : {}),
          ...(add_tags !== undefined ? { addTags: add_tags } : {}),
          ...(remove_tags !== undefined ? { removeTags: remove_tags } : {}),
        };
        if (Object.values(changes).every((v) => v === undefined))
          throw new DomainError(
            'invalid_input',
            'Give something to change: title, description, priority, tags, add_tags, remove_tags, due, recurrence or ' +
              'remind_at.',
          );
        const task = await deps.tasks.update(userId, task_id, changes, ctx);
        const out = changedTask(task, 'updated', await zoneFor(deps, userId, ctx, [task]), deps.tasks.now());
        return jsonResult(out, out);
      });
    },
  );
}
