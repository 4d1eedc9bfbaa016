import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { jsonResult, toolCall, ToolDeps, userIdOf } from '../tool-context';
import { descriptionField, taskChangeOutput, titleField } from './task-schemas';

export function registerAddTaskTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'add_task',
    {
      title: 'Add task',
      description:
        "Create a new task in the user's todo list. Use when the user wants to add, create or remember something. " +
        'Returns the new task number.',
      inputSchema: z.strictObject({
        title: titleField.describe('Short title of the task, e.g. "Buy groceries" (1-200 characters)'),
        description: descriptionField
          .optional()
          .describe('Optional details, e.g. "Milk, eggs, bread" (up to 1000 characters)'),
      }),
      outputSchema: { ...taskChangeOutput, status: z.literal('created') },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: false,
      },
    },
    async ({ title, description }, extra) => {
      const userId = userIdOf(extra);
      return toolCall(deps, userId, async () => {
        const task = await deps.tasks.create(userId, { title, description });
        const out = { task_id: task.number, status: 'created', title: task.title };
        return jsonResult(out, out);
      });
    },
  );
}
