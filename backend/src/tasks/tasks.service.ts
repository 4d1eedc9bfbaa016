import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../common/storable-text';
import { BackendEventBus, TaskChangedEvent } from '../common/task-events';
import { Sql } from '../database/sql.service';
import { Task } from './task.entity';
import { InvalidTaskError, TaskNotFoundError } from './tasks.errors';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
export const PAGE_MAX = 100;
export const PAGE_DEFAULT = 50;

export type TaskStatusFilter = 'all' | 'pending' | 'completed';
export type TaskSort = 'created' | 'updated' | 'title';

export interface ListTasksOptions {
  status?: TaskStatusFilter;
  q?: string;
  sort?: TaskSort;
  order?: 'asc' | 'desc';
  limit?: number;
  cursor?: string;
}

export interface TaskChanges {
  title?: string;
  description?: string | null;
  completed?: boolean;
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
  });
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

const SORT_KEYS: Record<TaskSort, string> = {
  created: 't.created_at',
  updated: 't.updated_at',
  title: 'lower(t.title)',
};

type CursorValue = [string | number, number];

function encodeCursor(sort: TaskSort, t: Task): string {
  const key =
    sort === 'created'
      ? t.createdAt.toISOString()
      : sort === 'updated'
        ? t.updatedAt.toISOString()
        : t.title.toLowerCase();
  return Buffer.from(JSON.stringify([key, t.number] satisfies CursorValue)).toString('base64url');
}

function decodeCursor(cursor: string): CursorValue {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1]))
      return v as CursorValue;
  } catch {
    /* fall through */
  }
  throw new InvalidTaskError('cursor is not valid: pass the next_cursor of a previous page');
}

/** The one implementation of task operations, used by REST, MCP and the agent. Every call is scoped to a user. */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    private readonly events: BackendEventBus,
    private readonly sql: Sql,
  ) {}

  async create(userId: string, input: { title: string; description?: string | null }): Promise<Task> {
    const title = cleanTitle(input.title);
    const description = cleanDescription(input.description);
    // One statement: the counter row lock makes numbers unique and gap-free under concurrency.
    const rows = await this.sql.rows<TaskRow>(
      `WITH n AS (
         INSERT INTO task_counters (user_id, last_number) VALUES ($1, 1)
         ON CONFLICT (user_id) DO UPDATE SET last_number = task_counters.last_number + 1
         RETURNING last_number)
       INSERT INTO tasks (user_id, number, title, description)
       SELECT $1, n.last_number, $2, $3 FROM n
       RETURNING *`,
      [userId, title, description],
    );
    const task = fromRow(rows[0]);
    this.emit(userId, 'created', task);
    return task;
  }

  async list(
    userId: string,
    opts: ListTasksOptions = {},
  ): Promise<{ data: Task[]; has_more: boolean; next_cursor?: string }> {
    const sort = opts.sort ?? 'created';
    const order = opts.order ?? 'asc';
    const limit = Math.min(Math.max(opts.limit ?? PAGE_DEFAULT, 1), PAGE_MAX);
    const key = SORT_KEYS[sort];
    const dir = order === 'asc' ? 'ASC' : 'DESC';
    const qb = this.tasks.createQueryBuilder('t').where('t.user_id = :userId', { userId });
    if (opts.status === 'pending') qb.andWhere('t.completed = false');
    if (opts.status === 'completed') qb.andWhere('t.completed = true');
    if (opts.q) {
      const pattern = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('t.title ILIKE :pattern', { pattern }).orWhere('t.description ILIKE :pattern'),
        ),
      );
    }
    if (opts.cursor) {
      const [value, number] = decodeCursor(opts.cursor);
      const keyValue = sort === 'title' ? value : new Date(String(value));
      if (keyValue instanceof Date && Number.isNaN(keyValue.getTime()))
        throw new InvalidTaskError('cursor is not valid');
      qb.andWhere(`(${key}, t.number) ${order === 'asc' ? '>' : '<'} (:keyValue, :number)`, {
        keyValue,
        number,
      });
    }
    qb.orderBy(key, dir)
      .addOrderBy('t.number', dir)
      .limit(limit + 1);
    const rows = await qb.getMany();
    const has_more = rows.length > limit;
    const data = has_more ? rows.slice(0, limit) : rows;
    return has_more
      ? { data, has_more, next_cursor: encodeCursor(sort, data[data.length - 1]) }
      : { data, has_more };
  }

  /** Every task of the user, in number order (what a model sees when it lists). */
  async all(userId: string, status: TaskStatusFilter = 'all'): Promise<Task[]> {
    const where: Record<string, unknown> = { userId };
    if (status !== 'all') where.completed = status === 'completed';
    return this.tasks.find({ where, order: { number: 'ASC' } });
  }

  /**
   * The newest `limit` tasks of a status (by number), in number order, and how many there are in all: what a
   * model is shown. The count is only queried when the list is cut, so small lists cost one query.
   */
  async newest(
    userId: string,
    status: TaskStatusFilter,
    limit: number,
  ): Promise<{ tasks: Task[]; total: number }> {
    const where: Record<string, unknown> = { userId };
    if (status !== 'all') where.completed = status === 'completed';
    const rows = await this.tasks.find({ where, order: { number: 'DESC' }, take: limit + 1 });
    if (rows.length <= limit) return { tasks: rows.reverse(), total: rows.length };
    return { tasks: rows.slice(0, limit).reverse(), total: await this.tasks.countBy(where) };
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

  async update(userId: string, taskId: number, changes: TaskChanges): Promise<Task> {
    const set: Record<string, unknown> = {};
    if (changes.title !== undefined) set.title = cleanTitle(changes.title);
    if (changes.description !== undefined) set.description = cleanDescription(changes.description);
    if (changes.completed !== undefined) {
      set.completed = changes.completed;
      set.completedAt = changes.completed ? new Date() : null;
    }
    if (Object.keys(set).length === 0)
      throw new InvalidTaskError('nothing to change: give title, description or completed');
    const task = await this.write(userId, taskId, set);
    this.emit(
      userId,
      changes.completed === undefined ? 'updated' : changes.completed ? 'completed' : 'reopened',
      task,
    );
    return task;
  }

  /** Sets `completed`, or toggles it when `completed` is undefined. */
  async setCompleted(userId: string, taskId: number, completed?: boolean): Promise<Task> {
    const task = await this.write(userId, taskId, {
      completed: completed ?? (() => 'NOT completed'),
      completedAt:
        completed === undefined
          ? () => 'CASE WHEN completed THEN NULL ELSE now() END'
          : completed
            ? new Date()
            : null,
    });
    this.emit(userId, task.completed ? 'completed' : 'reopened', task);
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

  private async write(userId: string, taskId: number, set: Record<string, unknown>): Promise<Task> {
    const result = await this.tasks
      .createQueryBuilder()
      .update(Task)
      .set({ ...set, updatedAt: () => 'now()' })
      .where('user_id = :userId AND number = :taskId', { userId, taskId })
      .returning('*')
      .execute();
    const rows = result.raw as TaskRow[];
    if (rows.length === 0) throw new TaskNotFoundError(taskId);
    return fromRow(rows[0]);
  }

  private emit(userId: string, action: TaskChangedEvent['action'], task: Task): void {
    this.events.emit('task.changed', { userId, action, taskId: task.number, title: task.title });
  }
}
