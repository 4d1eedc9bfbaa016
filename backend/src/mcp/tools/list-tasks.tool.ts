import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { jsonResult, toolCall, ToolDeps, userIdOf } from '../tool-context';
import { taskSummary } from './task-schemas';

/**
 * At most this many tasks per answer, the newest. Unbounded, 10,000 tasks were ~1.2 MB of JSON per call
 * (78 ms, far beyond any model's context, and a 10,000-row widget in ChatKit); 100 are ~12 kB.
 */
export const LIST_TASKS_MAX = 100;

export function registerListTasksTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'list_tasks',
    {
      title: 'List tasks',
      description:
        "List the user's tasks with their numbers. Use to show tasks, and before acting on a task the user names by " +
        `words instead of a number ("delete the meeting task"). Lists at most the newest ${LIST_TASKS_MAX}; when ` +
        'there are more, the answer is {tasks, total, note} instead of a bare list.',
      inputSchema: z.strictObject({
        status: z
          .enum(['all', 'pending', 'completed'])
          .default('all')
          .describe('"pending" for open tasks, "completed" for done ones, "all" (default) for both'),
      }),
      outputSchema: {
        tasks: z.array(taskSummary).describe('The tasks, by number'),
        total: z
          .number()
          .int()
          .optional()
          .describe('How many tasks match in all (only when the list is cut)'),
        note: z.string().optional().describe('What was left out (only when the list is cut)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ status }, extra) => {
      const userId = userIdOf(extra);
      return toolCall(deps, userId, async () => {
        const { tasks: rows, total } = await deps.tasks.newest(userId, { status }, LIST_TASKS_MAX);
        const tasks = rows.map((t) => ({
          id: t.number,
          title: t.title,
          description: t.description,
          completed: t.completed,
          created_at: t.createdAt.toISOString(),
        }));
        // The seed contract's bare array whenever everything fits; the note tells a model what it does not see.
        if (total <= tasks.length) return jsonResult(tasks, { tasks });
        const which = status === 'all' ? '' : `${status} `;
        const note =
          `Showing the newest ${tasks.length} of ${total} ${which}tasks (numbers ${tasks[0].id} to ` +
          `${tasks[tasks.length - 1].id}); older ones are not listed. To act on an older task, ask the user for its number.`;
        const cut = { tasks, total, note };
        return jsonResult(cut, cut);
      });
    },
  );
}
