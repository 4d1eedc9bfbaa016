import type { WorkflowTask } from '../conversations/thread-item';

/**
 * Workflow tasks that show tool work while it happens ("Adding “Buy milk”…") and what it did
 * ("Added “Buy milk” as task 1"). Tool names may carry a server prefix (`todo_add_task`).
 */

const TOOLS = [
  'add_task',
  'list_tasks',
  'complete_task',
  'update_task',
  'delete_task',
  'undo_last_change',
] as const;
type ToolName = (typeof TOOLS)[number];
const QUOTE_MAX = 60;

function canonical(name: string): ToolName | undefined {
  return TOOLS.find((t) => name === t || name.endsWith(`_${t}`) || name.endsWith(`.${t}`));
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function quoted(title: string | undefined): string {
  if (!title) return 'the task';
  const chars = Array.from(title);
  return `“${chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join('')}…` : title}”`;
}

function taskRef(args: Record<string, unknown>): string {
  return typeof args.task_id === 'number' ? `task ${args.task_id}` : 'the task';
}

function parseObject(output: string): Record<string, unknown> {
  try {
    const v = JSON.parse(output) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Rows of a `list_tasks` result, from its structured data (`{tasks}` or an array) or its JSON text. */
export function listedTasks(data: unknown, output: string): unknown[] | undefined {
  const rows = (v: unknown): unknown[] | undefined => {
    if (Array.isArray(v)) return v as unknown[];
    const tasks = typeof v === 'object' && v !== null ? (v as { tasks?: unknown }).tasks : undefined;
    return Array.isArray(tasks) ? (tasks as unknown[]) : undefined;
  };
  const fromData = rows(data);
  if (fromData) return fromData;
  try {
    return rows(JSON.parse(output));
  } catch {
    return undefined; // not JSON
  }
}

/** How many tasks exist in all when `list_tasks` cut its list to the newest (`{tasks, total, note}`). */
function listedTotal(data: unknown, output: string): number | undefined {
  const total = (v: unknown) =>
    typeof v === 'object' && v !== null && typeof (v as { total?: unknown }).total === 'number'
      ? (v as { total: number }).total
      : undefined;
  return total(data) ?? total(parseObject(output));
}

export function toolStartedTask(name: string, args: Record<string, unknown>): WorkflowTask {
  const loading = (title: string, icon: string): WorkflowTask => ({
    type: 'custom',
    title,
    icon,
    status_indicator: 'loading',
  });
  switch (canonical(name)) {
    case 'add_task':
      return loading(`Adding ${quoted(text(args.title))}…`, 'plus');
    case 'list_tasks': {
      const which = args.status === 'pending' ? 'open ' : args.status === 'completed' ? 'completed ' : '';
      return loading(`Looking up your ${which}tasks…`, 'search');
    }
    case 'complete_task':
      return args.completed === false
        ? loading(`Reopening ${taskRef(args)}…`, 'reload')
        : loading(`Marking ${taskRef(args)} as done…`, 'check-circle');
    case 'update_task':
      return typeof args.due === 'string' && args.due.toLowerCase() !== 'none'
        ? loading(`Rescheduling ${taskRef(args)}…`, 'calendar')
        : loading(`Updating ${taskRef(args)}…`, 'write');
    case 'delete_task':
      return loading(`Deleting ${taskRef(args)}…`, 'empty-circle');
    case 'undo_last_change':
      return loading('Undoing your last change…', 'reload');
    default:
      return loading(`Running ${name}…`, 'bolt');
  }
}

export function toolFinishedTask(
  name: string,
  args: Record<string, unknown>,
  result: { output: string; isError: boolean; data?: unknown },
): WorkflowTask {
  const done = (title: string, icon: string, content?: string): WorkflowTask => ({
    type: 'custom',
    title,
    icon,
    ...(content ? { content } : {}),
    status_indicator: 'complete',
  });
  const tool = canonical(name);
  if (result.isError) {
    const what =
      tool === 'add_task'
        ? `add ${quoted(text(args.title))}`
        : tool === 'list_tasks'
          ? 'list your tasks'
          : tool === 'undo_last_change'
            ? 'undo your last change'
            : tool
              ? `change ${taskRef(args)}`
              : `run ${name}`;
    return done(`Could not ${what}`, 'info', result.output.slice(0, 500));
  }
  const out = parseObject(result.output);
  const title = quoted(text(out.title) ?? text(args.title));
  const id = typeof out.task_id === 'number' ? out.task_id : undefined;
  switch (tool) {
    case 'add_task': {
      const due = text(out.due) ? `, due ${text(out.due)}` : '';
      return done(id ? `Added ${title} as task ${id}${due}` : `Added ${title}${due}`, 'check-circle');
    }
    case 'list_tasks': {
      const n = listedTasks(result.data, result.output)?.length ?? 0;
      const total = listedTotal(result.data, result.output);
      if (total !== undefined && total > n)
        return done(`Found ${total} tasks, showing the newest ${n}`, 'check-circle');
      return done(n === 0 ? 'No tasks found' : `Found ${n} task${n === 1 ? '' : 's'}`, 'check-circle');
    }
    case 'complete_task': {
      if (out.status === 'pending') return done(`Reopened ${title}`, 'reload');
      const next =
        typeof out.next === 'object' && out.next !== null ? (out.next as Record<string, unknown>) : null;
      const again = next && text(next.due) ? ` — next one due ${text(next.due)}` : '';
      return done(`Completed ${title}${again}`, 'check-circle');
    }
    case 'update_task':
      return text(out.due) && typeof args.due === 'string'
        ? done(`Moved ${id ? `task ${id}: ` : ''}${title} to ${text(out.due)}`, 'calendar')
        : done(`Updated ${id ? `task ${id}: ` : ''}${title}`, 'write');
    case 'delete_task':
      return done(`Deleted ${title}`, 'check-circle');
    case 'undo_last_change':
      return out.status === 'undone' && typeof out.message === 'string'
        ? done(out.message, 'reload')
        : done('Nothing to undo', 'info');
    default:
      return done(`Ran ${name}`, 'check');
  }
}
