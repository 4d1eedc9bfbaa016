import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { jsonResult, taskContextOf, toolCall, ToolDeps, userIdOf, zoneFor } from '../tool-context';
import { changedTask, taskChangeOutput, taskIdField } from './task-schemas';

/** The tool's definition, built once and shared by every server (see `McpServerFactory`). */
const COMPLETE_TASK_TOOL = {
  title: 'Complete task',
  description:
    'Mark a task as done (the user finished it), or as not done again with completed=false ("reopen task 2"). ' +
    'Completing a repeating task creates its next occurrence (answered as `next`): tell the user its number ' +
    'and due date.',
  inputSchema: z.strictObject({
    task_id: taskIdField,
    completed: z
      .boolean()
      .default(true)
      .describe('true (default) marks it done; false marks it pending again'),
  }),
  outputSchema: {
    ...taskChangeOutput,
    status: z.enum(['completed', 'pending']),
    next: z
      .object(taskChangeOutput)
      .optional()
      .describe('The next occurrence a repeating task got when it was completed'),
  },
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
};

export function registerCompleteTaskTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool('complete_task', COMPLETE_TASK_TOOL, async ({ task_id, completed }, extra) => {
    const userId = userIdOf(extra);
    const ctx = taskContextOf(extra);
    return toolCall(deps, userId, async () => {
      const task = await deps.tasks.setCompleted(userId, task_id, completed, ctx);
      const next = task.nextOccurrence;
      const zone = await zoneFor(deps, userId, ctx, next ? [task, next] : [task]);
      const now = deps.tasks.now();
      const out = changedTask(task, task.completed ? 'completed' : 'pending', zone, now);
      if (next) {
        const { status: _status, ...nextTask } = changedTask(next, 'created', zone, now);
        out.next = nextTask;
      }
      return jsonResult(out, out);
    });
  });
}
