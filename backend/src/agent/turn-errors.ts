import { MaxTurnsExceededError, ModelBehaviorError, ModelTimeoutError, ToolCallError } from '@openai/agents';
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { AgentTurnError } from './agent-turn';

/** Statuses of a model server that is rate-limiting or overloaded: waiting and retrying helps. */
const BUSY_STATUSES = new Set([429, 503, 529]);
/** Statuses of a model server refusing the assistant's settings (key, access, model name): retrying never helps. */
const REFUSED_STATUSES = new Set([401, 403, 404]);

/** OpenAI answers an account out of credit with a 429 like a rate limit; only its code tells them apart. */
function outOfQuota(err: APIError): boolean {
  return err.status === 429 && (err.code === 'insufficient_quota' || err.type === 'insufficient_quota');
}

/** The error and what it wraps (`cause`; a ToolCallError's `error`), outermost first. */
function chainOf(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && chain.length < 8 && !chain.includes(e);) {
    chain.push(e);
    e = e instanceof Error ? e.cause : undefined;
  }
  return chain;
}

/**
 * What made a turn fail, from the Agents SDK's errors and the openai client's (possibly wrapped): the code says
 * the cause for the user's words; the message keeps the technical detail for the logs.
 */
export function toTurnError(err: unknown, signal: AbortSignal): AgentTurnError {
  if (err instanceof AgentTurnError) return err;
  if (signal.aborted) return new AgentTurnError('aborted', 'The run was stopped.', err);
  if (err instanceof MaxTurnsExceededError)
    return new AgentTurnError('max_turns', 'The assistant needed too many steps and stopped.', err);
  if (err instanceof ToolCallError) return new AgentTurnError('tool_error', 'A task tool failed.', err);
  const chain = chainOf(err);
  const own = chain.find((e): e is AgentTurnError => e instanceof AgentTurnError);
  if (own) return own;
  if (chain.some((e) => e instanceof ModelTimeoutError || e instanceof APIConnectionTimeoutError))
    return new AgentTurnError('model_timeout', 'The model server did not answer in time.', err);
  const connection = chain.find((e) => e instanceof APIConnectionError);
  if (connection)
    return new AgentTurnError(
      'model_unreachable',
      `The model server could not be reached: ${chain.map((e) => (e instanceof Error ? e.message : String(e))).join(' ← ')}`,
      err,
    );
  const apiError = chain.find((e): e is APIError => e instanceof APIError && typeof e.status === 'number');
  const status = apiError?.status;
  if (apiError && ((status !== undefined && REFUSED_STATUSES.has(status)) || outOfQuota(apiError)))
    return new AgentTurnError(
      'model_refused',
      `The model server refused the request (HTTP ${apiError.status}): ${apiError.message}`,
      err,
    );
  if (status !== undefined && BUSY_STATUSES.has(status))
    return new AgentTurnError('model_busy', `The model server is busy (HTTP ${status}).`, err);
  if (chain.some((e) => e instanceof ModelBehaviorError))
    return new AgentTurnError(
      'model_invalid_response',
      'The model answered in a way that could not be used.',
      err,
    );
  return new AgentTurnError(
    'model_error',
    status === undefined ? 'The model could not answer.' : `The model server answered HTTP ${status}.`,
    err,
  );
}
