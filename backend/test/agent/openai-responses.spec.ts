import { OpenAIChatCompletionsModel, OpenAIResponsesModel } from '@openai/agents';
import { AgentRunnerService } from '../../src/agent/agent-runner.service';
import { createModelProvider } from '../../src/agent/models/model-provider';
import { TODO_AGENT_INSTRUCTIONS } from '../../src/agent/todo.agent';
import { buildConfig } from '../../src/config/app-config';
import { parseEnv } from '../../src/config/config.schema';
import { collectTurn, replyOf } from '../support/agent-turns';
import { OpenAIResponsesStub } from '../support/openai-responses-stub';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_AUTH_SECRET } from '../support/test-database';
import { api, signUp, TestUser } from '../support/users';

/** The Responses path (OPENAI_API=responses): the real @openai/agents Responses code against a local stub. */
describe('agent on the OpenAI Responses API (local /v1/responses stub)', () => {
  const stub = new OpenAIResponsesStub();
  let t: TestApp;
  let user: TestUser;
  let runner: AgentRunnerService;

  beforeAll(async () => {
    await stub.start();
    t = await startTestApp({
      OPENAI_BASE_URL: stub.url,
      OPENAI_API: 'responses',
      AGENT_MODEL: 'responses-model',
      OPENAI_API_KEY: 'sk-responses-test',
    });
    user = await signUp(t.url);
    runner = t.app.get(AgentRunnerService);
  });
  afterAll(async () => {
    await t.close();
    await stub.stop();
  });

  it('round-trips a function call: tools, instructions and input go out; the tool really runs; its output goes back', async () => {
    stub.reset();
    stub.reply(
      {
        functionCalls: [
          { callId: 'call_1', name: 'add_task', arguments: JSON.stringify({ title: 'Buy milk' }) },
        ],
      },
      { text: ['Added ', 'task 1: ', '“Buy milk”.'] },
    );

    const history = [
      { kind: 'user' as const, text: 'hello there' },
      { kind: 'assistant' as const, text: 'Hi! What can I do?' },
    ];
    const events = await collectTurn(runner, user.id, 'add buy milk', history);

    expect(events.map((e) => e.type)).toEqual([
      'tool_called',
      'tool_output',
      'text_delta',
      'text_delta',
      'text_delta',
      'message_done',
    ]);
    expect(events[0]).toMatchObject({
      type: 'tool_called',
      callId: 'call_1',
      name: 'add_task',
      arguments: { title: 'Buy milk' },
    });
    expect(events[1]).toMatchObject({
      type: 'tool_output',
      callId: 'call_1',
      name: 'add_task',
      isError: false,
      data: { task_id: 1, status: 'created', title: 'Buy milk' },
    });
    // the streamed deltas, in order, then the whole message
    expect(events.flatMap((e) => (e.type === 'text_delta' ? [e.delta] : []))).toEqual([
      'Added ',
      'task 1: ',
      '“Buy milk”.',
    ]);
    expect(replyOf(events)).toBe('Added task 1: “Buy milk”.');
    expect((await api(t.url, user.jwt).get('/api/tasks')).body.data).toMatchObject([
      { id: 1, title: 'Buy milk', completed: false },
    ]);

    expect(stub.requests).toHaveLength(2);
    const [first, second] = stub.requests;
    expect(first.path).toBe('/v1/responses');
    expect(first.headers.authorization).toBe('Bearer sk-responses-test');
    expect(first.body.model).toBe('responses-model');
    expect(first.body.stream).toBe(true);
    // the Responses API carries the instructions in their own field, not as a system message
    expect(first.body.instructions).toBe(TODO_AGENT_INSTRUCTIONS);
    expect(first.body.input).toMatchObject([
      { role: 'user', content: 'hello there' },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hi! What can I do?' }] },
      { role: 'user', content: 'add buy milk' },
    ]);
    expect(first.body.input).toHaveLength(3);
    // Responses tools are flat: { type, name, description, parameters }, no `function` wrapper
    const tools = first.body.tools!;
    expect(tools.map((x) => x.type)).toEqual(tools.map(() => 'function'));
    expect(tools.map((x) => x.name).sort()).toEqual([
      'add_task',
      'complete_task',
      'delete_task',
      'list_tasks',
      'undo_last_change',
      'update_task',
    ]);
    const addTask = tools.find((x) => x.name === 'add_task') as {
      description: string;
      parameters: { properties: object };
    };
    expect(addTask.description).toEqual(expect.any(String));
    expect(Object.keys(addTask.parameters.properties).sort()).toEqual([
      'description',
      'due',
      'priority',
      'recurrence',
      'remind_at',
      'tags',
      'title',
    ]);

    // the second call sends the same input again, then the function call and its output (no previous_response_id)
    const input = second.body.input!;
    expect(second.body.previous_response_id).toBeUndefined();
    expect(second.body.instructions).toBe(TODO_AGENT_INSTRUCTIONS);
    expect(second.body.tools).toEqual(first.body.tools);
    expect(input.slice(0, 3)).toEqual(first.body.input);
    expect(input).toHaveLength(5);
    expect(input[3]).toMatchObject({
      type: 'function_call',
      call_id: 'call_1',
      name: 'add_task',
      arguments: '{"title":"Buy milk"}',
    });
    expect(input[4]).toMatchObject({ type: 'function_call_output', call_id: 'call_1' });
    expect(JSON.parse(outputText(input[4].output))).toEqual({
      task_id: 1,
      status: 'created',
      title: 'Buy milk',
    });
  });

  it('turns a server error into a typed model_error (after the client retries a 5xx)', async () => {
    stub.reset();
    const before = (await api(t.url, user.jwt).get('/api/tasks')).body.data;
    const boom = { status: 500, body: '{"error":{"message":"boom","type":"server_error"}}' };
    stub.reply(boom, boom, boom);
    const err: unknown = await collectTurn(runner, user.id, 'add x').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'model_error', cause: { status: 500 } });
    // the openai client's two retries, each to /v1/responses; a fourth call would have been answered with text
    expect(stub.requests.map((r) => r.path)).toEqual(['/v1/responses', '/v1/responses', '/v1/responses']);
    expect((await api(t.url, user.jwt).get('/api/tasks')).body.data).toEqual(before); // nothing ran
  });

  it('turns a refused request (4xx) into a model_error at once, without retrying', async () => {
    stub.reset();
    stub.reply({ status: 400, body: '{"error":{"message":"bad tools","type":"invalid_request_error"}}' });
    const err: unknown = await collectTurn(runner, user.id, 'add y').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'model_error', cause: { status: 400 } });
    expect(stub.requests).toHaveLength(1);
  });

  it('turns an unknown model (404) into model_refused: the settings are wrong, no retry can help', async () => {
    stub.reset();
    stub.reply({
      status: 404,
      body: '{"error":{"message":"The model `gpt-x` does not exist","type":"invalid_request_error","code":"model_not_found"}}',
    });
    const err: unknown = await collectTurn(runner, user.id, 'add z').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'model_refused', cause: { status: 404 } });
    expect(stub.requests).toHaveLength(1);
  });
});

/** A function_call_output's `output`: a string, or (for MCP text content) a list of input_text parts. */
function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  return (output as Array<{ type: string; text: string }>).map((p) => p.text).join('');
}

describe('OPENAI_API: which OpenAI API the agent speaks', () => {
  const config = (env: Record<string, string>) =>
    buildConfig(parseEnv({ BETTER_AUTH_SECRET: TEST_AUTH_SECRET, LOG_LEVEL: 'silent', ...env }));
  const modelFor = (env: Record<string, string>) => {
    const c = config(env);
    return createModelProvider(c).getModel(c.model.kind === 'offline' ? undefined : c.model.model);
  };

  it('defaults to responses for OpenAI, to chat_completions for a server at OPENAI_BASE_URL', async () => {
    expect(config({ OPENAI_API_KEY: 'sk-x' }).model).toEqual({
      kind: 'openai',
      model: 'gpt-4.1-mini',
      apiKey: 'sk-x',
      api: 'responses',
    });
    expect(config({ OPENAI_BASE_URL: 'http://localhost:11434/v1', AGENT_MODEL: 'llama3.1' }).model).toEqual({
      kind: 'openai-compatible',
      model: 'llama3.1',
      apiKey: 'unused',
      baseURL: 'http://localhost:11434/v1',
      api: 'chat_completions',
    });
    // an empty value is unset (docker-compose and .env files produce them)
    expect(config({ OPENAI_API_KEY: 'sk-x', OPENAI_API: '' }).model).toMatchObject({ api: 'responses' });
    await expect(modelFor({ OPENAI_API_KEY: 'sk-x' })).resolves.toBeInstanceOf(OpenAIResponsesModel);
    await expect(
      modelFor({ OPENAI_BASE_URL: 'http://localhost:11434/v1', AGENT_MODEL: 'llama3.1' }),
    ).resolves.toBeInstanceOf(OpenAIChatCompletionsModel);
  });

  it('an explicit value wins either way', async () => {
    const compatible = { OPENAI_BASE_URL: 'http://localhost:8000/v1', AGENT_MODEL: 'qwen' };
    expect(config({ ...compatible, OPENAI_API: 'responses' }).model).toMatchObject({
      kind: 'openai-compatible',
      baseURL: 'http://localhost:8000/v1',
      api: 'responses',
    });
    expect(config({ OPENAI_API_KEY: 'sk-x', OPENAI_API: 'chat_completions' }).model).toMatchObject({
      kind: 'openai',
      api: 'chat_completions',
    });
    await expect(modelFor({ ...compatible, OPENAI_API: 'responses' })).resolves.toBeInstanceOf(
      OpenAIResponsesModel,
    );
    await expect(
      modelFor({ OPENAI_API_KEY: 'sk-x', OPENAI_API: 'chat_completions' }),
    ).resolves.toBeInstanceOf(OpenAIChatCompletionsModel);
  });

  it('rejects any other value, naming the variable and the allowed values', () => {
    for (const bad of ['response', 'chat', 'completions', 'RESPONSES']) {
      expect(() => config({ OPENAI_API_KEY: 'sk-x', OPENAI_API: bad })).toThrow(
        'Invalid configuration:\n  OPENAI_API: must be responses or chat_completions',
      );
    }
    // checked even when no OpenAI model is configured: a typo never waits for the day a key is added
    expect(() => config({ OPENAI_API: 'chat' })).toThrow('OPENAI_API: must be responses or chat_completions');
  });
});
