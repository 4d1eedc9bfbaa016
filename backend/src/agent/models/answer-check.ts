import type { Model, ModelRequest, ModelResponse } from '@openai/agents';
import { OpenAIError } from 'openai';
import { AgentTurnError } from '../agent-turn';

/** A model answer holds something the run can use: text, a tool call… (reasoning alone is nothing). */
function usable(output: ModelResponse['output']): boolean {
  return output.some((item) => item.type !== 'reasoning');
}

function nothingUsable(): AgentTurnError {
  return new AgentTurnError(
    'model_invalid_response',
    'The model server answered, but with no message or tool call.',
  );
}

/**
 * A parse failure while reading the model's answer (not JSON, not the expected shapes) is an unusable answer;
 * the client's own errors (HTTP, connection, abort) and ours keep their meaning.
 */
function unreadable(err: unknown): unknown {
  if (err instanceof AgentTurnError || err instanceof OpenAIError) return err;
  // A TypeError with a cause is fetch's: the connection broke while the answer was read.
  if (err instanceof SyntaxError || (err instanceof TypeError && err.cause === undefined))
    return new AgentTurnError(
      'model_invalid_response',
      `The model's answer could not be read: ${err.message}`,
      err,
    );
  return err;
}

/**
 * A model whose unusable answers fail the turn as `model_invalid_response`: a server answering something that is
 * not its wire format (the Agents SDK would otherwise read an empty answer and ask again until AGENT_MAX_TURNS,
 * which the user would hear as "too many steps"), or whose chunks do not parse.
 */
export function withAnswerCheck(model: Model): Model {
  return {
    async *getStreamedResponse(request: ModelRequest) {
      try {
        for await (const ev of model.getStreamedResponse(request)) {
          if (ev.type === 'response_done' && !usable(ev.response.output)) throw nothingUsable();
          yield ev;
        }
      } catch (err) {
        throw unreadable(err);
      }
    },
    async getResponse(request: ModelRequest): Promise<ModelResponse> {
      const response = await model.getResponse(request).catch((err: unknown) => {
        throw unreadable(err);
      });
      if (!usable(response.output)) throw nothingUsable();
      return response;
    },
    ...(model.getRetryAdvice ? { getRetryAdvice: model.getRetryAdvice.bind(model) } : {}),
  };
}
