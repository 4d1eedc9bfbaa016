import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { jsonResult, toolCall, ToolDeps, userIdOf } from '../tool-context';
import { taskSummary } from './task-schemas';

export function registerListTasksTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'list_tasks',
    {
      title: 'List tasks',
      description:
        "List the user's tasks with their numbers. Use to show tasks, and before acting on a task the user names by " +
        'words instead of a number ("delete the meeting task").',
      inputSchema: z.strictObject({
        status: z
          .enum(['all', 'pending', 'completed'])
          .default('all')
          .describe('"pending" for open tasks, "completed" for done ones, "all" (default) for both'),
      }),
      outputSchema: { tasks: z.array(taskSummary).describe('The tasks, by number') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ status }, extra) => {
      const userId = userIdOf(extra);
      return toolCall(deps, userId, async () => {
        const tasks = (await deps.tasks.all(userId, status)).map((t) => ({
          id: t.number,
          title: t.title,
          description: t.description,
          completed: t.completed,
          created_at: t.createdAt.toISOString(),
        }));
        return jsonResult(tasks, { tasks });
      });
    },
  );
}
