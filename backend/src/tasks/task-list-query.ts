/**
 * How task lists are filtered and ordered in SQL, for REST pages and the model's lists alike. The due and
 * priority keys treat "none" as 'infinity' / 4 so that they sort last and keyset cursors compare plain values;
 * the due filters are ranges of the same key, so one index serves both (migration 1764500000000).
 */
import { Brackets, SelectQueryBuilder } from 'typeorm';
import { daysFromToday, startOfDaysAgo } from './schedule/due-dates';
import type { Task } from './task.entity';
import { Priority, priorityRank } from './task-fields';
import { InvalidTaskError } from './tasks.errors';

export type TaskStatusFilter = 'all' | 'pending' | 'completed';
export type TaskSort = 'created' | 'updated' | 'title' | 'due' | 'priority';
export type DueFilter = 'overdue' | 'today' | 'week' | 'none';
/** Completed today, or in the last 7 days (today and the 6 before), in the user's zone. */
export type CompletedWithin = 'today' | 'week';

/** Which tasks: every field narrows the list (tags: tasks carrying all of them). */
export interface TaskFilter {
  status?: TaskStatusFilter;
  q?: string;
  priority?: Priority | 'none';
  tags?: string[];
  due?: DueFilter;
  /** Already resolved bounds: due strictly before / at or after. */
  dueBefore?: Date;
  dueAfter?: Date;
  completedWithin?: CompletedWithin;
}

const DUE_KEY = `COALESCE(t.due_at, 'infinity'::timestamptz)`;
const PRIORITY_KEY = 'COALESCE(t.priority, 4)';
const NO_DUE = 'infinity';

interface SortKey {
  sql: string;
  /** The key's value for a task, as the cursor stores it. */
  of(t: Task): string | number;
  kind: 'date' | 'text' | 'int';
}

const due: SortKey = { sql: DUE_KEY, of: (t) => t.dueAt?.toISOString() ?? NO_DUE, kind: 'date' };

const SORTS: Record<TaskSort, SortKey[]> = {
  created: [{ sql: 't.created_at', of: (t) => t.createdAt.toISOString(), kind: 'date' }],
  updated: [{ sql: 't.updated_at', of: (t) => t.updatedAt.toISOString(), kind: 'date' }],
  title: [{ sql: 'lower(t.title)', of: (t) => t.title.toLowerCase(), kind: 'text' }],
  // Soonest first, tasks without a due date last.
  due: [due],
  // High → medium → low → none; soonest due first within a priority.
  priority: [{ sql: PRIORITY_KEY, of: (t) => t.priority ?? 4, kind: 'int' }, due],
};

/** Narrows `qb` (alias `t`, already scoped to one user). `timeZone` and `now` place "today" and "this week". */
export function applyFilter(
  qb: SelectQueryBuilder<Task>,
  filter: TaskFilter,
  timeZone: string,
  now: Date,
): SelectQueryBuilder<Task> {
  if (filter.status === 'pending') qb.andWhere('t.completed = false');
  if (filter.status === 'completed') qb.andWhere('t.completed = true');
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere(
      new Brackets((w) =>
        w.where('t.title ILIKE :pattern', { pattern }).orWhere('t.description ILIKE :pattern'),
      ),
    );
  }
  if (filter.priority === 'none') qb.andWhere('t.priority IS NULL');
  else if (filter.priority)
    qb.andWhere('t.priority = :priority', { priority: priorityRank(filter.priority) });
  if (filter.tags?.length) qb.andWhere('t.tags @> CAST(:tags AS text[])', { tags: filter.tags });
  switch (filter.due) {
    case 'overdue':
      // Only open tasks are late; a done task is not.
      qb.andWhere(`${DUE_KEY} < :now AND t.completed = false`, { now });
      break;
    case 'today':
    case 'week': {
      const { from, to } = daysFromToday(filter.due === 'today' ? 1 : 7, timeZone, now);
      qb.andWhere(`${DUE_KEY} >= :dueFrom AND ${DUE_KEY} < :dueTo`, { dueFrom: from, dueTo: to });
      break;
    }
    case 'none':
      qb.andWhere('t.due_at IS NULL');
      break;
  }
  if (filter.dueBefore) qb.andWhere(`${DUE_KEY} < :dueBefore`, { dueBefore: filter.dueBefore });
  if (filter.dueAfter)
    qb.andWhere(`${DUE_KEY} >= :dueAfter AND t.due_at IS NOT NULL`, { dueAfter: filter.dueAfter });
  if (filter.completedWithin) {
    const doneFrom = startOfDaysAgo(filter.completedWithin === 'today' ? 0 : 6, timeZone, now);
    qb.andWhere('t.completed = true AND t.completed_at >= :doneFrom', { doneFrom });
  }
  return qb;
}

/** Orders `qb` by the sort's keys then the task number, all in one direction. */
export function applySort(qb: SelectQueryBuilder<Task>, sort: TaskSort, order: 'asc' | 'desc'): void {
  const dir = order === 'asc' ? 'ASC' : 'DESC';
  SORTS[sort].forEach((key, i) => (i === 0 ? qb.orderBy(key.sql, dir) : qb.addOrderBy(key.sql, dir)));
  qb.addOrderBy('t.number', dir);
}

/** Keyset paging: rows after the cursor's (keys…, number) in the list's order. */
export function applyCursor(
  qb: SelectQueryBuilder<Task>,
  sort: TaskSort,
  order: 'asc' | 'desc',
  cursor: string,
): void {
  const keys = SORTS[sort];
  const values = decodeCursor(cursor, keys);
  const params: Record<string, unknown> = {};
  const names = values.map((v, i) => {
    params[`c${i}`] = v;
    return i < keys.length && keys[i].kind === 'date' ? `CAST(:c${i} AS timestamptz)` : `:c${i}`;
  });
  const columns = [...keys.map((k) => k.sql), 't.number'];
  qb.andWhere(`(${columns.join(', ')}) ${order === 'asc' ? '>' : '<'} (${names.join(', ')})`, params);
}

export function encodeCursor(sort: TaskSort, t: Task): string {
  const values = [...SORTS[sort].map((k) => k.of(t)), t.number];
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function validKey(value: unknown, key: SortKey): boolean {
  if (key.kind === 'int') return Number.isInteger(value);
  if (typeof value !== 'string') return false;
  return key.kind === 'text' || value === NO_DUE || !Number.isNaN(Date.parse(value));
}

function decodeCursor(cursor: string, keys: readonly SortKey[]): Array<string | number> {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === keys.length + 1 &&
      keys.every((key, i) => validKey(v[i], key)) &&
      Number.isInteger(v[keys.length])
    )
      return v as Array<string | number>;
  } catch {
    /* fall through */
  }
  throw new InvalidTaskError('cursor is not valid: pass the next_cursor of a previous page');
}
