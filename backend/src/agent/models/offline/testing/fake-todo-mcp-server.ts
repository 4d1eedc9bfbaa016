/**
 * Test double: an in-memory `MCPServer` exposing the five todo tools with exactly the contract's outputs
 * (JSON text on success, a plain sentence with `isError` on failure). Used by the offline model's specs to
 * run the real Agent + Runner without a database.
 */
import type { CallToolResultContent, MCPServer } from '@openai/agents';

/** An MCP tool definition (the SDK's `MCPTool`, which the package root does not export). */
export type MCPTool = Awaited<ReturnType<MCPServer['listTools']>>[number];

export interface SeedTask {
  title: string;
  description?: string;
  completed?: boolean;
}

export interface StoredTask {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
}

export interface RecordedCall {
  name: string;
  args: Record<string, unknown>;
}

const objectSchema = (properties: Record<string, unknown>, required: string[]): MCPTool['inputSchema'] => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

export const TODO_TOOLS: MCPTool[] = [
  {
    name: 'add_task',
    description: 'Create a new task for the signed-in user.',
    inputSchema: objectSchema(
      {
        title: { type: 'string', description: 'Task title, 1–200 characters' },
        description: { type: 'string' },
      },
      ['title'],
    ),
  },
  {
    name: 'list_tasks',
    description: 'List the user’s tasks.',
    inputSchema: objectSchema({ status: { type: 'string', enum: ['all', 'pending', 'completed'] } }, []),
  },
  {
    name: 'complete_task',
    description: 'Mark a task as complete (or pending again with completed=false).',
    inputSchema: objectSchema({ task_id: { type: 'integer' }, completed: { type: 'boolean' } }, ['task_id']),
  },
  {
    name: 'update_task',
    description: 'Change a task’s title or description.',
    inputSchema: objectSchema(
      { task_id: { type: 'integer' }, title: { type: 'string' }, description: { type: 'string' } },
      ['task_id'],
    ),
  },
  {
    name: 'delete_task',
    description: 'Delete a task.',
    inputSchema: objectSchema({ task_id: { type: 'integer' } }, ['task_id']),
  },
];

const ALLOWED_ARGS: Record<string, string[]> = {
  add_task: ['title', 'description'],
  list_tasks: ['status'],
  complete_task: ['task_id', 'completed'],
  update_task: ['task_id', 'title', 'description'],
  delete_task: ['task_id'],
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

export class FakeTodoMcpServer implements MCPServer {
  readonly name = 'todo';
  cacheToolsList = false;
  readonly calls: RecordedCall[] = [];
  private tasks: StoredTask[] = [];
  private lastNumber = 0;

  constructor(
    seed: readonly SeedTask[] = [],
    private readonly tools: MCPTool[] = TODO_TOOLS,
  ) {
    for (const s of seed) {
      this.lastNumber += 1;
      this.tasks.push({
        id: this.lastNumber,
        title: s.title,
        description: s.description ?? null,
        completed: s.completed ?? false,
      });
    }
  }

  async connect(): Promise<void> {}
  async close(): Promise<void> {}
  async invalidateToolsCache(): Promise<void> {}

  async listTools(): Promise<MCPTool[]> {
    return this.tools;
  }

  /** The tasks as they are now, numbered as the user sees them. */
  snapshot(): StoredTask[] {
    return this.tasks.map((t) => ({ ...t }));
  }

  async callTool(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResultContent> {
    const input = args ?? {};
    this.calls.push({ name: toolName, args: { ...input } });
    try {
      return [{ type: 'text', text: this.execute(toolName, input) }];
    } catch (error) {
      if (!(error instanceof ToolFailure)) throw error;
      const content: CallToolResultContent = [{ type: 'text', text: error.message }];
      content.isError = true;
      return content;
    }
  }

  private execute(name: string, args: Record<string, unknown>): string {
    const allowed = ALLOWED_ARGS[name];
    if (!allowed) throw new ToolFailure(`Unknown tool ${name}.`);
    const extra = Object.keys(args).filter((k) => !allowed.includes(k));
    if (extra.length > 0) throw new ToolFailure(`Unexpected argument ${extra.join(', ')}.`);
    switch (name) {
      case 'add_task': {
        const title = this.title(args.title);
        this.lastNumber += 1;
        const task: StoredTask = {
          id: this.lastNumber,
          title,
          description: this.description(args.description),
          completed: false,
        };
        this.tasks.push(task);
        return JSON.stringify({ task_id: task.id, status: 'created', title: task.title });
      }
      case 'list_tasks': {
        const status = args.status ?? 'all';
        if (status !== 'all' && status !== 'pending' && status !== 'completed')
          throw new ToolFailure('Status must be all, pending or completed.');
        const rows = this.tasks.filter((t) => status === 'all' || t.completed === (status === 'completed'));
        return JSON.stringify(
          rows.map((t) => ({ id: t.id, title: t.title, description: t.description, completed: t.completed })),
        );
      }
      case 'complete_task': {
        const task = this.find(args.task_id);
        if (args.completed !== undefined && typeof args.completed !== 'boolean')
          throw new ToolFailure('completed must be true or false.');
        task.completed = args.completed !== false;
        return JSON.stringify({
          task_id: task.id,
          status: task.completed ? 'completed' : 'pending',
          title: task.title,
        });
      }
      case 'update_task': {
        const task = this.find(args.task_id);
        if (args.title === undefined && args.description === undefined)
          throw new ToolFailure('Nothing to update: give a title or a description.');
        if (args.title !== undefined) task.title = this.title(args.title);
        if (args.description !== undefined) task.description = this.description(args.description);
        return JSON.stringify({ task_id: task.id, status: 'updated', title: task.title });
      }
      default: {
        const task = this.find(args.task_id);
        this.tasks = this.tasks.filter((t) => t !== task);
        return JSON.stringify({ task_id: task.id, status: 'deleted', title: task.title });
      }
    }
  }

  private find(id: unknown): StoredTask {
    if (typeof id !== 'number' || !Number.isInteger(id))
      throw new ToolFailure('task_id must be a whole number.');
    const task = this.tasks.find((t) => t.id === id);
    if (task) return task;
    throw new ToolFailure(`Task ${id} was not found. ${describeNumbers(this.tasks.map((t) => t.id))}`);
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
}
