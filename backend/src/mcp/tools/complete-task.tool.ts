import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { jsonResult, toolCall, ToolDeps, userIdOf } from '../tool-context';
import { taskChangeOutput, taskIdField } from './task-schemas';

export function registerCompleteTaskTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'complete_task',
    {
      title: 'Complete task',
      description:
        'Mark a task as done (the user finished it), or as not done again with completed=false ("reopen task 2").',
      inputSchema: z.strictObject({
        task_id: taskIdField,
        completed: z
          .boolean()
          .default(true)
          .describe('true (default) marks it done; false marks it pending again'),
      }),
      outputSchema: { ...taskChangeOutput, status: z.enum(['completed', 'pending']) },
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async ({ task_id, completed }, extra) => {
      const userId = userIdOf(extra);
      return toolCall(deps, userId, async () => {
        const task = await deps.tasks.setCompleted(userId, task_id, completed);
        const out = {
          task_id: task.number,
          status: task.completed ? 'completed' : 'pending',
          title: task.title,
        };
        return jsonResult(out, out);
      });
    },
  );
}
