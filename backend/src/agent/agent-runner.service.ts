import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Runner,
  setTracingDisabled,
  type Model,
  type ModelProvider,
  type RunStreamEvent,
} from '@openai/agents';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InProcessMcpPool, InProcessMcpServer, MCPTool } from '../mcp/in-process-mcp.server';
import { authInfoFor } from '../mcp/mcp-token.verifier';
import { AgentTurnError, AgentTurnEvent, AgentTurnRequest, AgentTurnRunner } from './agent-turn';
import { toAgentInput, windowHistory } from './history';
import { createModelProvider, resolveModel } from './models/model-provider';
import { withHistory } from './models/with-history';
import { buildTodoAgent } from './todo.agent';
import { toTurnError } from './turn-errors';

// In-process MCP calls carry no bearer token: identity is the AuthInfo built here from the verified caller.
const IN_PROCESS_TOKEN = 'in-process';

/** Text the model saw as a tool's output: MCP text content arrives as `{type:'text', text}` (or a list of them). */
export function toolOutputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) return output.map(toolOutputText).join('');
  if (output && typeof output === 'object' && 'text' in output && typeof output.text === 'string')
    return output.text;
  return JSON.stringify(output ?? null);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function parseArguments(raw: string): Record<string, unknown> {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Runs one agent turn for one user: Agent + Runner of @openai/agents, the task tools through an
 * in-process MCP connection bound to that user, streamed as neutral AgentTurnEvents.
 */
@Injectable()
export class AgentRunnerService implements AgentTurnRunner {
  private readonly logger = new Logger('Agent');
  private readonly runner: Runner;
  private readonly provider: ModelProvider;
  private model: Promise<Model> | null = null;
  // The tool definitions never change within a process; listing them costs ~3 ms of schema conversion per turn.
  // Frozen: every run's tools share these schemas (the SDK no longer copies them), so none may change them.
  private toolList: MCPTool[] | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mcp: InProcessMcpPool,
  ) {
    if (!config.agentTracing) setTracingDisabled(true);
    this.provider = createModelProvider(config);
    // Tools of one model response run one after the other: "add eggs, bread and butter" numbers them in order.
    this.runner = new Runner({
      modelProvider: this.provider,
      tracingDisabled: !config.agentTracing,
      toolExecution: { maxFunctionToolConcurrency: 1 },
    });
  }

  async *runTurn(request: AgentTurnRequest): AsyncIterable<AgentTurnEvent> {
    const { signal } = request;
    if (signal.aborted) throw new AgentTurnError('aborted', 'The run was stopped.');
    const tools = new InProcessMcpServer(
      this.mcp,
      authInfoFor(
        request.userId,
        IN_PROCESS_TOKEN,
        Math.floor(Date.now() / 1000) + 3600,
        request.timeZone,
        request.conversation,
      ),
      this.toolList,
    );
    try {
      await tools.connect();
      this.toolList ??= deepFreeze(await tools.listTools());
      this.model ??= resolveModel(this.config, this.provider);
      const history = toAgentInput(windowHistory(request.history, this.config.agentHistoryItems));
      const agent = buildTodoAgent(tools, withHistory(await this.model, history), {
        listsShown: request.listsShown,
        siteInstructions: request.siteInstructions,
      });
      // An empty input continues the thread (after a client tool output): no new user message.
      const input = request.input === '' ? [] : toAgentInput([{ kind: 'user', text: request.input }]);
      this.logger.debug({ userId: request.userId, items: history.length + input.length });
      const stream = await this.runner.run(agent, input, {
        stream: true,
        signal,
        maxTurns: this.config.agentMaxTurns,
      });
      yield* this.translate(stream);
      await stream.completed;
      if (stream.error)
        throw stream.error instanceof Error ? stream.error : new Error(JSON.stringify(stream.error));
      // The SDK ends an aborted stream quietly; the caller must still learn the turn did not finish.
      if (signal.aborted) throw new AgentTurnError('aborted', 'The run was stopped.');
    } catch (err) {
      const turnError = toTurnError(err, signal);
      if (turnError.code !== 'aborted')
        this.logger.warn(
          `${turnError.code}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
      throw turnError;
    } finally {
      await tools.close().catch(() => undefined);
    }
  }

  /** Agents SDK stream events → AgentTurnEvents. */
  private async *translate(stream: AsyncIterable<RunStreamEvent>): AsyncIterable<AgentTurnEvent> {
    let messageId: string | null = null;
    let text = '';
    for await (const ev of stream) {
      if (ev.type === 'raw_model_stream_event') {
        if (ev.data.type === 'output_text_delta' && ev.data.delta) {
          messageId ??= `msg_${randomUUID().replace(/-/g, '')}`;
          text += ev.data.delta;
          yield { type: 'text_delta', messageId, delta: ev.data.delta };
        }
        continue;
      }
      if (ev.type !== 'run_item_stream_event') continue;
      if (ev.name === 'message_output_created' && ev.item.type === 'message_output_item') {
        const full = ev.item.content || text;
        messageId ??= `msg_${randomUUID().replace(/-/g, '')}`;
        if (full) yield { type: 'message_done', messageId, text: full };
        messageId = null;
        text = '';
      } else if (ev.name === 'tool_called' && ev.item.type === 'tool_call_item') {
        const raw = ev.item.rawItem;
        if (raw.type === 'function_call')
          yield {
            type: 'tool_called',
            callId: raw.callId,
            name: raw.name,
            arguments: parseArguments(raw.arguments),
          };
      } else if (ev.name === 'tool_output' && ev.item.type === 'tool_call_output_item') {
        const raw = ev.item.rawItem;
        if (raw.type !== 'function_call_result') continue;
        const custom = ev.item.customData as { isError?: boolean; data?: unknown } | undefined;
        // Custom data comes only from a call that reached our MCP tools. Without it the SDK answered the model
        // itself — arguments that are not JSON, a tool that threw — so nothing ran: an error, never a success
        // (a malformed `add_task` showed "Added the task" and was stored as a successful call).
        const isError = custom?.isError !== false;
        yield {
          type: 'tool_output',
          callId: raw.callId,
          name: raw.name,
          output: toolOutputText(ev.item.output),
          isError,
          ...(custom?.data !== undefined && !isError ? { data: custom.data } : {}),
        };
      }
    }
  }
}
