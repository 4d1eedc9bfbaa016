/**
 * Every DOM event `<todo-assistant>` dispatches, with its detail type. All bubble and are composed, so a host page
 * can listen on the element, on `document` or on `window`.
 */

/** One change to the user's tasks, as the backend reports it in its `tasks.changed` client effect. */
export interface TaskChange {
  action: 'created' | 'updated' | 'completed' | 'reopened' | 'deleted';
  /** The user's task number ("task 3"). */
  task_id: number;
  title: string;
  /** The task's state and fields after the change (before it, for a deletion); fields it lacks are absent. */
  completed?: boolean;
  priority?: 'high' | 'medium' | 'low';
  /** Lower-case labels. */
  tags?: string[];
  /** When it is due (ISO 8601, UTC); for a date without a time, the end of that day in `time_zone`. */
  due_at?: string;
  /** The due date ("2026-12-12") and time ("15:00", absent for a date alone) in `time_zone`. */
  due_date?: string;
  due_time?: string;
  /** The IANA zone the due date was given in (the user's). */
  time_zone?: string;
  /** How it repeats: `{ frequency: 'daily' | 'weekly' | 'monthly', interval, weekdays?, month_day? }`. */
  recurrence?: {
    frequency: 'daily' | 'weekly' | 'monthly';
    interval: number;
    weekdays?: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
    month_day?: number;
  };
}

export interface ReadyDetail {
  /** The renderer that is showing the conversation. */
  renderer: 'chatkit' | 'builtin';
}

/**
 * Where changes came from: `assistant` — this page's assistant (a chat turn or a button in its panel);
 * `remote` — anywhere else (the REST API, an MCP client, another tab or device), heard on the live stream.
 */
export type ChangeSource = 'assistant' | 'remote';

export interface TasksChangedDetail {
  changes: TaskChange[];
  source: ChangeSource;
}

/** A task as the REST API shows it (`GET /api/tasks`): every field, `null` where it has none. */
export interface Task {
  /** The user's task number ("task 3"). */
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  priority: 'high' | 'medium' | 'low' | null;
  tags: string[];
  due_at: string | null;
  due_date: string | null;
  due_time: string | null;
  time_zone: string | null;
  recurrence: NonNullable<TaskChange['recurrence']> | null;
  /** When it is reminded (ISO 8601, UTC); null: never. */
  remind_at?: string | null;
}

export interface ReminderDetail {
  /** The task that is due, as the REST API shows it. */
  task: Task;
  /** The reminder fired after its time (the backend was down then). */
  late: boolean;
  /** What the panel says: "Reminder: “Call mom” is due now". */
  message: string;
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
}

export interface AuthChangeDetail {
  signedIn: boolean;
  /** Who is using the assistant (from the access token's claims; a guest's name is "Guest" and email empty). */
  user?: AuthUser;
  /**
   * How: `host` (your `getToken`), `account` (the widget's own sign-in) or `guest` (a visitor without an account,
   * on a site that allows guests: known once they have written).
   */
  kind?: 'host' | 'account' | 'guest';
}

export type ErrorCode =
  | 'network'
  | 'origin_not_allowed'
  | 'unauthorized'
  | 'rate_limited'
  | 'server'
  | 'stream'
  | 'chatkit_load_failed'
  | 'chatkit';

export interface ErrorDetail {
  code: ErrorCode;
  message: string;
}

export interface ThreadChangeDetail {
  threadId: string | null;
}

export interface TodoAssistantEventMap {
  'todo-assistant-ready': CustomEvent<ReadyDetail>;
  'todo-assistant-open': CustomEvent<void>;
  'todo-assistant-close': CustomEvent<void>;
  'todo-assistant-tasks-changed': CustomEvent<TasksChangedDetail>;
  'todo-assistant-reminder': CustomEvent<ReminderDetail>;
  'todo-assistant-auth-change': CustomEvent<AuthChangeDetail>;
  'todo-assistant-error': CustomEvent<ErrorDetail>;
  'todo-assistant-thread-change': CustomEvent<ThreadChangeDetail>;
  'todo-assistant-response-start': CustomEvent<void>;
  'todo-assistant-response-end': CustomEvent<void>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends TodoAssistantEventMap {}
}

type DetailOf<K extends keyof TodoAssistantEventMap> =
  TodoAssistantEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a typed, bubbling, composed event from `target`. */
export function emit<K extends keyof TodoAssistantEventMap>(
  target: EventTarget,
  name: K,
  ...detail: DetailOf<K> extends void ? [] : [DetailOf<K>]
): void {
  target.dispatchEvent(new CustomEvent(name, { detail: detail[0], bubbles: true, composed: true }));
}
