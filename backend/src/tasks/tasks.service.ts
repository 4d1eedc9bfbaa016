import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../common/storable-text';
import { BackendEventBus, TaskChangedEvent } from '../common/task-events';
import { Sql } from '../database/sql.service';
import { inTransaction } from '../database/transaction';
import { dayBounds, Due, resolveBound } from './schedule/due-dates';
import { nextDue, storedRecurrence } from './schedule/recurrence';
import {
  DEFAULT_REMINDER,
  nextReminder,
  parseReminder,
  Reminder,
  reminderInstant,
} from './schedule/reminders';
import { asInvalid, planSchedule, Schedule } from './schedule/schedule';
import { Task } from './task.entity';
import { cleanTags, editTags, Priority, priorityRank } from './task-fields';
import {
  applyCursor,
  applyFilter,
  applySort,
  encodeCursor,
  TaskFilter,
  TaskSort,
  TaskStatusFilter,
} from './task-list-query';
import {
  ChangeLogEntry,
  DELETE_AND_LOG,
  LOG_UPDATE,
  logCreation,
  logValues,
  randomBatch,
  restoreColumns,
  UndoConflictError,
  UndoneChange,
  UndoResult,
  UNDONE_AS,
  UndoScope,
  updateAndLog,
} from './task-changes';
import { InvalidTaskError, TaskNotFoundError } from './tasks.errors';
import { UserTimeZones } from './user-time-zones.service';

export type { DueFilter, TaskFilter, TaskSort, TaskStatusFilter } from './task-list-query';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
export const PAGE_MAX = 100;
export const PAGE_DEFAULT = 50;

/** A filter as a client wrote it: due bounds are ISO 8601 or words, resolved in the user's zone. */
export interface TaskQuery extends Omit<TaskFilter, 'dueBefore' | 'dueAfter'> {
  due_before?: string;
  due_after?: string;
  /** One day, in words or ISO 8601: tasks due that day. */
  due_on?: string;
}

export interface ListTasksOptions extends TaskQuery {
  sort?: TaskSort;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

export interface NewTask {
  title: string;
  description?: string | null;
  priority?: Priority | null;
  tags?: string[];
  /** ISO 8601 or words ("Friday 3pm"); null: none. */
  due?: string | null;
  /** Words or the object form (see schedule/recurrence.ts); null: none. */
  recurrence?: unknown;
  /** When to remind (schedule/reminders.ts): an instant, "30 minutes before", "default"; null: never. */
  remind_at?: string | null;
}

export interface TaskChanges {
  title?: string;
  description?: string | null;
  completed?: boolean;
  priority?: Priority | null;
  /** Replaces the tags. */
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
  /** null clears it; a time alone ("2 PM") keeps the current day. */
  due?: string | null;
  /** null stops the repeat. */
  recurrence?: unknown;
  /** null: no reminder; see NewTask. */
  remind_at?: string | null;
}

/**
 * Where a change comes from, as the change log records it for undo: the conversation it was made in (a chat turn,
 * a widget action) or the MCP client that made it over `/mcp`; changes of one `batch` are undone together.
 * Set by the server from the verified caller, never from a model's arguments.
 */
export interface ChangeOrigin {
  threadId?: string;
  clientId?: string;
  /** One chat turn, one widget action, one MCP call. A new one per change when absent. */
  batch?: string;
}

/** The caller's time zone when it knows it (a chat turn), else the user's remembered one; where changes come from. */
export interface TaskContext {
  timeZone?: string;
  origin?: ChangeOrigin;
}

/** A task after a change; completing a recurring task also created its next occurrence. */
export type ChangedTask = Task & { nextOccurrence?: Task };

/** A changed task, and whether the change left its reminder as it was (then no reminder job is made for it). */
interface Changed {
  task: ChangedTask;
  reminderKept: boolean;
}

interface TaskRow {
  uuid: string;
  user_id: string;
  number: number;
  title: string;
  description: string | null;
  completed: boolean;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
  priority: number | null;
  tags: string[];
  due_at: Date | null;
  due_all_day: boolean;
  due_time_zone: string | null;
  recurrence: unknown;
  remind_rule: Reminder['rule'];
  remind_offset_minutes: number | null;
  remind_at: Date | null;
  reminded_at: Date | null;
}

function fromRow(r: TaskRow): Task {
  return Object.assign(new Task(), {
    uuid: r.uuid,
    userId: r.user_id,
    number: r.number,
    title: r.title,
    description: r.description,
    completed: r.completed,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
    priority: r.priority,
    tags: r.tags ?? [],
    dueAt: r.due_at,
    dueAllDay: r.due_all_day,
    dueTimeZone: r.due_time_zone,
    recurrence: storedRecurrence(r.recurrence),
    remindRule: r.remind_rule ?? 'default',
    remindOffsetMinutes: r.remind_offset_minutes ?? null,
    remindAt: r.remind_at ?? null,
    remindedAt: r.reminded_at ?? null,
  });
}

function reminderOf(t: Pick<Task, 'remindRule' | 'remindOffsetMinutes' | 'remindAt'>): Reminder {
  return {
    rule: t.remindRule,
    offsetMinutes: t.remindOffsetMinutes,
    at: t.remindRule === 'at' ? t.remindAt : null,
  };
}

/**
 * Columns of a reminder for a due date; a new instant is a reminder not fired yet. A reminder "before" the due
 * date needs one.
 */
function reminderColumns(r: Reminder, due: Due | null, current?: Date | null): Record<string, unknown> {
  if (r.rule === 'before' && !due)
    throw new InvalidTaskError('remind_at: a reminder "before" needs a due date; give the task one first');
  const at = reminderInstant(r, due);
  return {
    remindRule: r.rule,
    remindOffsetMinutes: r.offsetMinutes,
    remindAt: at,
    ...(current === undefined || current?.getTime() !== at?.getTime() ? { remindedAt: null } : {}),
  };
}

/** A task's due date as the schedule functions take it. */
export function dueOf(t: Pick<Task, 'dueAt' | 'dueAllDay' | 'dueTimeZone'>): Due | null {
  return t.dueAt ? { at: t.dueAt, allDay: t.dueAllDay, timeZone: t.dueTimeZone ?? 'UTC' } : null;
}

// PostgreSQL text cannot hold NUL, and would store an unpaired surrogate as U+FFFD (not what was sent);
// other control characters are kept as the user's data.
function cleanTitle(title: string): string {
  if (!isStorableText(title)) throw new InvalidTaskError(`title ${UNSTORABLE_TEXT_MESSAGE}`);
  const t = title.trim();
  if (t.length === 0) throw new InvalidTaskError('title must not be empty');
  if (t.length > TITLE_MAX)
    throw new InvalidTaskError(`title must be at most ${TITLE_MAX} characters (got ${t.length})`);
  return t;
}

function cleanDescription(description: string | null | undefined): string | null {
  if (description == null) return null;
  if (!isStorableText(description)) throw new InvalidTaskError(`description ${UNSTORABLE_TEXT_MESSAGE}`);
  const d = description.trim();
  if (d.length > DESCRIPTION_MAX) {
    throw new InvalidTaskError(`description must be at most ${DESCRIPTION_MAX} characters (got ${d.length})`);
  }
  return d.length ? d : null;
}

/** Columns of a schedule (due date and repeat). */
function scheduleColumns(s: Schedule): Record<string, unknown> {
  return {
    dueAt: s.due?.at ?? null,
    dueAllDay: s.due?.allDay ?? false,
    dueTimeZone: s.due?.timeZone ?? null,
    recurrence: s.recurrence,
  };
}

/** The task's plain columns from a creation (what the INSERT below takes, in order). */
const INSERT_COLUMNS =
  'title, description, priority, tags, due_at, due_all_day, due_time_zone, recurrence, remind_rule, ' +
  'remind_offset_minutes, remind_at';

/** Numbers the next task of the user ($1) and inserts it with columns $2–$12; the CTE `t` is the new row. */
const INSERT_TASK = `WITH n AS (
    INSERT INTO task_counters (user_id, last_number) VALUES ($1, 1)
    ON CONFLICT (user_id) DO UPDATE SET last_number = task_counters.last_number + 1
    RETURNING last_number),
  t AS (
    INSERT INTO tasks (user_id, number, ${INSERT_COLUMNS})
    SELECT $1, n.last_number, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM n
    RETURNING *)`;
const INSERT = `${INSERT_TASK} SELECT * FROM t`;
/** The same, logged with the origin $13–$15. */
const INSERT_AND_LOG = `${INSERT_TASK}, ${logCreation([13, 14, 15])} SELECT * FROM t`;

/** The newest batch of a conversation ($2) or of an MCP client ($2) not undone yet. */
const NEWEST_IN_THREAD = `SELECT batch FROM task_changes
  WHERE user_id = $1 AND thread_id = $2 AND undone_at IS NULL ORDER BY seq DESC LIMIT 1`;
const NEWEST_OF_CLIENT = `SELECT batch FROM task_changes
  WHERE user_id = $1 AND thread_id IS NULL AND client_id = $2 AND undone_at IS NULL ORDER BY seq DESC LIMIT 1`;
/** A batch's changes not undone yet, newest first, locked: a concurrent undo of it waits, then finds none. */
const BATCH_IN_THREAD = `SELECT seq, batch, action, task_number, next_number, before, after FROM task_changes
  WHERE user_id = $1 AND thread_id = $2 AND batch = $3 AND undone_at IS NULL ORDER BY seq DESC FOR UPDATE`;
const BATCH_OF_CLIENT = `SELECT seq, batch, action, task_number, next_number, before, after FROM task_changes
  WHERE user_id = $1 AND thread_id IS NULL AND client_id = $2 AND batch = $3 AND undone_at IS NULL
  ORDER BY seq DESC FOR UPDATE`;
/** Later changes of the scope, not undone, to tasks $4 (after the change $3). */
const LATER_IN_THREAD = `SELECT DISTINCT task_number FROM task_changes
  WHERE user_id = $1 AND thread_id = $2 AND seq > $3 AND undone_at IS NULL
    AND (task_number = ANY($4) OR next_number = ANY($4)) ORDER BY task_number`;
const LATER_OF_CLIENT = `SELECT DISTINCT task_number FROM task_changes
  WHERE user_id = $1 AND thread_id IS NULL AND client_id = $2 AND seq > $3 AND undone_at IS NULL
    AND (task_number = ANY($4) OR next_number = ANY($4)) ORDER BY task_number`;

/** A column value that is SQL text (it may read the row as it was, `prev`), not a parameter. */
class SqlExpression {
  constructor(readonly sql: string) {}
}
function sqlExpression(sql: string): SqlExpression {
  return new SqlExpression(sql);
}

/** New column values by property name (as the entity names them). */
type Assignments = Record<string, unknown>;

const COLUMN_OF: Readonly<Record<string, string>> = {
  title: 'title',
  description: 'description',
  priority: 'priority',
  tags: 'tags',
  completed: 'completed',
  completedAt: 'completed_at',
  dueAt: 'due_at',
  dueAllDay: 'due_all_day',
  dueTimeZone: 'due_time_zone',
  recurrence: 'recurrence',
  remindRule: 'remind_rule',
  remindOffsetMinutes: 'remind_offset_minutes',
  remindAt: 'remind_at',
  remindedAt: 'reminded_at',
};

/** `col = $n, …` for the assignments, their values appended to `values` (texts depend on the columns only). */
function assign(set: Assignments, values: unknown[]): string {
  return Object.entries(set)
    .map(([key, value]) => {
      const column = COLUMN_OF[key];
      if (!column) throw new Error(`unknown task column ${key}`);
      if (value instanceof SqlExpression) return `${column} = ${value.sql}`;
      if (column === 'recurrence') {
        values.push(value == null ? null : JSON.stringify(value));
        return `${column} = $${values.length}::jsonb`;
      }
      values.push(value);
      return `${column} = $${values.length}`;
    })
    .join(', ');
}

/** The rows of a statement sent on a transaction's connection. */
async function rowsOf<T>(client: PoolClient, text: string, values: unknown[]): Promise<T[]> {
  return (await client.query(text, values)).rows as T[];
}

/** The origin with its batch: a change made without one is a batch of its own. */
function withBatch(origin: ChangeOrigin | undefined): ChangeOrigin & { batch: string } {
  return { ...origin, batch: origin?.batch ?? randomBatch() };
}

/** The one implementation of task operations, used by REST, MCP and the agent. Every call is scoped to a user. */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    private readonly events: BackendEventBus,
    private readonly sql: Sql,
    private readonly zones: UserTimeZones,
    private readonly clock: Clock,
  ) {}

  async create(userId: string, input: NewTask, ctx: TaskContext = {}): Promise<Task> {
    const title = cleanTitle(input.title);
    const description = cleanDescription(input.description);
    const tags = input.tags ? cleanTags(input.tags) : [];
    const scheduled = input.due != null || input.recurrence != null || input.remind_at !== undefined;
    const zone = scheduled ? await this.timeZone(userId, ctx) : 'UTC';
    const now = this.clock.now();
    const schedule = scheduled
      ? planSchedule(input, { due: null, recurrence: null }, zone, now)
      : { due: null, recurrence: null };
    const remindAt = input.remind_at;
    const reminder =
      remindAt === undefined
        ? DEFAULT_REMINDER
        : asInvalid('remind_at', () => parseReminder(remindAt, zone, now));
    const origin = withBatch(ctx.origin);
    const task = await this.insert(
      (text, values) => this.sql.rows<TaskRow>(text, values),
      userId,
      {
        title,
        description,
        priority: priorityRank(input.priority ?? null),
        tags,
        ...scheduleColumns(schedule),
        ...reminderColumns(reminder, schedule.due),
      },
      origin,
    );
    this.emit(userId, 'created', task, origin.batch);
    return task;
  }

  /** A page of tasks (REST), by filter and sort, with a keyset cursor to the next page. */
  async list(
    userId: string,
    opts: ListTasksOptions = {},
    ctx: TaskContext = {},
  ): Promise<{ data: Task[]; has_more: boolean; next_cursor?: string }> {
    const sort = opts.sort ?? 'created';
    const order = opts.order ?? 'asc';
    const limit = Math.min(Math.max(opts.limit ?? PAGE_DEFAULT, 1), PAGE_MAX);
    const qb = await this.filtered(userId, opts, ctx);
    if (opts.cursor) applyCursor(qb, sort, order, opts.cursor);
    applySort(qb, sort, order);
    const rows = await qb.limit(limit + 1).getMany();
    const has_more = rows.length > limit;
    const data = has_more ? rows.slice(0, limit) : rows;
    return has_more
      ? { data, has_more, next_cursor: encodeCursor(sort, data[data.length - 1]) }
      : { data, has_more };
  }

  /** Every task of the user, in number order. */
  async all(userId: string, status: TaskStatusFilter = 'all'): Promise<Task[]> {
    const where: Record<string, unknown> = { userId };
    if (status !== 'all') where.completed = status === 'completed';
    return this.tasks.find({ where, order: { number: 'ASC' } });
  }

  /**
   * What a model is shown: at most `limit` matching tasks and how many match in all. Without a sort, the newest
   * (by number) in number order; with one, the first in that order. The count is only queried when the list is
   * cut, so small lists cost one query.
   */
  async newest(
    userId: string,
    query: TaskQuery & { sort?: TaskSort },
    limit: number,
    ctx: TaskContext = {},
  ): Promise<{ tasks: Task[]; total: number }> {
    const qb = await this.filtered(userId, query, ctx);
    if (query.sort) applySort(qb, query.sort, 'asc');
    else qb.orderBy('t.number', 'DESC');
    const rows = await qb
      .clone()
      .limit(limit + 1)
      .getMany();
    const inOrder = (list: Task[]) => (query.sort ? list : list.reverse());
    if (rows.length <= limit) return { tasks: inOrder(rows), total: rows.length };
    return { tasks: inOrder(rows.slice(0, limit)), total: await qb.orderBy().getCount() };
  }

  /** The user's task numbers, ascending (to tell a model which numbers exist). */
  async numbers(userId: string): Promise<number[]> {
    const rows = await this.tasks.find({
      select: { number: true },
      where: { userId },
      order: { number: 'ASC' },
    });
    return rows.map((r) => r.number);
  }

  async get(userId: string, taskId: number): Promise<Task> {
    const task = await this.tasks.findOneBy({ userId, number: taskId });
    if (!task) throw new TaskNotFoundError(taskId);
    return task;
  }

  async update(
    userId: string,
    taskId: number,
    changes: TaskChanges,
    ctx: TaskContext = {},
  ): Promise<ChangedTask> {
    const set: Assignments = {};
    if (changes.title !== undefined) set.title = cleanTitle(changes.title);
    if (changes.description !== undefined) set.description = cleanDescription(changes.description);
    if (changes.priority !== undefined) set.priority = priorityRank(changes.priority);
    if (changes.tags !== undefined) set.tags = cleanTags(changes.tags);
    const readsCurrent =
      changes.addTags !== undefined ||
      changes.removeTags !== undefined ||
      changes.due !== undefined ||
      changes.recurrence !== undefined ||
      changes.remind_at !== undefined;
    if (Object.keys(set).length === 0 && !readsCurrent && changes.completed === undefined)
      throw new InvalidTaskError(
        'nothing to change: give title, description, completed, priority, tags, due, recurrence or remind_at',
      );
    const origin = withBatch(ctx.origin);
    const { task, reminderKept } = readsCurrent
      ? await this.changeCurrent(userId, taskId, set, changes, ctx, origin)
      : await this.setState(userId, taskId, set, changes.completed, origin);
    this.emitChange(
      userId,
      changes.completed === undefined ? 'updated' : undefined,
      task,
      origin.batch,
      reminderKept,
    );
    return task;
  }

  /** Sets `completed`, or toggles it when `completed` is undefined. */
  async setCompleted(
    userId: string,
    taskId: number,
    completed?: boolean,
    ctx: TaskContext = {},
  ): Promise<ChangedTask> {
    const origin = withBatch(ctx.origin);
    const { task, reminderKept } = await this.setState(userId, taskId, {}, completed ?? 'toggle', origin);
    this.emitChange(userId, undefined, task, origin.batch, reminderKept);
    return task;
  }

  async remove(userId: string, taskId: number, ctx: TaskContext = {}): Promise<Task> {
    const origin = withBatch(ctx.origin);
    const rows = await this.sql.rows<TaskRow>(DELETE_AND_LOG, [userId, taskId, ...logValues(origin)]);
    if (rows.length === 0) throw new TaskNotFoundError(taskId);
    const task = fromRow(rows[0]);
    this.emit(userId, 'deleted', task, origin.batch);
    return task;
  }

  /**
   * Reverses the newest changes of a scope (one conversation, or one MCP client) that are not undone yet: all the
   * changes of the turn, widget action or MCP call that made them. A second call walks back further. Null when
   * there is nothing left to undo. Never touches another user's tasks: the log is read for this user only.
   */
  async undoLast(userId: string, scope: UndoScope): Promise<UndoResult | null> {
    // Two undos at once pick the same batch; the second finds it undone and takes the one before.
    for (let attempt = 0; attempt < 3; attempt++) {
      const [newest] = await this.sql.rows<{ batch: string }>(
        'threadId' in scope ? NEWEST_IN_THREAD : NEWEST_OF_CLIENT,
        [userId, 'threadId' in scope ? scope.threadId : scope.clientId],
      );
      if (!newest) return null;
      const result = await this.reverse(userId, scope, newest.batch, false);
      if (result) return result;
    }
    return null;
  }

  /**
   * Reverses one batch of changes (the Undo button of a turn): refused when it was undone already, or when a later
   * change of the same scope, not undone, touched one of its tasks (undo that first).
   */
  async undoBatch(userId: string, scope: UndoScope, batch: string): Promise<UndoResult> {
    const result = await this.reverse(userId, scope, batch, true);
    if (!result) throw new UndoConflictError();
    return result;
  }

  /** Reverses a batch in one transaction, newest change first; null when nothing of it is left to undo. */
  private async reverse(
    userId: string,
    scope: UndoScope,
    batch: string,
    checkLater: boolean,
  ): Promise<UndoResult | null> {
    const scopeValue = 'threadId' in scope ? scope.threadId : scope.clientId;
    const result = await inTransaction(this.sql.master, async (client) => {
      const entries = await rowsOf<ChangeLogEntry>(
        client,
        'threadId' in scope ? BATCH_IN_THREAD : BATCH_OF_CLIENT,
        [userId, scopeValue, batch],
      );
      if (entries.length === 0) return null;
      if (checkLater) {
        const numbers = entries.flatMap((e) => [e.task_number, ...(e.next_number ? [e.next_number] : [])]);
        const later = await rowsOf<{ task_number: number }>(
          client,
          'threadId' in scope ? LATER_IN_THREAD : LATER_OF_CLIENT,
          [userId, scopeValue, entries[0].seq, numbers],
        );
        if (later.length) throw new UndoConflictError(later.map((r) => r.task_number));
      }
      const changes: UndoneChange[] = [];
      for (const entry of entries) changes.push(await this.undoOne(client, userId, entry));
      await client.query('UPDATE task_changes SET undone_at = now() WHERE user_id = $1 AND seq = ANY($2)', [
        userId,
        entries.map((e) => e.seq),
      ]);
      return { batch, changes };
    });
    if (!result) return null;
    for (const c of result.changes) {
      if (c.task) this.emit(userId, UNDONE_AS[c.action], c.task);
      if (c.removedNext) this.emit(userId, 'deleted', c.removedNext);
    }
    return result;
  }

  /** Undoes one logged change: a creation deletes the task, a deletion restores it, an edit sets fields back. */
  private async undoOne(client: PoolClient, userId: string, entry: ChangeLogEntry): Promise<UndoneChange> {
    const rows = (text: string, values: unknown[]) => rowsOf<TaskRow>(client, text, values);
    const logged = entry.after ?? entry.before ?? {};
    const change: UndoneChange = {
      action: entry.action,
      taskId: entry.task_number,
      title: typeof logged.title === 'string' ? logged.title : '',
      fields: [],
    };
    let task: TaskRow | undefined;
    if (entry.action === 'created') {
      [task] = await rows('DELETE FROM tasks WHERE user_id = $1 AND number = $2 RETURNING *', [
        userId,
        entry.task_number,
      ]);
    } else if (entry.action === 'deleted') {
      // The task as it was: its uuid, number, fields, state and timestamps (numbers are never reused, so its
      // number is still free). The user is this one whatever the log holds.
      [task] = await rows(
        `INSERT INTO tasks SELECT * FROM jsonb_populate_record(NULL::tasks, $2::jsonb || jsonb_build_object('user_id', $1::text))
         ON CONFLICT DO NOTHING RETURNING *`,
        [userId, JSON.stringify(entry.before)],
      );
    } else {
      const before = entry.before ?? {};
      change.fields = restoreColumns(before, entry.after ?? {});
      const assignments = [...change.fields.map((c) => `${c} = r.${c}`), 'updated_at = now()'].join(', ');
      [task] = await rows(
        `UPDATE tasks SET ${assignments} FROM jsonb_populate_record(NULL::tasks, $3::jsonb) r
         WHERE tasks.user_id = $1 AND tasks.number = $2 RETURNING tasks.*`,
        [userId, entry.task_number, JSON.stringify(before)],
      );
      if (entry.next_number !== null) {
        const [next] = await rows('DELETE FROM tasks WHERE user_id = $1 AND number = $2 RETURNING *', [
          userId,
          entry.next_number,
        ]);
        if (next) change.removedNext = fromRow(next);
      }
    }
    if (task) {
      change.task = fromRow(task);
      change.title = task.title;
    }
    return change;
  }

  /**
   * Columns and, maybe, the completion state, in one statement that also logs the change — unless the change
   * completes a recurring task, which must also create its next occurrence: that runs in a transaction (the
   * statement's condition leaves recurring tasks to it, so the common case stays one statement).
   */
  private async setState(
    userId: string,
    taskId: number,
    set: Assignments,
    completed: boolean | 'toggle' | undefined,
    origin: Required<Pick<ChangeOrigin, 'batch'>> & ChangeOrigin,
  ): Promise<Changed> {
    const state: Assignments = { ...set };
    let mayComplete = '';
    if (completed === 'toggle') {
      state.completed = sqlExpression('NOT prev.completed');
      state.completedAt = sqlExpression('CASE WHEN prev.completed THEN NULL ELSE now() END');
      mayComplete = ' AND (recurrence IS NULL OR completed)';
    } else if (completed !== undefined) {
      state.completed = completed;
      state.completedAt = completed ? this.clock.now() : null;
      if (completed) mayComplete = ' AND recurrence IS NULL';
    }
    const values: unknown[] = [userId, taskId, ...logValues(origin)];
    const rows = await this.sql.rows<TaskRow>(updateAndLog(assign(state, values), mayComplete), values);
    // Without a change of state, only columns that do not decide the reminder were set.
    if (rows.length > 0) return { task: fromRow(rows[0]), reminderKept: completed === undefined };
    if (!mayComplete) throw new TaskNotFoundError(taskId);
    return this.changeCurrent(userId, taskId, set, {}, {}, origin, completed);
  }

  /**
   * A change that reads the task first (tag edits, schedule, completing a recurring task): one transaction, which
   * also logs it.
   */
  private async changeCurrent(
    userId: string,
    taskId: number,
    set: Assignments,
    changes: TaskChanges,
    ctx: TaskContext,
    origin: Required<Pick<ChangeOrigin, 'batch'>> & ChangeOrigin,
    completed: boolean | 'toggle' | undefined = changes.completed,
  ): Promise<Changed> {
    const scheduled =
      changes.due !== undefined || changes.recurrence !== undefined || changes.remind_at !== undefined;
    const zone = scheduled ? await this.timeZone(userId, ctx) : undefined;
    return inTransaction(this.sql.master, async (client) => {
      const run = <T>(text: string, values: unknown[]) => rowsOf<T>(client, text, values);
      const [row] = await run<TaskRow & { snapshot: unknown }>(
        'SELECT t.*, to_jsonb(t) AS snapshot FROM tasks t WHERE user_id = $1 AND number = $2 FOR UPDATE',
        [userId, taskId],
      );
      if (!row) throw new TaskNotFoundError(taskId);
      const current = fromRow(row);
      const state: Assignments = { ...set };
      if (changes.addTags !== undefined || changes.removeTags !== undefined)
        state.tags = editTags(
          (state.tags as string[] | undefined) ?? current.tags,
          changes.addTags ?? [],
          changes.removeTags ?? [],
        );
      let schedule: Schedule = { due: dueOf(current), recurrence: current.recurrence };
      let reminder = reminderOf(current);
      if (zone) {
        const now = this.clock.now();
        schedule = planSchedule(changes, schedule, zone, now);
        Object.assign(state, scheduleColumns(schedule));
        const remindAt = changes.remind_at;
        if (remindAt !== undefined)
          reminder = asInvalid('remind_at', () => parseReminder(remindAt, zone, now));
        Object.assign(state, reminderColumns(reminder, schedule.due, current.remindAt));
      }
      const target = completed === 'toggle' ? !current.completed : completed;
      if (target !== undefined) {
        state.completed = target;
        state.completedAt = !target ? null : current.completed ? current.completedAt : this.clock.now();
      }
      let next: Task | undefined;
      if (state.completed === true && !current.completed && schedule.recurrence && schedule.due) {
        // The series moves on to the next occurrence; this one keeps no repeat, so reopening it and completing
        // it again cannot create a second "next".
        const nextSchedule = {
          due: nextDue(schedule.recurrence, schedule.due, this.clock.now()),
          recurrence: schedule.recurrence,
        };
        next = await this.insert((text, values) => run<TaskRow>(text, values), userId, {
          title: state.title ?? current.title,
          description: state.description !== undefined ? state.description : current.description,
          priority: state.priority !== undefined ? state.priority : current.priority,
          tags: state.tags ?? current.tags,
          ...scheduleColumns(nextSchedule),
          ...reminderColumns(nextReminder(reminder, schedule.due), nextSchedule.due),
        });
        state.recurrence = null;
      }
      const values: unknown[] = [userId, taskId];
      const [updated] = await run<TaskRow & { snapshot: unknown }>(
        `UPDATE tasks SET ${assign(state, values)}, updated_at = now() WHERE user_id = $1 AND number = $2
         RETURNING tasks.*, to_jsonb(tasks) AS snapshot`,
        values,
      );
      const task: ChangedTask = fromRow(updated);
      if (next) task.nextOccurrence = next;
      const action =
        task.completed === current.completed ? 'updated' : task.completed ? 'completed' : 'reopened';
      await run(LOG_UPDATE, [
        userId,
        taskId,
        ...logValues(origin),
        action,
        next?.number ?? null,
        JSON.stringify(row.snapshot),
        JSON.stringify(updated.snapshot),
      ]);
      const reminderKept =
        task.completed === current.completed &&
        task.remindAt?.getTime() === current.remindAt?.getTime() &&
        (task.remindedAt === null) === (current.remindedAt === null);
      return { task, reminderKept };
    });
  }

  /**
   * Marks a reminder fired, once however many instances try: only while the task still reminds at `at`, is open,
   * and has not reminded yet. The task when this call fired it, else null.
   */
  async fireReminder(userId: string, taskId: number, at: Date): Promise<Task | null> {
    const [row] = await this.sql.rows<TaskRow>(
      `UPDATE tasks SET reminded_at = now()
       WHERE user_id = $1 AND number = $2 AND remind_at = $3 AND reminded_at IS NULL AND NOT completed
       RETURNING *`,
      [userId, taskId, at],
    );
    return row ? fromRow(row) : null;
  }

  /**
   * Fires the reminders whose time passed more than `graceSeconds` ago and that have not fired (everything was
   * down, or a job was lost): at most `limit`, each taken by one caller only. Reminders older than a week are
   * dropped silently: news that old is no reminder.
   */
  async fireMissedReminders(graceSeconds: number, limit: number): Promise<Task[]> {
    await this.sql.rows(
      `UPDATE tasks SET reminded_at = now()
       WHERE remind_at < now() - interval '7 days' AND reminded_at IS NULL AND NOT completed`,
      [],
    );
    const rows = await this.sql.rows<TaskRow>(
      `UPDATE tasks SET reminded_at = now() WHERE uuid IN (
         SELECT uuid FROM tasks
         WHERE remind_at <= now() - make_interval(secs => $1) AND reminded_at IS NULL AND NOT completed
         ORDER BY remind_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [graceSeconds, limit],
    );
    return rows.map(fromRow);
  }

  /** Resolves a client's filter: due bounds in the user's zone. */
  private async filtered(userId: string, query: TaskQuery, ctx: TaskContext) {
    const needsZone =
      query.due === 'today' ||
      query.due === 'week' ||
      query.due_before !== undefined ||
      query.due_after !== undefined ||
      query.due_on !== undefined ||
      query.completedWithin !== undefined;
    const zone = needsZone ? await this.timeZone(userId, ctx) : 'UTC';
    const now = this.clock.now();
    const { due_on, due_before, due_after, ...rest } = query;
    const day = due_on === undefined ? undefined : asInvalid('due_on', () => dayBounds(due_on, zone, now));
    const filter: TaskFilter = {
      ...rest,
      dueBefore:
        day?.to ??
        (due_before === undefined
          ? undefined
          : asInvalid('due_before', () => resolveBound(due_before, zone, now))),
      dueAfter:
        day?.from ??
        (due_after === undefined
          ? undefined
          : asInvalid('due_after', () => resolveBound(due_after, zone, now))),
    };
    if (filter.tags) filter.tags = cleanTags(filter.tags);
    return applyFilter(
      this.tasks.createQueryBuilder('t').where('t.user_id = :userId', { userId }),
      filter,
      zone,
      now,
    );
  }

  /** The zone the user's dates are resolved and shown in: the caller's, else the remembered one. */
  async timeZone(userId: string, ctx: TaskContext = {}): Promise<string> {
    return ctx.timeZone ?? this.zones.get(userId);
  }

  now(): Date {
    return this.clock.now();
  }

  /**
   * One statement: the counter row lock makes numbers unique and gap-free under concurrency. `run` sends it: the
   * prepared-statement pool for a creation, the transaction's connection for a next occurrence. With an `origin`,
   * the same statement logs the creation (a next occurrence is logged with the completion that made it).
   */
  private async insert(
    run: (text: string, values: unknown[]) => Promise<TaskRow[]>,
    userId: string,
    c: Record<string, unknown>,
    origin?: ChangeOrigin,
  ): Promise<Task> {
    const rows = await run(origin ? INSERT_AND_LOG : INSERT, [
      userId,
      c.title,
      c.description ?? null,
      c.priority ?? null,
      c.tags ?? [],
      c.dueAt ?? null,
      c.dueAllDay ?? false,
      c.dueTimeZone ?? null,
      c.recurrence == null ? null : JSON.stringify(c.recurrence),
      c.remindRule ?? 'default',
      c.remindOffsetMinutes ?? null,
      c.remindAt ?? null,
      ...(origin ? logValues(origin) : []),
    ]);
    return fromRow(rows[0]);
  }

  /** `action` for an update; else what the completion state became. A new occurrence is announced as created. */
  private emitChange(
    userId: string,
    action: TaskChangedEvent['action'] | undefined,
    task: ChangedTask,
    batch: string,
    reminderKept: boolean,
  ): void {
    this.emit(userId, action ?? (task.completed ? 'completed' : 'reopened'), task, batch, reminderKept);
    if (task.nextOccurrence) this.emit(userId, 'created', task.nextOccurrence, batch);
  }

  /**
   * `batch`: the change log batch of the change (none for an undo, which cannot itself be undone); `reminderKept`:
   * the change left the task's reminder as it was.
   */
  private emit(
    userId: string,
    action: TaskChangedEvent['action'],
    task: Task,
    batch?: string,
    reminderKept = false,
  ): void {
    this.events.emit('task.changed', {
      userId,
      action,
      taskId: task.number,
      title: task.title,
      task,
      ...(batch ? { batch } : {}),
      ...(reminderKept ? { reminderKept: true as const } : {}),
    });
  }
}
