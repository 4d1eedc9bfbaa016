import { MaxTurnsExceededError, ModelBehaviorError, ModelTimeoutError, ToolCallError } from '@openai/agents';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { AgentTurnError } from './agent-turn';
import { toTurnError } from './turn-errors';

const live = new AbortController().signal;
const http = (status: number, error: Record<string, string> = {}) =>
  APIError.generate(status, { error: { message: 'nope', ...error } }, undefined, new Headers());

describe('toTurnError (what made a turn fail)', () => {
  it.each([
    ['a 429 (rate limit)', http(429), 'model_busy'],
    ['a 503 (overloaded)', http(503), 'model_busy'],
    [
      'a refused connection',
      new APIConnectionError({ cause: new Error('connect ECONNREFUSED') }),
      'model_unreachable',
    ],
    [
      'an unknown host',
      new APIConnectionError({ cause: new Error('getaddrinfo ENOTFOUND') }),
      'model_unreachable',
    ],
    ["the client's timeout", new APIConnectionTimeoutError(), 'model_timeout'],
    ["the SDK's model timeout", new ModelTimeoutError({ timeoutMs: 100 }), 'model_timeout'],
    [
      'a tool the agent does not have',
      new ModelBehaviorError('Tool drop_db not found in agent'),
      'model_invalid_response',
    ],
    ['too many turns', new MaxTurnsExceededError('Max turns (8) exceeded'), 'max_turns'],
    ['a tool that threw', new ToolCallError('failed', new Error('db down')), 'tool_error'],
    ['a 500', http(500), 'model_error'],
    ['a bad key (401)', http(401), 'model_refused'],
    ['no access to the model (403)', http(403), 'model_refused'],
    ['a model name the server does not know (404)', http(404, { code: 'model_not_found' }), 'model_refused'],
    [
      'an account out of credit (429 insufficient_quota)',
      http(429, { type: 'insufficient_quota', code: 'insufficient_quota' }),
      'model_refused',
    ],
    [
      'a rate limit that names itself (429 rate_limit_exceeded)',
      http(429, { code: 'rate_limit_exceeded' }),
      'model_busy',
    ],
    ['a request the server could not read (400)', http(400), 'model_error'],
    ['anything else', new Error('boom'), 'model_error'],
  ])('%s → %s', (_what, err, code) => {
    const turnError = toTurnError(err, live);
    expect(turnError).toBeInstanceOf(AgentTurnError);
    expect(turnError.code).toBe(code);
    expect(turnError.cause).toBe(err);
  });

  it('knows the openai error classes by what they are', () => {
    expect(http(429)).toBeInstanceOf(RateLimitError);
    expect(http(503)).toBeInstanceOf(InternalServerError);
    expect(http(401)).toBeInstanceOf(AuthenticationError);
  });

  it('finds the cause inside wrapping errors, and keeps a typed error as it is', () => {
    const wrapped = new Error('model call failed', { cause: http(429) });
    expect(toTurnError(wrapped, live).code).toBe('model_busy');
    const own = new AgentTurnError('model_timeout', 'silent');
    expect(toTurnError(own, live)).toBe(own);
    expect(toTurnError(new Error('outer', { cause: own }), live)).toBe(own);
  });

  it('says a stopped run was aborted, whatever the error', () => {
    const stopped = new AbortController();
    stopped.abort();
    expect(toTurnError(http(429), stopped.signal).code).toBe('aborted');
  });

  it('keeps the technical detail in the message (for logs), never in what users are told', () => {
    expect(toTurnError(http(429), live).message).toContain('HTTP 429');
    expect(toTurnError(http(401, { message: 'Incorrect API key provided' }), live).message).toBe(
      'The model server refused the request (HTTP 401): 401 Incorrect API key provided',
    );
    expect(
      toTurnError(new APIConnectionError({ cause: new Error('connect ECONNREFUSED') }), live).message,
    ).toContain('ECONNREFUSED');
  });
});
