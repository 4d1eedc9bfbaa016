import type { AgentInputItem, Model, ModelRequest } from '@openai/agents';

/**
 * The model, seeing the thread's earlier items before what the Runner sends it. The Runner is given only the
 * new user message: it keys, clones and reconciles every input item on every model call (JSON of each item,
 * several times), which cost ~2 ms per turn with a full history window — a third of a turn's CPU. The model
 * receives exactly what it received when the history was the Runner's input: the earlier items, then the
 * turn's own items.
 */
export function withHistory(model: Model, history: AgentInputItem[]): Model {
  if (history.length === 0) return model;
  const withEarlier = (request: ModelRequest): ModelRequest => ({
    ...request,
    input: [
      ...history,
      ...(typeof request.input === 'string'
        ? [{ type: 'message' as const, role: 'user' as const, content: request.input }]
        : request.input),
    ],
  });
  return {
    getResponse: (request) => model.getResponse(withEarlier(request)),
    getStreamedResponse: (request) => model.getStreamedResponse(withEarlier(request)),
    ...(model.getRetryAdvice ? { getRetryAdvice: model.getRetryAdvice.bind(model) } : {}),
  };
}
