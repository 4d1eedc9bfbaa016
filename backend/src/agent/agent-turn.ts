/**
 * The contract between the agent module and whoever orders a chat turn (chat/, chatkit/).
 * Neutral types: no ChatKit and no Agents-SDK shapes cross this boundary.
 */

/** One stored conversation item, as the model needs to see it again on the next turn. */
export type ConversationItem =
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string }
  /** A tool call the agent made and what it returned (output is the text the model saw). */
  | { kind: 'tool'; callId: string; name: string; arguments: string; output: string }
  /** Context for the model that the user never sees (a widget action, a cancelled run…). */
  | { kind: 'context'; text: string };

export interface AgentTurnRequest {
  /** From the verified token only. Every tool call of the turn acts for this user. */
  userId: string;
  /** Earlier items of the thread, oldest first, already windowed by the caller's query (newest N). */
  history: ConversationItem[];
  /** The new user message (already stored by the caller before the run); '' continues without one. */
  input: string;
  /** Aborted when the client goes away: the run stops. */
  signal: AbortSignal;
  /** Locale of the client (Accept-Language), for models that can answer in it. */
  locale?: string;
  /** The client's IANA time zone: the tools resolve and show dates in it. */
  timeZone?: string;
  /** The client draws every list_tasks result as a task list (ChatKit): the answer need not spell it out. */
  listsShown?: boolean;
  /** What the embedding site asks of the assistant (its `instructions` setting), for real models. */
  siteInstructions?: string;
  /**
   * The conversation the turn runs in and the batch its task changes are logged under: the tools record changes
   * with them, and `undo_last_change` reverses this conversation's changes only.
   */
  conversation?: { threadId: string; changeBatch: string };
}

/** What a streaming agent turn produces, in order. */
export type AgentTurnEvent =
  /** A piece of assistant text; `messageId` groups the deltas of one message. */
  | { type: 'text_delta'; messageId: string; delta: string }
  /** A whole assistant message, after its deltas. */
  | { type: 'message_done'; messageId: string; text: string }
  | { type: 'tool_called'; callId: string; name: string; arguments: Record<string, unknown> }
  /** `output` is the text the model sees; `data` the tool's structured result when it succeeded. */
  | { type: 'tool_output'; callId: string; name: string; output: string; isError: boolean; data?: unknown };

/**
 * Typed failures of a turn, for the caller to map to protocol errors and to words that say what happened:
 * - `max_turns`: the run took more model calls than AGENT_MAX_TURNS;
 * - `model_busy`: the model server is rate-limiting or overloaded (HTTP 429, 503);
 * - `model_refused`: the model server refused the assistant's settings — its key (401), its access (403), the model
 *   name (404), or an account out of quota (429 `insufficient_quota`): waiting does not help, whoever runs
 *   the backend must change them;
 * - `model_unreachable`: no connection to the model server (refused, DNS, reset);
 * - `model_timeout`: the model server stayed silent too long (AGENT_MODEL_TIMEOUT_MS, or the client's timeout);
 * - `model_invalid_response`: it answered something unusable (not its wire format, no answer at all, a tool
 *   that does not exist);
 * - `model_error`: any other model failure (a 500, a refused request); `tool_error`: a tool threw;
 * - `aborted`: the client went away.
 */
export type AgentErrorCode =
  | 'max_turns'
  | 'model_busy'
  | 'model_refused'
  | 'model_unreachable'
  | 'model_timeout'
  | 'model_invalid_response'
  | 'model_error'
  | 'tool_error'
  | 'aborted';

export class AgentTurnError extends Error {
  constructor(
    readonly code: AgentErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'AgentTurnError';
  }
}

/** Runs one turn; the iterable ends when the agent has answered, or throws AgentTurnError. */
export interface AgentTurnRunner {
  runTurn(request: AgentTurnRequest): AsyncIterable<AgentTurnEvent>;
}

/** Nest injection token of the AgentTurnRunner. */
export const AGENT_TURN_RUNNER = Symbol('AGENT_TURN_RUNNER');
