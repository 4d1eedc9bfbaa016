/**
 * The change log behind undo (table `task_changes`, see its migration): the SQL that records a change in the same
 * statement or transaction as the change itself, and the pure parts of undoing one. The tasks service is the only
 * writer and reader.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../common/domain-error';
import type { UndoneItem } from '../i18n/catalog';
import { messagesFor } from '../i18n/messages';
import type { TaskChangedEvent } from '../common/task-events';
import type { Task } from './task.entity';

/** Changes kept per user: enough to walk back far (at least the last 10 of a conversation), bounded in size. */
export const KEEP_CHANGES = 200;

/** Which changes an undo may reverse: those of one conversation, or those one MCP client made over `/mcp`. */
export type UndoScope = { threadId: string } | { clientId: string };

export type ChangeAction = TaskChangedEvent['action'];

/** A row of `task_changes`. */
export interface ChangeLogEntry {
  seq: string;
  batch: string;
  action: ChangeAction;
  task_number: number;
  next_number: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What undoing a change announces: the opposite of what the change did. */
export const UNDONE_AS: Readonly<Record<ChangeAction, ChangeAction>> = {
  created: 'deleted',
  deleted: 'created',
  completed: 'reopened',
  reopened: 'completed',
  updated: 'updated',
};

/** One change an undo reversed. */
export interface UndoneChange {
  /** What the change had done (the undo did the opposite). */
  action: ChangeAction;
  taskId: number;
  title: string;
  /**
   * The task as it is after the undo; as it was, when the undo removed it (an addition undone). Absent when the
   * task could not be put back: something outside this scope deleted it meanwhile.
   */
  task?: Task;
  /** For an edit undone: the columns set back (`title`, `due_at`…). */
  fields: string[];
  /** The next occurrence a completed repeating task had created, which the undo removed. */
  removedNext?: Task;
}

export interface UndoResult {
  batch: string;
  /** Newest change first, the order they were reversed in. */
  changes: UndoneChange[];
}

/** An undo that cannot apply: already undone, or a later change of the same scope touched the same tasks. */
export class UndoConflictError extends DomainError {
  /** `laterTasks`: the tasks a later change touched (none: the change was undone already). */
  constructor(readonly laterTasks: readonly number[] = []) {
    const en = messagesFor('en');
    super('conflict', laterTasks.length ? en.undoLaterChange(laterTasks) : en.undoAlreadyDone);
  }
}

/** Removes the user's oldest changes beyond KEEP_CHANGES ($1 = user id); a CTE of every statement that logs. */
const PRUNE = `prune AS (
  DELETE FROM task_changes WHERE user_id = $1 AND seq <= (
    SELECT seq FROM task_changes WHERE user_id = $1 ORDER BY seq DESC OFFSET ${KEEP_CHANGES - 1} LIMIT 1))`;

/**
 * The log row's origin columns, as parameters $n…$n+2 of a statement whose $1 is the user: thread, client, batch.
 * A change without an origin gets a batch of its own.
 */
export function logValues(
  origin: { threadId?: string; clientId?: string; batch?: string } | undefined,
): unknown[] {
  return [origin?.threadId ?? null, origin?.clientId ?? null, origin?.batch ?? randomBatch()];
}

export function randomBatch(): string {
  return `chg_${randomUUID().replace(/-/g, '')}`;
}

/** Deletes a task and logs it in one statement ($1 user, $2 task number, $3–$5 origin); the row as it was. */
export const DELETE_AND_LOG = `WITH t AS (DELETE FROM tasks WHERE user_id = $1 AND number = $2 RETURNING *),
  log AS (
    INSERT INTO task_changes (user_id, thread_id, client_id, batch, action, task_number, before)
    SELECT $1, $3, $4, $5, 'deleted', t.number, to_jsonb(t) FROM t),
  ${PRUNE}
  SELECT * FROM t`;

/**
 * Logs a change made in a transaction ($1 user, $2 task number, $3–$5 origin, $6 action, $7 the next occurrence it
 * created, $8 and $9 the rows before and after, as jsonb).
 */
export const LOG_UPDATE = `WITH log AS (
    INSERT INTO task_changes (user_id, thread_id, client_id, batch, action, task_number, next_number, before, after)
    VALUES ($1, $3, $4, $5, $6, $2, $7, $8::jsonb, $9::jsonb)),
  ${PRUNE}
  SELECT 1`;

/** The CTEs that log the creation of the row of CTE `t` ($1 user; `origin`: the numbers of the three origin values). */
export function logCreation(origin: [number, number, number]): string {
  const [thread, client, batch] = origin.map((n) => `$${n}`);
  return `log AS (
    INSERT INTO task_changes (user_id, thread_id, client_id, batch, action, task_number, after)
    SELECT $1, ${thread}, ${client}, ${batch}, 'created', t.number, to_jsonb(t) FROM t),
  ${PRUNE}`;
}

/**
 * One statement that updates a task and logs it: `assignments` may read the row as it was (`prev`); `condition`
 * narrows which rows may change (a task that does not qualify is left alone, and nothing is logged).
 */
export function updateAndLog(assignments: string, condition: string): string {
  return `WITH prev AS (
      SELECT * FROM tasks WHERE user_id = $1 AND number = $2${condition} FOR UPDATE),
    t AS (
      UPDATE tasks SET ${assignments}, updated_at = now() FROM prev WHERE tasks.uuid = prev.uuid RETURNING tasks.*),
    log AS (
      INSERT INTO task_changes (user_id, thread_id, client_id, batch, action, task_number, before, after)
      SELECT $1, $3, $4, $5,
        CASE WHEN t.completed = prev.completed THEN 'updated' WHEN t.completed THEN 'completed' ELSE 'reopened' END,
        t.number, to_jsonb(prev), to_jsonb(t)
      FROM prev JOIN t ON t.uuid = prev.uuid),
    ${PRUNE}
    SELECT * FROM t`;
}

/** Columns an undo never restores: identity, and the time of the change itself. */
const NOT_RESTORED = new Set(['uuid', 'user_id', 'number', 'created_at', 'updated_at']);
const SCHEDULE = ['due_at', 'due_all_day', 'due_time_zone', 'recurrence'];

/** The columns a change changed (comparing the logged rows), which an undo sets back. */
export function changedColumns(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(before).filter(
    (k) => !NOT_RESTORED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

/**
 * What an undo of an edit sets back: the changed columns, and the whole schedule with a repeat (a repeat needs its
 * due date: the table checks it).
 */
export function restoreColumns(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const columns = changedColumns(before, after);
  if (columns.some((c) => SCHEDULE.includes(c)))
    for (const c of SCHEDULE) if (!columns.includes(c)) columns.push(c);
  // Only known column names reach SQL text.
  return columns.filter((c) => /^[a-z_]+$/.test(c));
}

/** What an undo reversed, as the words of the catalogs need it. */
export function undoneItems(result: UndoResult): UndoneItem[] {
  return result.changes.map((c) => ({
    action: c.action,
    taskId: c.taskId,
    title: c.title,
    restored: c.task !== undefined,
    fields: c.fields,
    ...(c.removedNext ? { nextRemoved: c.removedNext.number } : {}),
  }));
}

/** What an undo did, in a sentence or a few (English: what the undo tool tells the model). */
export function undoSummary(result: UndoResult): string {
  return messagesFor('en').undone(undoneItems(result));
}
