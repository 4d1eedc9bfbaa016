import { msg, str } from '@lit/localize';
import type { Task, TaskChange } from '../events.js';

/**
 * The backend's task events as `GET /api/events` streams them (`event: task.created`…, `data:` one JSON line):
 * what changed, or which task is due, with the task as the REST API shows it.
 */
export type TaskEventType = 'task.created' | 'task.updated' | 'task.completed' | 'task.deleted' | 'task.due';

export interface TaskEvent {
  /** Grows with time; what a reconnecting stream resumes after. */
  id: string;
  type: TaskEventType;
  /** ISO 8601. */
  time: string;
  /** The task as REST shows it (as it was, for a deletion). */
  task: Task;
  /** A `task.due` fired after its time (the backend was down then). */
  late?: boolean;
}

const TYPES = new Set<string>(['task.created', 'task.updated', 'task.completed', 'task.deleted', 'task.due']);

/** An event's JSON, checked enough to be used: a type we know and a task with a number and a title. */
export function parseTaskEvent(data: string): TaskEvent | undefined {
  try {
    const e = JSON.parse(data) as Partial<TaskEvent>;
    const t = e.task as Partial<Task> | undefined;
    if (typeof e.id !== 'string' || typeof e.type !== 'string' || !TYPES.has(e.type)) return undefined;
    if (!t || typeof t.id !== 'number' || typeof t.title !== 'string') return undefined;
    return e as TaskEvent;
  } catch {
    return undefined;
  }
}

const ACTIONS = {
  'task.created': 'created',
  'task.updated': 'updated',
  'task.completed': 'completed',
  'task.deleted': 'deleted',
} as const;

/** The event type the backend records a change as (a reopened task is `task.updated`). */
const TYPE_OF: Record<TaskChange['action'], TaskEventType> = {
  created: 'task.created',
  updated: 'task.updated',
  reopened: 'task.updated',
  completed: 'task.completed',
  deleted: 'task.deleted',
};

const FIELDS = ['priority', 'due_at', 'due_date', 'due_time', 'time_zone', 'recurrence'] as const;

/**
 * A change event as `todo-assistant-tasks-changed` reports changes (the shape of the backend's `tasks.changed`
 * effect): the fields the task has and none it lacks. A reopened task arrives as `updated`.
 */
export function toTaskChange(e: TaskEvent): TaskChange {
  const t = e.task;
  const change: TaskChange = {
    action: e.type === 'task.due' ? 'updated' : ACTIONS[e.type],
    task_id: t.id,
    title: t.title,
    completed: t.completed === true,
    tags: Array.isArray(t.tags) ? t.tags : [],
  };
  for (const field of FIELDS) {
    const value = t[field];
    if (value !== null && value !== undefined) Object.assign(change, { [field]: value });
  }
  return change;
}

/**
 * What a change and its event have in common, to tell an event that echoes a change this page made from one made
 * elsewhere: the kind of change and the task's number, title and state after it.
 */
export function echoKey(
  type: TaskEventType,
  id: number,
  title: string,
  completed: boolean | undefined,
): string {
  return JSON.stringify([type, id, title, completed === true]);
}

export const eventKey = (e: TaskEvent): string => echoKey(e.type, e.task.id, e.task.title, e.task.completed);
export const changeKey = (c: TaskChange): string =>
  echoKey(TYPE_OF[c.action], c.task_id, c.title, c.completed);

const MINUTE = 60_000;

/** "2026-12-12" of an instant in a zone. */
function dayIn(at: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * A calendar date ("2026-12-12") in a language, with the year when it is not this one: "Fri 12 Dec" in English
 * (as the server words it), "ven. 12 déc." in French.
 */
export function dayWords(date: string, now: Date, locale = 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d, 12));
  const thisYear = y === now.getFullYear();
  if (!/^en\b/i.test(locale)) {
    return new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(thisYear ? {} : { year: 'numeric' }),
    }).format(at);
  }
  const words = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).formatToParts(at);
  const part = (type: string) => words.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}${thisYear ? '' : ` ${y}`}`;
}

/**
 * A reminder without its "Reminder:" (a system notification's body), in the words of the user's due date and
 * time (the zone the task was given in): "“Call mom” is due now", "… is due at 09:00", "… was due at 09:00"
 * (late), "… is due today" for a due date without a time, and the day as well when it is not today ("… was due
 * Fri 12 Dec at 09:00"). In the widget's language (`locale` words the day).
 */
export function reminderBody(task: Task, now = new Date(), locale = 'en'): string {
  const title = task.title;
  if (!task.due_at || !task.due_date) return msg(str`“${title}”`);
  const due = new Date(task.due_at);
  const zone = task.time_zone ?? undefined;
  const today = task.due_date === dayIn(now, zone);
  const late = due.getTime() < now.getTime();
  if (!task.due_time) {
    if (today) return msg(str`“${title}” is due today`);
    const day = dayWords(task.due_date, now, locale);
    return late ? msg(str`“${title}” was due ${day}`) : msg(str`“${title}” is due ${day}`);
  }
  const time = task.due_time;
  if (Math.abs(due.getTime() - now.getTime()) < MINUTE) return msg(str`“${title}” is due now`);
  if (today) return late ? msg(str`“${title}” was due at ${time}`) : msg(str`“${title}” is due at ${time}`);
  const day = dayWords(task.due_date, now, locale);
  return late
    ? msg(str`“${title}” was due ${day} at ${time}`)
    : msg(str`“${title}” is due ${day} at ${time}`);
}

/** A reminder's body as the panel and the page are told it: "Reminder: “Call mom” is due now". */
export const asReminder = (body: string): string => msg(str`Reminder: ${body}`);

export function reminderMessage(task: Task, now = new Date(), locale = 'en'): string {
  return asReminder(reminderBody(task, now, locale));
}
