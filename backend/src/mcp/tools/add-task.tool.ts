import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
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
  titleField,
} from './task-schemas';

/** The tool's definition, built once and shared by every server (see `McpServerFactory`). */
const ADD_TASK_TOOL = {
  title: 'Add task',
  description:
    "Create a new task in the user's todo list. Use when the user wants to add, create or remember something. " +
    'Put when it is due, its priority, tags and how it repeats in their own fields, not in the title. ' +
    "Returns the new task number and the due date as resolved in the user's time zone (tell the user that date).",
  inputSchema: z.strictObject({
    title: titleField.describe('Short title of the task, e.g. "Buy groceries" (1-200 characters)'),
    description: descriptionField
      .optional()
      .describe('Optional details, e.g. "Milk, eggs, bread" (up to 1000 characters)'),
    priority: priorityField.optional().describe(`Optional priority: ${PRIORITY_DESCRIPTION}`),
    tags: tagsField
      .optional()
      .describe('Optional labels such as ["work", "errands"] (up to 10; lower-cased, without "#")'),
    due: dueField.optional().describe(`Optional. ${DUE_DESCRIPTION}`),
    recurrence: recurrenceField.optional().describe(`Optional. ${RECURRENCE_DESCRIPTION}`),
    remind_at: remindField.optional().describe(`Optional. ${REMIND_DESCRIPTION} "none": no reminder.`),
  }),
  outputSchema: { ...taskChangeOutput, status: z.literal('created') },
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: false,
  },
};

export function registerAddTaskTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool('add_task', ADD_TASK_TOOL, async (args, extra) => {
    const userId = userIdOf(extra);
    const ctx = taskContextOf(extra);
    return toolCall(deps, userId, async () => {
      const { remind_at, ...fields } = args;
      const task = await deps.tasks.create(
        userId,
        {
          ...fields,
          ...(remind_at !== undefined
            ? { remind_at: remind_at.toLowerCase() === 'none' ? null : remind_at }
            : {}),
        },
        ctx,
      );
      const out = changedTask(task, 'created', await zoneFor(deps, userId, ctx, [task]), deps.tasks.now());
      return jsonResult(out, out);
    });
  });
}
