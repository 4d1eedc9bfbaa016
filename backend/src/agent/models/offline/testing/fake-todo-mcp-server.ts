/**
 * Test double: an in-memory `MCPServer` exposing the todo tools (the five, and undo) with exactly the contract's outputs
 * (JSON text on success, a plain sentence with `isError` on failure). Used by the offline model's specs to
 * run the real Agent + Runner without a database. Dates go through the real schedule functions (due words,
 * repeats, the tools' wording of dates) at a fixed "now", in UTC.
 */
import type { CallToolResultContent, MCPServer } from '@openai/agents';
import { DomainError } from '../../../../common/domain-error';
import { taskDetails } from '../../../../tasks/task-details';
import {
  dayBounds,
  daysFromToday,
  Due,
  localDue,
  startOfDaysAgo,
} from '../../../../tasks/schedule/due-dates';
import { describeRecurrence, nextDue } from '../../../../tasks/schedule/recurrence';
import { parseReminder, Reminder, reminderInstant } from '../../../../tasks/schedule/reminders';
import { planSchedule } from '../../../../tasks/schedule/schedule';
import { Task } from '../../../../tasks/task.entity';
import { cleanTags, editTags, priorityOf, priorityRank } from '../../../../tasks/task-fields';
import { dueOf } from '../../../../tasks/tasks.service';

/** An MCP tool definition (the SDK's `MCPTool`, which the package root does not export). */
export type MCPTool = Awaited<ReturnType<MCPServer['listTools']>>[number];

export interface SeedTask {
  title: string;
  description?: string;
  completed?: boolean;
  /** Completed at this moment (ISO 8601 in UTC, "2026-12-07T18:00") instead of "now". */
  completedAt?: string;
  priority?: 'high' | 'medium' | 'low';
  tags?: string[];
  /** ISO 8601 in UTC ("2026-12-08", "2026-12-10T09:00"), resolved like the real tools do. */
  due?: string;
  recurrence?: string;
}

/** A task as the expectations compare it: the fields beyond the title as values a person would write. */
export interface StoredTask {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  priority: 'high' | 'medium' | 'low' | null;
  tags: string[];
  /** Local ISO text in UTC: "2026-12-11T15:00", or "2026-12-11" for a date without a time. */
  due: string | null;
  repeats: string | null;
}

export interface RecordedCall {
  name: string;
  args: Record<string, unknown>;
}

/** The fake's "now" and zone: the real tools' date logic runs against them (see test/support/fixed-clock.ts). */
export const FAKE_NOW = new Date('2026-12-09T10:00:00.000Z');
export const FAKE_TIME_ZONE = 'UTC';

const objectSchema = (properties: Record<string, unknown>, required: string[]): MCPTool['inputSchema'] => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const FIELDS = {
  priority: { type: 'string', enum: ['high', 'medium', 'low'] },
  tags: { type: 'array', items: { type: 'string' } },
  due: { type: 'string', description: 'ISO 8601 or the user’s words' },
  recurrence: { type: 'string' },
  remind_at: { type: 'string', description: '"30 minutes before", an instant, "default" or "none"' },
};

export const TODO_TOOLS: MCPTool[] = [
  {
    name: 'add_task',
    description: 'Create a new task for the signed-in user.',
    inputSchema: objectSchema(
      {
        title: { type: 'string', description: 'Task title, 1–200 characters' },
        description: { type: 'string' },
        ...FIELDS,
      },
      ['title'],
    ),
  },
  {
    name: 'list_tasks',
    description: 'List the user’s tasks.',
    inputSchema: objectSchema(
      {
        status: { type: 'string', enum: ['all', 'pending', 'completed'] },
        priority: { type: 'string', enum: ['high', 'medium', 'low', 'none'] },
        tags: FIELDS.tags,
        due: { type: 'string', enum: ['overdue', 'today', 'week', 'none'] },
        due_on: { type: 'string' },
        completed_within: { type: 'string', enum: ['today', 'week'] },
        sort: { type: 'string', enum: ['number', 'due', 'priority'] },
      },
      [],
    ),
  },
  {
    name: 'complete_task',
    description: 'Mark a task as complete (or pending again with completed=false).',
    inputSchema: objectSchema({ task_id: { type: 'integer' }, completed: { type: 'boolean' } }, ['task_id']),
  },
  {
    name: 'update_task',
    description: 'Change a task’s title, description, priority, tags, due date or repeat.',
    inputSchema: objectSchema(
      {
        task_id: { type: 'integer' },
        title: { type: 'string' },
        description: { type: 'string' },
        ...FIELDS,
        add_tags: FIELDS.tags,
        remove_tags: FIELDS.tags,
      },
      ['task_id'],
    ),
  },
  {
    name: 'delete_task',
    description: 'Delete a task.',
    inputSchema: objectSchema({ task_id: { type: 'integer' } }, ['task_id']),
  },
  {
    name: 'undo_last_change',
    description: 'Reverse the newest change of this conversation that is not undone yet.',
    inputSchema: objectSchema({}, []),
  },
];

const ALLOWED_ARGS: Record<string, string[]> = {
  add_task: ['title', 'description', 'priority', 'tags', 'due', 'recurrence', 'remind_at'],
  list_tasks: ['status', 'priority', 'tags', 'due', 'due_on', 'completed_within', 'sort'],
  complete_task: ['task_id', 'completed'],
  update_task: [
    'task_id',
    'title',
    'description',
    'priority',
    'tags',
    'add_tags',
    'remove_tags',
    'due',
    'recurrence',
    'remind_at',
  ],
  delete_task: ['task_id'],
  undo_last_change: [],
};

class ToolFailure extends Error {}

/** Same wording as the real MCP tools' not-found message. */
function describeNumbers(numbers: readonly number[]): string {
  if (numbers.length === 0) return 'You have no tasks yet.';
  if (numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1)) {
    return numbers.length === 1
      ? `Your only task is number ${numbers[0]}.`
      : `Your tasks are numbered ${numbers[0]}–${numbers[numbers.length - 1]}.`;
  }
  return `Your task numbers are ${numbers.join(', ')}.`;
}

type Row = Task;

/** One logged change, as the real tasks service logs it (tasks/task-changes.ts): undo reverses a turn's at once. */
interface LogEntry {
  turn: number;
  action: 'created' | 'deleted' | 'completed' | 'reopened' | 'updated';
  number: number;
  before: Row | null;
  after: Row | null;
  next?: number;
  undone: boolean;
}

/** The fields an undo of an edit sets back, by column name. */
const RESTORED: Array<[keyof Row, string]> = [
  ['title', 'title'],
  ['description', 'description'],
  ['completed', 'completed'],
  ['completedAt', 'completed_at'],
  ['priority', 'priority'],
  ['tags', 'tags'],
  ['dueAt', 'due_at'],
  ['dueAllDay', 'due_all_day'],
  ['dueTimeZone', 'due_time_zone'],
  ['recurrence', 'recurrence'],
  ['remindRule', 'remind_rule'],
  ['remindOffsetMinutes', 'remind_offset_minutes'],
  ['remindAt', 'remind_at'],
];

function copy(t: Row): Row {
  return Object.assign(new Task(), { ...t, tags: [...t.tags] });
}

/** Task numbers sorted the way the real list_tasks sorts them (see tasks/task-list-query.ts). */
const SORT_KEY: Record<string, (t: Row) => Array<number>> = {
  due: (t) => [t.dueAt?.getTime() ?? Infinity, t.number],
  priority: (t) => [t.priority ?? 4, t.dueAt?.getTime() ?? Infinity, t.number],
};

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

export class FakeTodoMcpServer implements MCPServer {
  readonly name = 'todo';
  cacheToolsList = false;
  readonly calls: RecordedCall[] = [];
  private tasks: Row[] = [];
  private lastNumber = 0;
  private readonly log: LogEntry[] = [];
  /** Changes of one turn share a batch, as a chat turn's do (see `beginTurn`). */
  private turn = 0;

  constructor(
    seed: readonly SeedTask[] = [],
    private readonly tools: MCPTool[] = TODO_TOOLS,
  ) {
    for (const s of seed) {
      const task = this.create({
        title: s.title,
        description: s.description,
        priority: s.priority,
        tags: s.tags,
        due: s.due,
        recurrence: s.recurrence,
      });
      task.completed = s.completed ?? s.completedAt !== undefined;
      task.completedAt = s.completedAt ? new Date(`${s.completedAt}Z`) : task.completed ? FAKE_NOW : null;
    }
  }

  /** A new chat turn starts: its changes are undone together, apart from the earlier turns'. */
  beginTurn(): void {
    this.turn += 1;
  }

  async connect(): Promise<void> {}
  async close(): Promise<void> {}
  async invalidateToolsCache(): Promise<void> {}

  async listTools(): Promise<MCPTool[]> {
    return this.tools;
  }

  /** The tasks as they are now, numbered as the user sees them. */
  snapshot(): StoredTask[] {
    return this.tasks.map((t) => {
      const due = dueOf(t);
      return {
        id: t.number,
        title: t.title,
        description: t.description,
        completed: t.completed,
        priority: priorityOf(t.priority),
        tags: [...t.tags],
        due: due ? localDue(due, FAKE_TIME_ZONE) : null,
        repeats: t.recurrence ? describeRecurrence(t.recurrence) : null,
      };
    });
  }

  async callTool(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResultContent> {
    const input = args ?? {};
    this.calls.push({ name: toolName, args: { ...input } });
    try {
      return [{ type: 'text', text: this.execute(toolName, input) }];
    } catch (error) {
      if (!(error instanceof ToolFailure) && !(error instanceof DomainError)) throw error;
      const content: CallToolResultContent = [{ type: 'text', text: error.message }];
      content.isError = true;
      return content;
    }
  }

  private out(t: Row, status: string): Record<string, unknown> {
    return { task_id: t.number, status, title: t.title, ...taskDetails(t, FAKE_TIME_ZONE, FAKE_NOW) };
  }

  private execute(name: string, args: Record<string, unknown>): string {
    const allowed = ALLOWED_ARGS[name];
    if (!allowed) throw new ToolFailure(`Unknown tool ${name}.`);
    const extra = Object.keys(args).filter((k) => !allowed.includes(k));
    if (extra.length > 0) throw new ToolFailure(`Unexpected argument ${extra.join(', ')}.`);
    switch (name) {
      case 'add_task': {
        const task = this.create({
          title: args.title,
          description: args.description,
          priority: args.priority,
          tags: args.tags,
          due: args.due,
          recurrence: args.recurrence,
        });
        if (args.remind_at !== undefined) this.remind(task, args.remind_at);
        this.record('created', null, task);
        return JSON.stringify(this.out(task, 'created'));
      }
      case 'list_tasks':
        return JSON.stringify(this.list(args));
      case 'complete_task': {
        const task = this.find(args.task_id);
        if (args.completed !== undefined && typeof args.completed !== 'boolean')
          throw new ToolFailure('completed must be true or false.');
        const completing = args.completed !== false && !task.completed;
        const before = copy(task);
        task.completed = args.completed !== false;
        task.completedAt = task.completed ? FAKE_NOW : null;
        const out = this.out(task, task.completed ? 'completed' : 'pending');
        const due = dueOf(task);
        if (completing && task.recurrence && due) {
          const next = this.create({ title: task.title, description: task.description ?? undefined });
          Object.assign(next, {
            priority: task.priority,
            tags: [...task.tags],
            recurrence: task.recurrence,
            ...dueColumns(nextDue(task.recurrence, due, FAKE_NOW)),
          });
          task.recurrence = null;
          this.record('completed', before, task, next.number);
          const { status: _status, ...nextOut } = this.out(next, 'created');
          return JSON.stringify({ ...this.out(task, 'completed'), next: nextOut });
        }
        this.record(stateChange(before, task), before, task);
        return JSON.stringify(out);
      }
      case 'update_task': {
        const task = this.find(args.task_id);
        const { task_id: _id, ...changes } = args;
        if (Object.keys(changes).length === 0)
          throw new ToolFailure('Nothing to update: give a field to change.');
        const before = copy(task);
        if (args.title !== undefined) task.title = this.title(args.title);
        if (args.description !== undefined) task.description = this.description(args.description);
        if (args.priority !== undefined)
          task.priority = args.priority === 'none' ? null : this.priority(args.priority);
        if (args.tags !== undefined) task.tags = cleanTags(this.strings(args.tags));
        if (args.add_tags !== undefined || args.remove_tags !== undefined)
          task.tags = editTags(
            task.tags,
            this.strings(args.add_tags ?? []),
            this.strings(args.remove_tags ?? []),
          );
        if (args.due !== undefined || args.recurrence !== undefined) {
          const none = (v: unknown) => (typeof v === 'string' && v.toLowerCase() === 'none' ? null : v);
          const schedule = planSchedule(
            {
              due: args.due === undefined ? undefined : (none(args.due) as string | null),
              recurrence: args.recurrence === undefined ? undefined : none(args.recurrence),
            },
            { due: dueOf(task), recurrence: task.recurrence },
            FAKE_TIME_ZONE,
            FAKE_NOW,
          );
          Object.assign(task, dueColumns(schedule.due), { recurrence: schedule.recurrence });
          this.remind(task);
        }
        if (args.remind_at !== undefined) this.remind(task, args.remind_at);
        this.record('updated', before, task);
        return JSON.stringify(this.out(task, 'updated'));
      }
      case 'undo_last_change':
        return JSON.stringify(this.undo());
      default: {
        const task = this.find(args.task_id);
        this.tasks = this.tasks.filter((t) => t !== task);
        this.record('deleted', task, null);
        return JSON.stringify(this.out(task, 'deleted'));
      }
    }
  }

  private record(action: LogEntry['action'], before: Row | null, after: Row | null, next?: number): void {
    const number = (after ?? before)!.number;
    this.log.push({
      turn: this.turn,
      action,
      number,
      before: before && copy(before),
      after: after && copy(after),
      ...(next !== undefined ? { next } : {}),
      undone: false,
    });
  }

  /** The newest turn's changes not undone yet, reversed as the real tool does, in its output's shape. */
  private undo(): Record<string, unknown> {
    const open = this.log.filter((e) => !e.undone);
    const newest = open[open.length - 1];
    if (!newest) return { status: 'nothing_to_undo', message: 'There is nothing to undo.', changes: [] };
    const entries = open.filter((e) => e.turn === newest.turn).reverse();
    const changes = entries.map((e) => {
      e.undone = true;
      const current = this.tasks.find((t) => t.number === e.number);
      const out: Record<string, unknown> = {
        task_id: e.number,
        title: (e.after ?? e.before)!.title,
        undid: e.action,
      };
      if (e.action === 'created') {
        this.tasks = this.tasks.filter((t) => t !== current);
        out.status = 'deleted';
      } else if (e.action === 'deleted') {
        this.tasks.push(copy(e.before!));
        this.tasks.sort((a, b) => a.number - b.number);
        out.status = 'restored';
      } else if (!current) {
        out.status = 'not_restored';
      } else {
        const fields = RESTORED.filter(
          ([key]) => JSON.stringify(e.before![key]) !== JSON.stringify(e.after![key]),
        );
        for (const [key] of fields) Object.assign(current, { [key]: e.before![key] });
        out.title = current.title;
        out.status =
          e.action === 'completed' ? 'pending' : e.action === 'reopened' ? 'completed' : 'restored';
        if (e.action === 'updated') out.fields = fields.map(([, column]) => column);
      }
      if (e.next !== undefined) {
        const next = this.tasks.find((t) => t.number === e.next);
        if (next) {
          this.tasks = this.tasks.filter((t) => t !== next);
          out.next_removed = { task_id: next.number, title: next.title };
        }
      }
      return out;
    });
    return { status: 'undone', message: 'Undone.', changes };
  }

  /** Sets a task's reminder from `remind_at` as the real tools read it (or follows its due date with the rule it has). */
  private remind(task: Row, input?: unknown): void {
    let rule: Reminder = {
      rule: task.remindRule ?? 'default',
      offsetMinutes: task.remindOffsetMinutes ?? null,
      at: task.remindRule === 'at' ? task.remindAt : null,
    };
    if (input !== undefined) {
      if (typeof input !== 'string') throw new ToolFailure('remind_at must be a string.');
      try {
        rule = parseReminder(input.toLowerCase() === 'none' ? null : input, FAKE_TIME_ZONE, FAKE_NOW);
      } catch (error) {
        throw new ToolFailure(`Invalid remind_at: ${(error as Error).message}`);
      }
    }
    const due = dueOf(task);
    if (rule.rule === 'before' && !due)
      throw new ToolFailure(
        'Invalid remind_at: a reminder "before" needs a due date; give the task one first.',
      );
    Object.assign(task, {
      remindRule: rule.rule,
      remindOffsetMinutes: rule.offsetMinutes,
      remindAt: reminderInstant(rule, due),
    });
  }

  private create(input: Record<string, unknown>): Row {
    const title = this.title(input.title);
    const description = this.description(input.description);
    const priority = input.priority === undefined ? null : this.priority(input.priority);
    const tags = input.tags === undefined ? [] : cleanTags(this.strings(input.tags));
    const schedule = planSchedule(
      { due: input.due as string | undefined, recurrence: input.recurrence },
      { due: null, recurrence: null },
      FAKE_TIME_ZONE,
      FAKE_NOW,
    );
    this.lastNumber += 1;
    const task = Object.assign(new Task(), {
      number: this.lastNumber,
      title,
      description,
      completed: false,
      completedAt: null,
      createdAt: FAKE_NOW,
      priority,
      tags,
      recurrence: schedule.recurrence,
      ...dueColumns(schedule.due),
    });
    this.tasks.push(task);
    return task;
  }

  private list(args: Record<string, unknown>): unknown[] {
    const status = args.status ?? 'all';
    if (status !== 'all' && status !== 'pending' && status !== 'completed')
      throw new ToolFailure('Status must be all, pending or completed.');
    const tags = args.tags === undefined ? [] : cleanTags(this.strings(args.tags));
    const window = (days: number) => daysFromToday(days, FAKE_TIME_ZONE, FAKE_NOW);
    const rows = this.tasks.filter((t) => {
      if (status !== 'all' && t.completed !== (status === 'completed')) return false;
      if (
        args.priority === 'none'
          ? t.priority !== null
          : args.priority !== undefined && priorityOf(t.priority) !== args.priority
      )
        return false;
      if (!tags.every((tag) => t.tags.includes(tag))) return false;
      const at = t.dueAt?.getTime();
      if (typeof args.due_on === 'string') {
        const { from, to } = dayBounds(args.due_on, FAKE_TIME_ZONE, FAKE_NOW);
        if (at === undefined || at < from.getTime() || at >= to.getTime()) return false;
      }
      if (args.completed_within === 'today' || args.completed_within === 'week') {
        const from = startOfDaysAgo(args.completed_within === 'today' ? 0 : 6, FAKE_TIME_ZONE, FAKE_NOW);
        if (!t.completed || !t.completedAt || t.completedAt < from) return false;
      }
      switch (args.due) {
        case 'overdue':
          return at !== undefined && at < FAKE_NOW.getTime() && !t.completed;
        case 'today':
        case 'week': {
          const { from, to } = window(args.due === 'today' ? 1 : 7);
          return at !== undefined && at >= from.getTime() && at < to.getTime();
        }
        case 'none':
          return at === undefined;
        default:
          return true;
      }
    });
    const key = typeof args.sort === 'string' ? SORT_KEY[args.sort] : undefined;
    if (key) rows.sort((a, b) => compareKeys(key(a), key(b)));
    return rows.map((t) => ({
      id: t.number,
      title: t.title,
      description: t.description,
      completed: t.completed,
      ...taskDetails(t, FAKE_TIME_ZONE, FAKE_NOW),
    }));
  }

  private find(id: unknown): Row {
    if (typeof id !== 'number' || !Number.isInteger(id))
      throw new ToolFailure('task_id must be a whole number.');
    const task = this.tasks.find((t) => t.number === id);
    if (task) return task;
    throw new ToolFailure(`Task ${id} was not found. ${describeNumbers(this.tasks.map((t) => t.number))}`);
  }

  private title(value: unknown): string {
    const title = typeof value === 'string' ? value.trim() : '';
    if (title.length === 0) throw new ToolFailure('A task needs a title (1–200 characters).');
    if (title.length > 200)
      throw new ToolFailure(`A title can be at most 200 characters (this one has ${title.length}).`);
    return title;
  }

  private description(value: unknown): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw new ToolFailure('The description must be text.');
    if (value.length > 1000) throw new ToolFailure('A description can be at most 1000 characters.');
    return value.trim() || null;
  }

  private priority(value: unknown): number {
    if (value !== 'high' && value !== 'medium' && value !== 'low')
      throw new ToolFailure('priority must be high, medium or low.');
    return priorityRank(value)!;
  }

  private strings(value: unknown): string[] {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      throw new ToolFailure('tags must be a list of strings.');
    return value as string[];
  }
}

function stateChange(before: Row, after: Row): LogEntry['action'] {
  if (before.completed === after.completed) return 'updated';
  return after.completed ? 'completed' : 'reopened';
}

function dueColumns(due: Due | null): Pick<Row, 'dueAt' | 'dueAllDay' | 'dueTimeZone'> {
  return { dueAt: due?.at ?? null, dueAllDay: due?.allDay ?? false, dueTimeZone: due?.timeZone ?? null };
}
