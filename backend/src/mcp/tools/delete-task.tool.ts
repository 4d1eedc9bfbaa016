import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { jsonResult, taskContextOf, toolCall, ToolDeps, userIdOf } from '../tool-context';
import { taskChangeOutput, taskIdField } from './task-schemas';

/** The tool's definition, built once and shared by every server (see `McpServerFactory`). */
const DELETE_TASK_TOOL = {
  title: 'Delete task',
  description:
    'Delete a task. Use only when the user asks to delete, remove or cancel a task; if they named it by words, ' +
    'call list_tasks first and ask when several tasks match. undo_last_change brings it back.',
  inputSchema: z.strictObject({ task_id: taskIdField }),
  outputSchema: { ...taskChangeOutput, status: z.literal('deleted') },
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: false,
  },
};

export function registerDeleteTaskTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool('delete_task', DELETE_TASK_TOOL, async ({ task_id }, extra) => {
    const userId = userIdOf(extra);
    const ctx = taskContextOf(extra);
    return toolCall(deps, userId, async () => {
      const task = await deps.tasks.remove(userId, task_id, ctx);
      const out = { task_id: task.number, status: 'deleted', title: task.title };
      return jsonResult(out, out);
    });
  });
}
