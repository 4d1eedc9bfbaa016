import { AgentRunnerService } from '../../src/agent/agent-runner.service';
import { AgentTurnError } from '../../src/agent/agent-turn';
import { LISTS_SHOWN_INSTRUCTION, TODO_AGENT_INSTRUCTIONS } from '../../src/agent/todo.agent';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import { collectTurn, replyOf } from '../support/agent-turns';
import { OpenAIChatStub } from '../support/openai-stub';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/** The OpenAI-compatible path (OPENAI_BASE_URL + AGENT_MODEL): the real @openai/agents Chat Completions code. */
describe('agent on an OpenAI-compatible server (local Chat Completions stub)', () => {
  const stub = new OpenAIChatStub();
  let t: TestApp;
  let user: TestUser;
  let runner: AgentRunnerService;

  beforeAll(async () => {
    await stub.start();
    t = await startTestApp({
      OPENAI_BASE_URL: stub.url,
      AGENT_MODEL: 'local-model',
      OPENAI_API_KEY: 'sk-local-test',
    });
    user = await signUp(t.url);
    runner = t.app.get(AgentRunnerService);
  });
  afterAll(async () => {
    await t.close();
    await stub.stop();
  });

  it('round-trips a tool call: the request carries tools, history and instructions; the tool really runs', async () => {
    stub.reset();
    stub.reply(
      { toolCalls: [{ id: 'call_1', name: 'add_task', arguments: JSON.stringify({ title: 'Buy milk' }) }] },
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
      name: 'add_task',
      arguments: { title: 'Buy milk' },
    });
    expect(events[1]).toMatchObject({
      type: 'tool_output',
      name: 'add_task',
      isError: false,
      data: { task_id: 1, status: 'created', title: 'Buy milk' },
    });
    expect(replyOf(events)).toBe('Added task 1: “Buy milk”.');
    expect((await api(t.url, user.jwt).get('/api/tasks')).body.data).toMatchObject([
      { id: 1, title: 'Buy milk' },
    ]);

    expect(stub.requests).toHaveLength(2);
    const [first, second] = stub.requests;
    expect(first.path).toBe('/v1/chat/completions');
    expect(first.headers.authorization).toBe('Bearer sk-local-test');
    expect(first.body.model).toBe('local-model');
    expect(first.body.stream).toBe(true);
    expect(first.body.messages![0]).toEqual({ role: 'system', content: TODO_AGENT_INSTRUCTIONS });
    expect(first.body.messages!.slice(1)).toMatchObject([
      { role: 'user', content: 'hello there' },
      { role: 'assistant' },
      { role: 'user', content: 'add buy milk' },
    ]);
    expect(JSON.stringify(first.body.messages![2].content)).toContain('Hi! What can I do?');
    const toolNames = first.body.tools!.map((x) => (x.function as { name: string }).name).sort();
    expect(toolNames).toEqual([
      'add_task',
      'complete_task',
      'delete_task',
      'list_tasks',
      'undo_last_change',
      'update_task',
    ]);
    const addTask = first.body.tools!.find((x) => (x.function as { name: string }).name === 'add_task')!
      .function as { parameters: { properties: object } };
    expect(Object.keys(addTask.parameters.properties).sort()).toEqual([
      'description',
      'due',
      'priority',
      'recurrence',
      'remind_at',
      'tags',
      'title',
    ]);

    // the second call carries the whole conversation again, then the tool call and its result
    const msgs = second.body.messages!;
    expect(msgs.slice(0, 4)).toEqual(first.body.messages!.slice(0, 4));
    expect(msgs).toHaveLength(6);
    expect(msgs.at(-2)).toMatchObject({
      role: 'assistant',
      tool_calls: [{ id: 'call_1', function: { name: 'add_task', arguments: '{"title":"Buy milk"}' } }],
    });
    expect(msgs.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_1' });
    expect(JSON.stringify(msgs.at(-1))).toContain('created');
  });

  it('tells the model when the client draws every task list (ChatKit), and only then (REST chat)', async () => {
    stub.reset();
    stub.reply({ text: ['Hi.'] }, { text: ['Hi.'] });
    const ck = await new ChatKitClient(t.url, user.jwt).stream('threads.create', {
      input: userInput('hello'),
    });
    expect(ck.status).toBe(200);
    expect((await api(t.url, user.jwt).post('/api/chat', { message: 'hello' })).status).toBe(200);
    expect(stub.requests.map((r) => r.body.messages![0].content)).toEqual([
      `${TODO_AGENT_INSTRUCTIONS}\n${LISTS_SHOWN_INSTRUCTION}`,
      TODO_AGENT_INSTRUCTIONS,
    ]);
  });

  it('replays stored tool calls from history as tool messages', async () => {
    stub.reset();
    stub.reply({ text: ['You have one task.'] });
    await collectTurn(runner, user.id, 'what do I have?', [
      { kind: 'user', text: 'show my tasks' },
      {
        kind: 'tool',
        callId: 'call_9',
        name: 'list_tasks',
        arguments: '{"status":"all"}',
        output: '[{"id":1,"title":"Buy milk","completed":false}]',
      },
      { kind: 'assistant', text: 'You have: 1. Buy milk' },
    ]);
    const msgs = stub.requests[0].body.messages!;
    expect(msgs.slice(1, 5)).toMatchObject([
      { role: 'user', content: 'show my tasks' },
      {
        role: 'assistant',
        tool_calls: [{ id: 'call_9', function: { name: 'list_tasks', arguments: '{"status":"all"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_9' },
      { role: 'assistant' },
    ]);
    expect(JSON.stringify(msgs[4].content)).toContain('You have: 1. Buy milk');
    expect(JSON.stringify(msgs[3])).toContain('Buy milk');
  });

  it('turns a server error into a typed model_error', async () => {
    stub.reset();
    stub.reply(
      { status: 500, body: '{"error":{"message":"boom"}}' },
      { status: 500, body: '{"error":{"message":"boom"}}' },
      { status: 500, body: '{"error":{"message":"boom"}}' },
    );
    await expect(collectTurn(runner, user.id, 'add x')).rejects.toMatchObject({ code: 'model_error' });
  });

  it('bounds the number of model calls: a model that keeps calling tools ends with max_turns', async () => {
    stub.reset();
    for (let i = 0; i < 12; i++)
      stub.reply({ toolCalls: [{ id: `call_loop_${i}`, name: 'list_tasks', arguments: '{}' }] });
    await expect(collectTurn(runner, user.id, 'loop forever')).rejects.toMatchObject({ code: 'max_turns' });
    expect(stub.requests.length).toBe(8); // AGENT_MAX_TURNS
  });

  it('stops when aborted and reports it as aborted', async () => {
    stub.reset();
    stub.reply({ hang: true });
    const controller = new AbortController();
    const pending = collectTurn(runner, user.id, 'add y', [], controller.signal);
    setTimeout(() => controller.abort(), 200);
    const err: unknown = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentTurnError);
    expect((err as AgentTurnError).code).toBe('aborted');
  });
});
