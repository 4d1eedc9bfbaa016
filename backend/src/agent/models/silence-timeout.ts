import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents';
import { AgentTurnError } from '../agent-turn';

/**
 * A model that fails, instead of waiting forever, when it stays silent for `ms`: no response headers, or a
 * stream that stops sending (`AGENT_MODEL_TIMEOUT_MS`). The OpenAI client's own timeout only covers the wait for
 * headers and defaults to 10 minutes per attempt, retries included; a stalled local server hung the turn that long.
 * Only model calls are timed: the time tools take between two calls does not count. The call's own signal still
 * stops it (the client went away); a timeout ends the turn with a retryable `model_timeout`.
 */
export function withSilenceTimeout(model: Model, ms: number): Model {
  const timedOut = () =>
    new AgentTurnError('model_timeout', `The model sent nothing for ${ms} ms and was stopped.`);

  /** Runs `call` with a signal that also fires after `ms` without a chunk. */
  async function* timed<T>(
    request: ModelRequest,
    call: (req: ModelRequest) => AsyncIterable<T>,
  ): AsyncGenerator<T> {
    const silence = new AbortController();
    // One timer per call, re-armed by every chunk (`refresh`): a new timer per chunk was ~30 allocations a turn.
    const timer = setTimeout(() => silence.abort(timedOut()), ms);
    const signal = request.signal ? AbortSignal.any([request.signal, silence.signal]) : silence.signal;
    try {
      for await (const ev of call({ ...request, signal })) {
        timer.refresh();
        yield ev;
      }
    } catch (err) {
      if (silence.signal.aborted && !request.signal?.aborted) throw timedOut();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    if (silence.signal.aborted && !request.signal?.aborted) throw timedOut();
  }

  return {
    getStreamedResponse: (request: ModelRequest): AsyncIterable<StreamEvent> =>
      timed(request, (req) => model.getStreamedResponse(req)),
    getResponse: async (request: ModelRequest): Promise<ModelResponse> => {
      for await (const response of timed(request, (req) => once(model.getResponse(req)))) return response;
      throw timedOut();
    },
    ...(model.getRetryAdvice ? { getRetryAdvice: model.getRetryAdvice.bind(model) } : {}),
  };
}

async function* once<T>(value: Promise<T>): AsyncGenerator<T> {
  yield await value;
}
