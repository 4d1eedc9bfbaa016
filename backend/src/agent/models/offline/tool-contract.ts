/**
 * The MCP tools as the offline model sees them (the five of the seed, and undo): their names, the argument shapes it emits, and a
 * tolerant reader for what comes back. Tool outputs reach the model in several forms (see `readToolOutputText`),
 * and failures are plain sentences, so everything that is not the contract's JSON is treated as a message to relay.
 */
import type { FunctionCallResultItem, SerializedTool } from '@openai/agents';

export const TOOL_NAMES = [
  'add_task',
  'list_tasks',
  'complete_task',
  'update_task',
  'delete_task',
  'undo_last_change',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export type StatusFilter = 'all' | 'pending' | 'completed';

export type PriorityLevel = 'high' | 'medium' | 'low';

export interface AddTaskArgs {
  title: string;
  description?: string;
  priority?: PriorityLevel;
  tags?: string[];
  /** The person's words ("Friday 3pm"): the tool resolves them in their time zone. */
  due?: string;
  recurrence?: string;
  /** "30 minutes before", the person's words for an instant, or "none". */
  remind_at?: string;
}
export interface ListTasksArgs {
  status: StatusFilter;
  priority?: PriorityLevel | 'none';
  tags?: string[];
  due?: 'overdue' | 'today' | 'week' | 'none';
  /** The person's words for one day ("Friday", "tomorrow"): tasks due that day. */
  due_on?: string;
  /** Tasks completed today, or in the last 7 days. */
  completed_within?: 'today' | 'week';
  sort?: 'due' | 'priority';
}
export interface CompleteTaskArgs {
  task_id: number;
  completed?: boolean;
}
export interface UpdateTaskArgs {
  task_id: number;
  title?: string;
  description?: string;
  priority?: PriorityLevel | 'none';
  add_tags?: string[];
  remove_tags?: string[];
  /** Words or 'none'. */
  due?: string;
  recurrence?: string;
  /** "30 minutes before", the person's words for an instant, "default" or "none". */
  remind_at?: string;
}

/** What a tool says about a task's fields beyond its title and state (only those that are set). */
export interface TaskDetails {
  priority?: PriorityLevel;
  tags?: string[];
  /** In the person's time zone, as the tool words it: "Fri 12 Dec, 15:00" or "Fri 12 Dec". */
  due?: string;
  overdue?: boolean;
  /** "every month on the 1st". */
  repeats?: string;
  /** A reminder other than the default (at the due time): when, as the tool words it ("Fri 11 Dec, 08:30"), or "off". */
  reminder?: string;
}
export interface DeleteTaskArgs {
  task_id: number;
}

/** A tool call the planner wants, with arguments typed per tool. */
export type PlannedCall =
  | { name: 'add_task'; args: AddTaskArgs }
  | { name: 'list_tasks'; args: ListTasksArgs }
  | { name: 'complete_task'; args: CompleteTaskArgs }
  | { name: 'update_task'; args: UpdateTaskArgs }
  | { name: 'delete_task'; args: DeleteTaskArgs }
  | { name: 'undo_last_change'; args: Record<string, never> };

/** One task as `list_tasks` returns it; `id` is the user's task number. */
export interface TaskView {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  details?: TaskDetails;
}

/** The identity of a task as the conversation knows it (from any tool result). */
export interface TaskRef {
  id: number;
  title: string;
  completed?: boolean;
}

/** A task a tool created or changed. */
export interface ChangedTask {
  taskId: number;
  title: string;
  details?: TaskDetails;
}

/** One change `undo_last_change` reversed: what it had done, and the task now. */
export interface UndoneView {
  taskId: number;
  title: string;
  undid: 'created' | 'deleted' | 'completed' | 'reopened' | 'updated';
  /** deleted, restored, pending, completed, or not_restored (deleted meanwhile). */
  status: string;
  fields?: string[];
  nextRemoved?: { taskId: number; title: string };
}

export type ToolResult =
  | ({ kind: 'task'; status: string; next?: ChangedTask } & ChangedTask)
  /** What undo_last_change reversed, newest first (none: there was nothing to undo). */
  | { kind: 'undo'; changes: UndoneView[] }
  /** `total`: how many there are in all, when list_tasks cut the list to its newest tasks. */
  | { kind: 'list'; tasks: TaskView[]; total?: number }
  | { kind: 'error'; message: string };

/** The output field of a `function_call_result` item, whichever of its forms it takes. */
export type ToolOutput = FunctionCallResultItem['output'];

/**
 * Text of a tool output. The SDK hands MCP results over as `[{type:'input_text', text}]` (one content item,
 * normalised by the runner), string-returning tools and the SDK's error function as `{type:'text', text}`,
 * and stored histories may carry a bare string.
 */
export function readToolOutputText(output: ToolOutput | undefined): string {
  return readOutput(output);
}

/** Structural reader: stored histories need not match the SDK's types exactly. */
export function readOutput(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) return output.map((part) => readOutput(part)).join('');
  if (isRecord(output)) {
    if (typeof output.text === 'string') return output.text;
    if (Array.isArray(output.content)) return readOutput(output.content);
  }
  return '';
}

const SDK_ERROR_PREFIX =
  /^An error occurred while running the tool\. Please try again\. Error:\s*(?:Error:\s*)?/i;

/** Classifies a tool's text output: the contract's JSON, or a failure sentence to relay. */
export function parseToolResult(name: ToolName, text: string): ToolResult {
  const trimmed = text.trim();
  const value = tryParseJson(trimmed);
  if (name === 'undo_last_change') {
    if (isRecord(value) && (value.status === 'undone' || value.status === 'nothing_to_undo')) {
      const rows = Array.isArray(value.changes) ? value.changes : [];
      return { kind: 'undo', changes: rows.map(toUndoneView).filter((c): c is UndoneView => c !== null) };
    }
  } else if (name === 'list_tasks') {
    const rows = Array.isArray(value)
      ? value
      : isRecord(value) && Array.isArray(value.tasks)
        ? value.tasks
        : null;
    if (rows) {
      const tasks = rows.map(toTaskView).filter((t): t is TaskView => t !== null);
      const total = isRecord(value) ? toInt(value.total) : null;
      return total !== null && total > tasks.length
        ? { kind: 'list', tasks, total }
        : { kind: 'list', tasks };
    }
  } else if (isRecord(value)) {
    const taskId = toInt(value.task_id ?? value.id);
    if (taskId !== null && typeof value.error !== 'string') {
      const next = isRecord(value.next) ? toInt(value.next.task_id) : null;
      return {
        kind: 'task',
        taskId,
        status: typeof value.status === 'string' ? value.status : '',
        title: typeof value.title === 'string' ? value.title : '',
        ...withDetails(value),
        ...(next !== null && isRecord(value.next)
          ? {
              next: {
                taskId: next,
                title: typeof value.next.title === 'string' ? value.next.title : '',
                ...withDetails(value.next),
              },
            }
          : {}),
      };
    }
  }
  if (isRecord(value)) {
    const message = value.error ?? value.message;
    if (typeof message === 'string') return { kind: 'error', message };
    if (isRecord(message) && typeof message.message === 'string')
      return { kind: 'error', message: message.message };
  }
  const message = trimmed.replace(SDK_ERROR_PREFIX, '').trim();
  return { kind: 'error', message: message || 'The tool did not return a result.' };
}

/**
 * Finds the request's tool for a contract name. Exact names first; a suffix match covers servers whose
 * tools are prefixed with the server name (`includeServerInToolNames`).
 */
export function resolveToolName(tools: readonly SerializedTool[], name: ToolName): string | undefined {
  const names = tools.map((t) => t.name);
  if (names.includes(name)) return name;
  return names.find((n) => n.endsWith(`_${name}`) || n.endsWith(`.${name}`));
}

/** The contract name of a tool as it appears in a call item (inverse of `resolveToolName`). */
export function canonicalToolName(name: string): ToolName | undefined {
  return TOOL_NAMES.find((t) => name === t || name.endsWith(`_${t}`) || name.endsWith(`.${t}`));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tryParseJson(text: string): unknown {
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toInt(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

/** `{ details }` when the tool said anything about priority, tags, due date or repeat. */
function withDetails(row: Record<string, unknown>): { details?: TaskDetails } {
  const details: TaskDetails = {};
  if (row.priority === 'high' || row.priority === 'medium' || row.priority === 'low')
    details.priority = row.priority;
  if (Array.isArray(row.tags)) {
    const tags = row.tags.filter((t): t is string => typeof t === 'string');
    if (tags.length) details.tags = tags;
  }
  if (typeof row.due === 'string' && row.due) details.due = row.due;
  if (row.overdue === true) details.overdue = true;
  if (typeof row.repeats === 'string' && row.repeats) details.repeats = row.repeats;
  if (typeof row.reminder === 'string' && row.reminder) details.reminder = row.reminder;
  return Object.keys(details).length ? { details } : {};
}

const UNDID = ['created', 'deleted', 'completed', 'reopened', 'updated'] as const;

function toUndoneView(row: unknown): UndoneView | null {
  if (!isRecord(row)) return null;
  const taskId = toInt(row.task_id);
  const undid = UNDID.find((u) => u === row.undid);
  if (taskId === null || !undid) return null;
  const next = isRecord(row.next_removed) ? toInt(row.next_removed.task_id) : null;
  return {
    taskId,
    title: typeof row.title === 'string' ? row.title : '',
    undid,
    status: typeof row.status === 'string' ? row.status : '',
    ...(Array.isArray(row.fields)
      ? { fields: row.fields.filter((f): f is string => typeof f === 'string') }
      : {}),
    ...(next !== null && isRecord(row.next_removed)
      ? {
          nextRemoved: {
            taskId: next,
            title: typeof row.next_removed.title === 'string' ? row.next_removed.title : '',
          },
        }
      : {}),
  };
}

function toTaskView(row: unknown): TaskView | null {
  if (!isRecord(row)) return null;
  const id = toInt(row.id ?? row.task_id ?? row.number);
  if (id === null) return null;
  const completed =
    typeof row.completed === 'boolean'
      ? row.completed
      : typeof row.done === 'boolean'
        ? row.done
        : row.status === 'completed';
  return {
    id,
    title: typeof row.title === 'string' ? row.title : '',
    description: typeof row.description === 'string' && row.description.length > 0 ? row.description : null,
    completed,
    ...withDetails(row),
  };
}
