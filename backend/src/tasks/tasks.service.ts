import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../common/storable-text';
import { BackendEventBus, TaskChangedEvent } from '../common/task-events';
import { Sql } from '../database/sql.service';
import { Due, resolveBound } from './schedule/due-dates';
import { nextDue, storedRecurrence } from './schedule/recurrence';
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
}

/** The caller's time zone when it knows it (a chat turn); otherwise the user's remembered one is used. */
export interface TaskContext {
  timeZone?: string;
}

/** A task after a change; completing a recurring task also created its next occurrence. */
export type ChangedTask = Task & { nextOccurrence?: Task };

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
  });
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
const INSERT_COLUMNS = 'title, description, priority, tags, due_at, due_all_day, due_time_zone, recurrence';

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
    const scheduled = input.due != null || input.recurrence != null;
    const schedule = scheduled
      ? planSchedule(
          input,
          { due: null, recurrence: null },
          await this.timeZone(userId, ctx),
          this.clock.now(),
        )
      : { due: null, recurrence: null };
    const task = await this.insert((text, values) => this.sql.rows<TaskRow>(text, values), userId, {
      title,
      description,
      priority: priorityRank(input.priority ?? null),
      tags,
      ...scheduleColumns(schedule),
    });
    this.emit(userId, 'created', task);
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
    const set: Record<string, unknown> = {};
    if (changes.title !== undefined) set.title = cleanTitle(changes.title);
    if (changes.description !== undefined) set.description = cleanDescription(changes.description);
    if (changes.priority !== undefined) set.priority = priorityRank(changes.priority);
    if (changes.tags !== undefined) set.tags = cleanTags(changes.tags);
    const readsCurrent =
      changes.addTags !== undefined ||
      changes.removeTags !== undefined ||
      changes.due !== undefined ||
      changes.recurrence !== undefined;
    if (Object.keys(set).length === 0 && !readsCurrent && changes.completed === undefined)
      throw new InvalidTaskError(
        'nothing to change: give title, description, completed, priority, tags, due or recurrence',
      );
    const task = readsCurrent
      ? await this.changeCurrent(userId, taskId, set, changes, ctx)
      : await this.setState(userId, taskId, set, changes.completed);
    this.emitChange(userId, changes.completed === undefined ? 'updated' : undefined, task);
    return task;
  }

  /** Sets `completed`, or toggles it when `completed` is undefined. */
  async setCompleted(userId: string, taskId: number, completed?: boolean): Promise<ChangedTask> {
    const task = await this.setState(userId, taskId, {}, completed ?? 'toggle');
    this.emitChange(userId, undefined, task);
    return task;
  }

  async remove(userId: string, taskId: number): Promise<Task> {
    const result = await this.tasks
      .createQueryBuilder()
      .delete()
      .from(Task)
      .where('user_id = :userId AND number = :taskId', { userId, taskId })
      .returning('*')
      .execute();
    const rows = result.raw as TaskRow[];
    if (rows.length === 0) throw new TaskNotFoundError(taskId);
    const task = fromRow(rows[0]);
    this.emit(userId, 'deleted', task);
    return task;
  }

  /**
   * Columns and, maybe, the completion state, in one statement — unless the change completes a recurring task,
   * which must also create its next occurrence: that runs in a transaction (the statement's condition leaves
   * recurring tasks to it, so the common case stays one statement).
   */
  private async setState(
    userId: string,
    taskId: number,
    set: Record<string, unknown>,
    completed: boolean | 'toggle' | undefined,
  ): Promise<ChangedTask> {
    const state: Record<string, unknown> = { ...set };
    let mayComplete = '';
    if (completed === 'toggle') {
      state.completed = () => 'NOT completed';
      state.completedAt = () => 'CASE WHEN completed THEN NULL ELSE now() END';
      mayComplete = ' AND (recurrence IS NULL OR completed)';
    } else if (completed !== undefined) {
      state.completed = completed;
      state.completedAt = completed ? this.clock.now() : null;
      if (completed) mayComplete = ' AND recurrence IS NULL';
    }
    const rows = await this.write(this.tasks.manager, userId, taskId, state, mayComplete);
    if (rows.length > 0) return fromRow(rows[0]);
    if (!mayComplete) throw new TaskNotFoundError(taskId);
    return this.changeCurrent(userId, taskId, set, {}, {}, completed);
  }

  /** A change that reads the task first (tag edits, schedule, completing a recurring task): one transaction. */
  private async changeCurrent(
    userId: string,
    taskId: number,
    set: Record<string, unknown>,
    changes: TaskChanges,
    ctx: TaskContext,
    completed: boolean | 'toggle' | undefined = changes.completed,
  ): Promise<ChangedTask> {
    const scheduled = changes.due !== undefined || changes.recurrence !== undefined;
    const zone = scheduled ? await this.timeZone(userId, ctx) : undefined;
    return this.tasks.manager.transaction(async (em) => {
      const [row] = await em.query<TaskRow[]>(
        'SELECT * FROM tasks WHERE user_id = $1 AND number = $2 FOR UPDATE',
        [userId, taskId],
      );
      if (!row) throw new TaskNotFoundError(taskId);
      const current = fromRow(row);
      const state: Record<string, unknown> = { ...set };
      if (changes.addTags !== undefined || changes.removeTags !== undefined)
        state.tags = editTags(
          (state.tags as string[] | undefined) ?? current.tags,
          changes.addTags ?? [],
          changes.removeTags ?? [],
        );
      let schedule: Schedule = { due: dueOf(current), recurrence: current.recurrence };
      if (zone) {
        schedule = planSchedule(changes, schedule, zone, this.clock.now());
        Object.assign(state, scheduleColumns(schedule));
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
        next = await this.insert((text, values) => em.query<TaskRow[]>(text, values), userId, {
          title: state.title ?? current.title,
          description: state.description !== undefined ? state.description : current.description,
          priority: state.priority !== undefined ? state.priority : current.priority,
          tags: state.tags ?? current.tags,
          ...scheduleColumns({
            due: nextDue(schedule.recurrence, schedule.due, this.clock.now()),
            recurrence: schedule.recurrence,
          }),
        });
        state.recurrence = null;
      }
      const [updated] = await this.write(em, userId, taskId, state);
      const task: ChangedTask = fromRow(updated);
      if (next) task.nextOccurrence = next;
      return task;
    });
  }

  /** Resolves a client's filter: due bounds in the user's zone. */
  private async filtered(userId: string, query: TaskQuery, ctx: TaskContext) {
    const needsZone =
      query.due === 'today' ||
      query.due === 'week' ||
      query.due_before !== undefined ||
      query.due_after !== undefined;
    const zone = needsZone ? await this.timeZone(userId, ctx) : 'UTC';
    const now = this.clock.now();
    const filter: TaskFilter = {
      ...query,
      dueBefore:
        query.due_before === undefined
          ? undefined
          : asInvalid('due_before', () => resolveBound(query.due_before!, zone, now)),
      dueAfter:
        query.due_after === undefined
          ? undefined
          : asInvalid('due_after', () => resolveBound(query.due_after!, zone, now)),
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
   * prepared-statement pool for a creation, the transaction's connection for a next occurrence.
   */
  private async insert(
    run: (text: string, values: unknown[]) => Promise<TaskRow[]>,
    userId: string,
    c: Record<string, unknown>,
  ): Promise<Task> {
    const rows = await run(
      `WITH n AS (
         INSERT INTO task_counters (user_id, last_number) VALUES ($1, 1)
         ON CONFLICT (user_id) DO UPDATE SET last_number = task_counters.last_number + 1
         RETURNING last_number)
       INSERT INTO tasks (user_id, number, ${INSERT_COLUMNS})
       SELECT $1, n.last_number, $2, $3, $4, $5, $6, $7, $8, $9 FROM n
       RETURNING *`,
      [
        userId,
        c.title,
        c.description ?? null,
        c.priority ?? null,
        c.tags ?? [],
        c.dueAt ?? null,
        c.dueAllDay ?? false,
        c.dueTimeZone ?? null,
        c.recurrence == null ? null : JSON.stringify(c.recurrence),
      ],
    );
    return fromRow(rows[0]);
  }

  private async write(
    em: EntityManager,
    userId: string,
    taskId: number,
    set: Record<string, unknown>,
    condition = '',
  ): Promise<TaskRow[]> {
    const result = await em
      .createQueryBuilder()
      .update(Task)
      .set({ ...set, updatedAt: () => 'now()' })
      .where(`user_id = :userId AND number = :taskId${condition}`, { userId, taskId })
      .returning('*')
      .execute();
    return result.raw as TaskRow[];
  }

  /** `action` for an update; else what the completion state became. A new occurrence is announced as created. */
  private emitChange(
    userId: string,
    action: TaskChangedEvent['action'] | undefined,
    task: ChangedTask,
  ): void {
    this.emit(userId, action ?? (task.completed ? 'completed' : 'reopened'), task);
    if (task.nextOccurrence) this.emit(userId, 'created', task.nextOccurrence);
  }

  private emit(userId: string, action: TaskChangedEvent['action'], task: Task): void {
    this.events.emit('task.changed', { userId, action, taskId: task.number, title: task.title, task });
  }
}
