import type { WorkflowTask } from '../conversations/thread-item';
import type { Messages, UndoneItem } from '../i18n/catalog';
import { messagesFor } from '../i18n/messages';

/**
 * Workflow tasks that show tool work while it happens ("Adding “Buy milk”…") and what it did
 * ("Added “Buy milk” as task 1"), in the client's language (`msg`). Tool names may carry a server prefix
 * (`todo_add_task`).
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

function canonical(name: string): ToolName | undefined {
  return TOOLS.find((t) => name === t || name.endsWith(`_${t}`) || name.endsWith(`.${t}`));
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function taskId(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
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

export function toolStartedTask(
  name: string,
  args: Record<string, unknown>,
  msg: Messages = messagesFor('en'),
): WorkflowTask {
  const loading = (title: string, icon: string): WorkflowTask => ({
    type: 'custom',
    title,
    icon,
    status_indicator: 'loading',
  });
  const id = taskId(args.task_id);
  switch (canonical(name)) {
    case 'add_task':
      return loading(msg.adding(text(args.title)), 'plus');
    case 'list_tasks':
      return loading(
        msg.lookingUp(args.status === 'pending' ? 'open' : args.status === 'completed' ? 'completed' : 'all'),
        'search',
      );
    case 'complete_task':
      return args.completed === false
        ? loading(msg.reopening(id), 'reload')
        : loading(msg.markingDone(id), 'check-circle');
    case 'update_task':
      return typeof args.due === 'string' && args.due.toLowerCase() !== 'none'
        ? loading(msg.rescheduling(id), 'calendar')
        : loading(msg.updating(id), 'write');
    case 'delete_task':
      return loading(msg.deleting(id), 'empty-circle');
    case 'undo_last_change':
      return loading(msg.undoing, 'reload');
    default:
      return loading(msg.running(name), 'bolt');
  }
}

/** The changes an `undo_last_change` result lists (its `changes`), as words need them. */
function undoneItems(out: Record<string, unknown>): UndoneItem[] {
  const changes = Array.isArray(out.changes) ? (out.changes as unknown[]) : [];
  return changes.flatMap((c): UndoneItem[] => {
    if (typeof c !== 'object' || c === null) return [];
    const v = c as Record<string, unknown>;
    const action = v.undid;
    if (typeof v.task_id !== 'number' || typeof v.title !== 'string') return [];
    if (
      action !== 'created' &&
      action !== 'deleted' &&
      action !== 'completed' &&
      action !== 'reopened' &&
      action !== 'updated'
    )
      return [];
    const next =
      typeof v.next_removed === 'object' && v.next_removed !== null
        ? (v.next_removed as Record<string, unknown>)
        : {};
    return [
      {
        action,
        taskId: v.task_id,
        title: v.title,
        restored: v.status !== 'not_restored',
        fields: Array.isArray(v.fields) ? v.fields.filter((f): f is string => typeof f === 'string') : [],
        ...(typeof next.task_id === 'number' ? { nextRemoved: next.task_id } : {}),
      },
    ];
  });
}

export function toolFinishedTask(
  name: string,
  args: Record<string, unknown>,
  result: { output: string; isError: boolean; data?: unknown },
  msg: Messages = messagesFor('en'),
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
        ? msg.couldNotAdd(text(args.title))
        : tool === 'list_tasks'
          ? msg.couldNotList
          : tool === 'undo_last_change'
            ? msg.couldNotUndo
            : tool
              ? msg.couldNotChange(taskId(args.task_id))
              : msg.couldNotRun(name);
    return done(what, 'info', result.output.slice(0, 500));
  }
  const out = parseObject(result.output);
  const title = text(out.title) ?? text(args.title);
  const id = taskId(out.task_id);
  switch (tool) {
    case 'add_task':
      return done(msg.added(title, id, text(out.due)), 'check-circle');
    case 'list_tasks': {
      const n = listedTasks(result.data, result.output)?.length ?? 0;
      const total = listedTotal(result.data, result.output);
      return done(
        total !== undefined && total > n ? msg.foundNewest(total, n) : msg.found(n),
        'check-circle',
      );
    }
    case 'complete_task': {
      if (out.status === 'pending') return done(msg.reopened(title), 'reload');
      const next =
        typeof out.next === 'object' && out.next !== null ? (out.next as Record<string, unknown>) : null;
      return done(msg.completed(title, next ? text(next.due) : undefined), 'check-circle');
    }
    case 'update_task': {
      const due = text(out.due);
      return due && typeof args.due === 'string'
        ? done(msg.moved(title, id, due), 'calendar')
        : done(msg.updated(title, id), 'write');
    }
    case 'delete_task':
      return done(msg.deleted(title), 'check-circle');
    case 'undo_last_change': {
      const undone = out.status === 'undone' ? undoneItems(out) : [];
      return undone.length ? done(msg.undone(undone), 'reload') : done(msg.nothingToUndo, 'info');
    }
    default:
      return done(msg.ran(name), 'check');
  }
}
