import type { INestApplication } from '@nestjs/common';
import {
  AgentTurnError,
  AgentTurnEvent,
  AgentTurnRequest,
  AgentTurnRunner,
} from '../../src/agent/agent-turn';
import { TasksService } from '../../src/tasks/tasks.service';

/** What a script may use: the request and the real tasks service (tools act for `req.userId`). */
export interface ScriptContext {
  req: AgentTurnRequest;
  tasks: TasksService;
}

export type Script = (ctx: ScriptContext) => AsyncGenerator<AgentTurnEvent>;

let seq = 0;

/**
 * A test-only AgentTurnRunner that plays queued scripts, for exact control over event order, failures and
 * timing. Tools in scripts call the real TasksService, as the real agent's MCP tools do.
 */
export class ScriptedRunner implements AgentTurnRunner {
  readonly requests: AgentTurnRequest[] = [];
  private readonly scripts: Script[] = [];
  private tasks?: TasksService;

  /** Binds to the app's TasksService (call once the app is up). */
  attach(app: INestApplication): this {
    this.tasks = app.get(TasksService);
    return this;
  }

  /** Queues the scripts of the next turns. */
  next(...scripts: Script[]): this {
    this.scripts.push(...scripts);
    return this;
  }

  get pending(): number {
    return this.scripts.length;
  }

  runTurn(req: AgentTurnRequest): AsyncIterable<AgentTurnEvent> {
    this.requests.push(req);
    const script = this.scripts.shift() ?? say('(no script queued)');
    if (!this.tasks) throw new Error('ScriptedRunner.attach(app) was not called');
    return script({ req, tasks: this.tasks });
  }
}

/** Plays several scripts one after the other, as one turn. */
export function steps(...parts: Script[]): Script {
  return async function* (ctx) {
    for (const part of parts) yield* part(ctx);
  };
}

/** An assistant message streamed in the given pieces (default: word by word). */
export function say(text: string, pieces: string[] = text.match(/\S+\s*/g) ?? [text]): Script {
  return async function* () {
    const messageId = `scripted_${++seq}`;
    for (const delta of pieces) yield { type: 'text_delta', messageId, delta };
    yield { type: 'message_done', messageId, text };
  };
}

/** Assistant text that is streamed but never finished (the run breaks or stops after it). */
export function partial(text: string): Script {
  return async function* () {
    yield { type: 'text_delta', messageId: `scripted_${++seq}`, delta: text };
  };
}

/** A tool call: `run` acts (through the real service) and returns the JSON result; a throw is an error result. */
export function tool(
  name: string,
  args: Record<string, unknown>,
  run: (ctx: ScriptContext) => Promise<unknown>,
): Script {
  return async function* (ctx) {
    const callId = `call_${++seq}`;
    yield { type: 'tool_called', callId, name, arguments: args };
    try {
      const data = await run(ctx);
      yield { type: 'tool_output', callId, name, output: JSON.stringify(data), isError: false, data };
    } catch (err) {
      yield {
        type: 'tool_output',
        callId,
        name,
        output: err instanceof Error ? err.message : String(err),
        isError: true,
      };
    }
  };
}

/** `add_task` through the real service, as the MCP tool answers. */
export function addTask(title: string): Script {
  return tool('add_task', { title }, async ({ req, tasks }) => {
    const t = await tasks.create(req.userId, { title });
    return { task_id: t.number, status: 'created', title: t.title };
  });
}

/** `list_tasks` through the real service, as the MCP tool answers (structured data `{ tasks }`). */
export function listTasks(): Script {
  return async function* (ctx) {
    const callId = `call_${++seq}`;
    yield { type: 'tool_called', callId, name: 'list_tasks', arguments: { status: 'all' } };
    const tasks = (await ctx.tasks.all(ctx.req.userId)).map((t) => ({
      id: t.number,
      title: t.title,
      description: t.description,
      completed: t.completed,
      created_at: t.createdAt.toISOString(),
    }));
    yield {
      type: 'tool_output',
      callId,
      name: 'list_tasks',
      output: JSON.stringify(tasks),
      isError: false,
      data: { tasks },
    };
  };
}

/** Fails the run the way the real runner does. */
export function fail(code: AgentTurnError['code'] = 'model_error'): Script {
  // eslint-disable-next-line require-yield
  return async function* () {
    throw new AgentTurnError(code, `scripted ${code}`);
  };
}

/** Waits for `gate` before going on (to observe what the client received meanwhile). */
export function waitFor(gate: Promise<unknown>): Script {
  // eslint-disable-next-line require-yield
  return async function* () {
    await gate;
  };
}

/** Never ends on its own: ends (as the real runner does) with `aborted` when the request's signal fires. */
export function untilAborted(): Script {
  // eslint-disable-next-line require-yield
  return async function* ({ req }) {
    await new Promise<void>((resolve) => {
      if (req.signal.aborted) resolve();
      req.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    throw new AgentTurnError('aborted', 'The run was stopped.');
  };
}

/** A promise with its resolve function, to release a waiting script. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
