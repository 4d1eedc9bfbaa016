import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DomainError } from '../../common/domain-error';
import { jsonResult, toolCall, ToolDeps, userIdOf } from '../tool-context';
import { descriptionField, taskChangeOutput, taskIdField, titleField } from './task-schemas';

export function registerUpdateTaskTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'update_task',
    {
      title: 'Update task',
      description:
        'Change the title and/or description of a task ("change task 1 to \'Call mom tonight\'", "rename …").',
      inputSchema: z.strictObject({
        task_id: taskIdField,
        title: titleField.optional().describe('The new title (1-200 characters)'),
        description: descriptionField
          .optional()
          .describe('The new description (up to 1000 characters; "" clears it)'),
      }),
      outputSchema: { ...taskChangeOutput, status: z.literal('updated') },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ task_id, title, description }, extra) => {
      const userId = userIdOf(extra);
      return toolCall(deps, userId, async () => {
        if (title === undefined && description === undefined) {
          throw new DomainError('invalid_input', 'Give a new title or description to change.');
        }
        const task = await deps.tasks.update(userId, task_id, { title, description });
        const out = { task_id: task.number, status: 'updated', title: task.title };
        return jsonResult(out, out);
      });
    },
  );
}
