import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { undoSummary, type UndoneChange } from '../../tasks/task-changes';
import { jsonResult, toolCall, ToolDeps, undoScopeOf, userIdOf } from '../tool-context';

const UNDONE = {
  created: 'deleted',
  deleted: 'restored',
  completed: 'pending',
  reopened: 'completed',
  updated: 'restored',
} as const;

const undoneChange = z.object({
  task_id: z.number().int().describe('The task number'),
  title: z.string().describe('The task title (as it is now, or as it was when it is gone)'),
  undid: z
    .enum(['created', 'deleted', 'completed', 'reopened', 'updated'])
    .describe('What the reversed change had done'),
  status: z
    .enum(['deleted', 'restored', 'pending', 'completed', 'not_restored'])
    .describe(
      'The task now: deleted (an addition undone), restored (a deletion or an edit undone), pending or completed ' +
        'again; not_restored when it was deleted meanwhile and could not be put back',
    ),
  fields: z.array(z.string()).optional().describe('For an edit undone: the fields set back'),
  next_removed: z
    .object({ task_id: z.number().int(), title: z.string() })
    .optional()
    .describe('The next occurrence the completion of a repeating task had created, now removed'),
});

function toOutput(c: UndoneChange): z.infer<typeof undoneChange> {
  return {
    task_id: c.taskId,
    title: c.title,
    undid: c.action,
    status: c.task ? UNDONE[c.action] : c.action === 'created' ? 'deleted' : 'not_restored',
    ...(c.action === 'updated' && c.fields.length ? { fields: c.fields } : {}),
    ...(c.removedNext ? { next_removed: { task_id: c.removedNext.number, title: c.removedNext.title } } : {}),
  };
}

/** The tool's definition, built once and shared by every server (see `McpServerFactory`). */
const UNDO_LAST_CHANGE_TOOL = {
  title: 'Undo last change',
  description:
    'Reverse the most recent change to the task list that is not undone yet — in a chat, the newest change made ' +
    'in this conversation; for an app, the newest change this app made. All tasks changed by that one request ' +
    'are reversed together: an added task is deleted, a completed one reopened (and the next occurrence a ' +
    'repeating task got is removed), an edit set back, a deleted task restored with its number, fields and ' +
    'history. Call it again to walk back further. Use it only when the user asks to undo or revert; then tell ' +
    'them what was reversed.',
  inputSchema: z.strictObject({}),
  outputSchema: {
    status: z.enum(['undone', 'nothing_to_undo']),
    message: z.string().describe('What was reversed, in words'),
    changes: z.array(undoneChange).describe('The reversed changes, newest first'),
  },
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: false,
  },
};

/**
 * Undo, for every client of the tools: in a chat turn it reverses the newest change of that conversation (the
 * in-process connection carries it); over `/mcp` the newest change this MCP client made. Never a change of another
 * conversation, another app or another user; calling it again walks back further.
 */
export function registerUndoLastChangeTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool('undo_last_change', UNDO_LAST_CHANGE_TOOL, async (_args, extra) => {
    const userId = userIdOf(extra);
    const scope = undoScopeOf(extra);
    return toolCall(deps, userId, async () => {
      const result = await deps.tasks.undoLast(userId, scope);
      const out = result
        ? { status: 'undone', message: undoSummary(result), changes: result.changes.map(toOutput) }
        : {
            status: 'nothing_to_undo',
            message:
              'There is nothing to undo: no change made here is left to reverse (undo reaches back 200 changes).',
            changes: [],
          };
      return jsonResult(out, out);
    });
  });
}
