import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { PRIORITIES } from '../../tasks/task-fields';
import { jsonResult, taskContextOf, toolCall, ToolDeps, userIdOf, zoneFor } from '../tool-context';
import { taskDetails } from '../../tasks/task-details';
import { dueField, tagsField, taskSummary } from './task-schemas';

/**
 * At most this many tasks per answer, the newest. Unbounded, 10,000 tasks were ~1.2 MB of JSON per call
 * (78 ms, far beyond any model's context, and a 10,000-row widget in ChatKit); 100 are ~12 kB.
 */
export const LIST_TASKS_MAX = 100;

/** The tool's definition, built once and shared by every server (see `McpServerFactory`). */
const LIST_TASKS_TOOL = {
  title: 'List tasks',
  description:
    "List the user's tasks with their numbers, priorities, tags and due dates (in the user's time zone; " +
    '`overdue` marks open tasks past due). Use to show tasks, to answer "what\'s due this week?" (due="week"), ' +
    '"what\'s overdue?" (due="overdue"), "show my work tasks" (tags=["work"]), "what should I do first?" ' +
    '(status="pending", sort="priority", then overdue first), "what\'s due on Friday?" (due_on="Friday"), "what did I ' +
    'finish this week?" (completed_within="week"), and before acting on a task the user names by ' +
    `words instead of a number ("delete the meeting task"). Lists at most ${LIST_TASKS_MAX} (the newest, or the ` +
    'first in the sort); when more match, the answer is {tasks, total, note} instead of a bare list.',
  inputSchema: z.strictObject({
    status: z
      .enum(['all', 'pending', 'completed'])
      .default('all')
      .describe('"pending" for open tasks, "completed" for done ones, "all" (default) for both'),
    priority: z
      .enum([...PRIORITIES, 'none'])
      .optional()
      .describe('Only tasks of this priority ("none": without one)'),
    tags: tagsField.optional().describe('Only tasks that have all of these tags'),
    due: z
      .enum(['overdue', 'today', 'week', 'none'])
      .optional()
      .describe(
        'overdue: open tasks past due; today: due today; week: due today or in the next 6 days; none: no due date',
      ),
    due_before: dueField
      .optional()
      .describe('Only tasks due before this date or time (ISO 8601 or the user\'s words, e.g. "Friday")'),
    due_after: dueField
      .optional()
      .describe("Only tasks due at or after this date or time (ISO 8601 or the user's words)"),
    due_on: dueField
      .optional()
      .describe('Only tasks due on this day (ISO 8601 or the user\'s words, e.g. "Friday", "tomorrow")'),
    completed_within: z
      .enum(['today', 'week'])
      .optional()
      .describe("Only tasks completed today, or in the last 7 days (week), in the user's time zone"),
    sort: z
      .enum(['number', 'due', 'priority'])
      .default('number')
      .describe(
        'number (default): by task number; due: soonest first; priority: high to low, then by due date',
      ),
  }),
  outputSchema: {
    tasks: z.array(taskSummary).describe('The tasks, in the order asked for'),
    total: z.number().int().optional().describe('How many tasks match in all (only when the list is cut)'),
    note: z.string().optional().describe('What was left out (only when the list is cut)'),
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
};

export function registerListTasksTool(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'list_tasks',
    LIST_TASKS_TOOL,
    async ({ status, sort, completed_within, ...filter }, extra) => {
      const userId = userIdOf(extra);
      const ctx = taskContextOf(extra);
      return toolCall(deps, userId, async () => {
        const query = {
          status,
          ...filter,
          ...(completed_within ? { completedWithin: completed_within } : {}),
          ...(sort === 'number' ? {} : { sort }),
        };
        const { tasks: rows, total } = await deps.tasks.newest(userId, query, LIST_TASKS_MAX, ctx);
        const zone = await zoneFor(deps, userId, ctx, rows);
        const now = deps.tasks.now();
        const tasks = rows.map((t) => ({
          id: t.number,
          title: t.title,
          description: t.description,
          completed: t.completed,
          created_at: t.createdAt.toISOString(),
          ...(t.completedAt ? { completed_at: t.completedAt.toISOString() } : {}),
          ...taskDetails(t, zone, now),
        }));
        // The seed contract's bare array whenever everything fits; the note tells a model what it does not see.
        if (total <= tasks.length) return jsonResult(tasks, { tasks });
        const which = status === 'all' ? '' : `${status} `;
        const shown =
          sort === 'number'
            ? `the newest ${tasks.length} of ${total} ${which}tasks (numbers ${tasks[0].id} to ${tasks[tasks.length - 1].id}); older ones are not listed`
            : `the first ${tasks.length} of ${total} matching ${which}tasks by ${sort}; the others are not listed`;
        const note = `Showing ${shown}. To act on an older task, ask the user for its number.`;
        const cut = { tasks, total, note };
        return jsonResult(cut, cut);
      });
    },
  );
}
