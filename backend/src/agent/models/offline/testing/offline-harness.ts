/**
 * Test harness: one conversation with the offline model through the real `Agent` + `Runner` of
 * @openai/agents and the in-memory MCP server. History is carried between turns through a JSON round
 * trip, the way a database would store and replay it.
 */
import {
  Agent,
  type AgentInputItem,
  type FunctionCallItem,
  Runner,
  type RunStreamEvent,
  setTracingDisabled,
  user,
} from '@openai/agents';
import { OFFLINE_MODEL_NAME, OfflineModelProvider } from '../offline-model.provider';
import { FakeTodoMcpServer, type SeedTask, type StoredTask } from './fake-todo-mcp-server';

setTracingDisabled(true);

export interface ModelCall {
  name: string;
  args: Record<string, unknown>;
}

export interface TurnResult {
  /** Tool calls the model made, in order, with parsed arguments. */
  calls: ModelCall[];
  reply: string;
  tasks: StoredTask[];
  /** Streaming only: event names in order (`text_delta`, `tool_called`, `tool_output`, `message_output_created`). */
  events: string[];
  /** Streaming only: the text deltas. */
  deltas: string[];
}

export const TEST_INSTRUCTIONS =
  'You manage the user’s to-do list with the add_task, list_tasks, complete_task, update_task, delete_task and ' +
  'undo_last_change tools.';

export class OfflineConversation {
  readonly server: FakeTodoMcpServer;
  private readonly agent: Agent;
  private readonly runner = new Runner({
    modelProvider: new OfflineModelProvider(),
    model: OFFLINE_MODEL_NAME,
    tracingDisabled: true,
  });
  private history: AgentInputItem[] = [];

  constructor(seed: readonly SeedTask[] = [], server?: FakeTodoMcpServer, instructions = TEST_INSTRUCTIONS) {
    this.server = server ?? new FakeTodoMcpServer(seed);
    this.agent = new Agent({
      name: 'Todo Assistant',
      instructions,
      mcpServers: [this.server],
    });
  }

  /** The stored history (what the next turn replays). */
  get items(): AgentInputItem[] {
    return this.history;
  }

  async say(text: string, options: { stream?: boolean; signal?: AbortSignal } = {}): Promise<TurnResult> {
    this.server.beginTurn();
    const input: AgentInputItem[] = [...this.history, user(text)];
    const events: string[] = [];
    const deltas: string[] = [];
    let newItems;
    let reply: string;
    let history: AgentInputItem[];
    if (options.stream) {
      const result = await this.runner.run(this.agent, input, { stream: true, signal: options.signal });
      for await (const event of result as AsyncIterable<RunStreamEvent>) {
        if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') {
          events.push('text_delta');
          deltas.push(event.data.delta);
        } else if (event.type === 'run_item_stream_event') {
          events.push(event.name);
        }
      }
      await result.completed;
      newItems = result.newItems;
      reply = String(result.finalOutput ?? '');
      history = result.history;
    } else {
      const result = await this.runner.run(this.agent, input, { signal: options.signal });
      newItems = result.newItems;
      reply = String(result.finalOutput ?? '');
      history = result.history;
    }
    this.history = JSON.parse(JSON.stringify(history)) as AgentInputItem[];
    const calls = newItems
      .filter((item) => item.type === 'tool_call_item')
      .map((item) => item.rawItem as FunctionCallItem)
      .map((raw) => ({ name: raw.name, args: JSON.parse(raw.arguments) as Record<string, unknown> }));
    return { calls, reply, tasks: this.server.snapshot(), events, deltas };
  }
}
