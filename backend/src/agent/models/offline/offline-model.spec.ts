import { describe, expect, it } from '@jest/globals';
import {
  Agent,
  type AgentInputItem,
  type CallToolResultContent,
  type ModelRequest,
  type SerializedTool,
  Runner,
  type StreamEvent,
  Usage,
  user,
} from '@openai/agents';
import { OfflineModel, wordDeltas } from './offline-model';
import { OFFLINE_MODEL_NAME, OfflineModelProvider } from './offline-model.provider';
import { FakeTodoMcpServer, TODO_TOOLS } from './testing/fake-todo-mcp-server';
import { LISTS_SHOWN_INSTRUCTION } from '../../todo.agent';
import { OfflineConversation, TEST_INSTRUCTIONS } from './testing/offline-harness';

const serialized = (names: readonly string[]): SerializedTool[] =>
  names.map((name) => ({
    type: 'function',
    name,
    description: '',
    parameters: { type: 'object', properties: {}, required: [], additionalProperties: true },
    strict: false,
  }));

const ALL_TOOLS = serialized(TODO_TOOLS.map((t) => t.name));

function request(
  input: string | AgentInputItem[],
  tools: SerializedTool[] = ALL_TOOLS,
  signal?: AbortSignal,
): ModelRequest {
  return { input, tools, modelSettings: {}, outputType: 'text', handoffs: [], tracing: false, signal };
}

async function collect(stream: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const model = new OfflineModel();

describe('getResponse', () => {
  it('answers with one assistant message and a Usage instance', async () => {
    const response = await model.getResponse(request('hello'));
    expect(response.usage).toBeInstanceOf(Usage);
    expect(response.usage.requests).toBe(1);
    expect(response.output).toEqual([
      {
        type: 'message',
        id: expect.stringMatching(/^msg_offline_/),
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: expect.stringContaining('Hi!') }],
      },
    ]);
    expect(response.responseId).toMatch(/^resp_offline_/);
  });

  it('emits function calls with JSON arguments and no user_id', async () => {
    const response = await model.getResponse(request('add eggs, bread and butter'));
    expect(response.output).toHaveLength(3);
    for (const item of response.output) {
      expect(item).toMatchObject({ type: 'function_call', name: 'add_task', status: 'completed' });
      if (item.type !== 'function_call') throw new Error('not a call');
      expect(item.callId).toMatch(/^call_offline_/);
      expect(item.id).toMatch(/^fc_offline_/);
      expect(Object.keys(JSON.parse(item.arguments) as object)).toEqual(['title']);
    }
    const callIds = response.output.map((item) => (item.type === 'function_call' ? item.callId : ''));
    expect(new Set(callIds).size).toBe(3);
  });

  it('is deterministic: same input, same output (ids included)', async () => {
    const a = await model.getResponse(request('Delete the meeting task'));
    const b = await new OfflineModel().getResponse(request('Delete the meeting task'));
    expect(b).toEqual(a);
    const other = await model.getResponse(request('Delete the report task'));
    expect(other.output[0]).not.toEqual(a.output[0]);
  });

  it('only calls tools the request offers', async () => {
    const withoutDelete = await model.getResponse(
      request('delete task 2', serialized(['add_task', 'list_tasks'])),
    );
    expect(withoutDelete.output).toHaveLength(1);
    expect(withoutDelete.output[0]).toMatchObject({ type: 'message' });
    expect(JSON.stringify(withoutDelete.output)).toContain('delete_task tool isn’t available');

    const prefixed = await model.getResponse(
      request('delete task 2', serialized(['todo_list_tasks', 'todo_delete_task'])),
    );
    expect(prefixed.output[0]).toMatchObject({
      type: 'function_call',
      name: 'todo_delete_task',
      arguments: '{"task_id":2}',
    });
  });

  it('throws an AbortError when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(model.getResponse(request('hello', ALL_TOOLS, controller.signal))).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(
      collect(model.getStreamedResponse(request('hello', ALL_TOOLS, controller.signal))),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('getStreamedResponse', () => {
  it('streams a reply word by word between response_started and response_done', async () => {
    const events = await collect(model.getStreamedResponse(request('help')));
    expect(events[0]).toEqual({ type: 'response_started' });
    const last = events[events.length - 1];
    expect(last.type).toBe('response_done');
    const deltas = events
      .filter((e) => e.type === 'output_text_delta')
      .map((e) => (e.type === 'output_text_delta' ? e.delta : ''));
    expect(deltas.length).toBeGreaterThan(10);
    if (last.type !== 'response_done') throw new Error('no response_done');
    expect(last.response.usage).toEqual({ requests: 1, inputTokens: 0, outputTokens: 0, totalTokens: 0 });
    const message = last.response.output[0];
    if (
      message.type !== 'message' ||
      message.role !== 'assistant' ||
      message.content[0].type !== 'output_text'
    ) {
      throw new Error('expected an assistant text message');
    }
    expect(deltas.join('')).toBe(message.content[0].text);
  });

  it('streams tool calls without text deltas', async () => {
    const events = await collect(model.getStreamedResponse(request('show my tasks')));
    expect(events.map((e) => e.type)).toEqual(['response_started', 'response_done']);
  });

  it('splits text into deltas that add up exactly', () => {
    const text = 'Added 2 tasks:\n• Task 1: “Eggs”\n• Task 2: “Bread”';
    const deltas = wordDeltas(text);
    expect(deltas.join('')).toBe(text);
    expect(deltas[0]).toBe('Added ');
    expect(wordDeltas('')).toEqual([]);
  });
});

describe('through the Runner (streaming)', () => {
  it('emits tool_called / tool_output in order, then several text deltas, then the message', async () => {
    const conversation = new OfflineConversation([{ title: 'Buy groceries' }, { title: 'Team meeting' }]);
    const result = await conversation.say('Delete the meeting task', { stream: true });
    const firstDelta = result.events.indexOf('text_delta');
    expect(result.events.slice(0, firstDelta)).toEqual([
      'tool_called',
      'tool_output',
      'tool_called',
      'tool_output',
    ]);
    expect(result.deltas.length).toBeGreaterThan(3);
    expect(result.events[result.events.length - 1]).toBe('message_output_created');
    expect(result.deltas.join('')).toBe(result.reply);
    expect(result.reply).toBe('Deleted task 2: “Team meeting”.');
  });

  it('stops streaming when the client goes away mid-reply', async () => {
    const full = (await new OfflineConversation().say('help')).reply;
    const controller = new AbortController();
    const agent = new Agent({
      name: 'Todo Assistant',
      instructions: TEST_INSTRUCTIONS,
      mcpServers: [new FakeTodoMcpServer()],
    });
    const runner = new Runner({
      modelProvider: new OfflineModelProvider(),
      model: OFFLINE_MODEL_NAME,
      tracingDisabled: true,
    });
    const result = await runner.run(agent, 'help', { stream: true, signal: controller.signal });
    const deltas: string[] = [];
    for await (const event of result) {
      if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') {
        deltas.push(event.data.delta);
        controller.abort();
      }
    }
    await expect(result.completed).resolves.toBeUndefined();
    expect(deltas.length).toBe(1);
    expect(full.startsWith(deltas[0])).toBe(true);
  });
});

describe('a client that draws every task list itself (ChatKit)', () => {
  const seed = [{ title: 'Buy milk' }, { title: 'Call mom', completed: true }, { title: 'Pay rent' }];
  const drawing = () =>
    new OfflineConversation(seed, undefined, `${TEST_INSTRUCTIONS}\n${LISTS_SHOWN_INSTRUCTION}`);

  it('answers a list with one sentence instead of spelling the list out again', async () => {
    const chat = drawing();
    await expect(chat.say('show my tasks')).resolves.toMatchObject({
      reply: 'Here are your 3 tasks (2 pending, 1 done).',
    });
    await expect(chat.say('what is pending?')).resolves.toMatchObject({ reply: 'You have 2 pending tasks.' });
    await expect(chat.say('find rent')).resolves.toMatchObject({ reply: 'Found 1 task matching “rent”.' });
    // What the list showed is still known: "the second one" is the second pending task.
    await chat.say('what is pending?');
    expect((await chat.say('mark the second one done')).reply).toContain('Pay rent');
  });

  it('without that instruction (REST clients) the list is in the answer', async () => {
    const reply = (await new OfflineConversation(seed).say('show my tasks')).reply;
    expect(reply.split('\n')).toEqual([
      'Here are your 3 tasks (2 pending, 1 done):',
      expect.stringContaining('Buy milk'),
      expect.stringContaining('Call mom'),
      expect.stringContaining('Pay rent'),
    ]);
  });

  it('answers everything else as before', async () => {
    await expect(drawing().say('add water the plants')).resolves.toMatchObject({
      reply: (await new OfflineConversation(seed).say('add water the plants')).reply,
    });
  });
});

describe('reading history', () => {
  const turn = (say: string, items: AgentInputItem[], reply: string): AgentInputItem[] => [
    user(say),
    ...items,
    {
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: reply }],
    },
  ];

  it('understands "it" from a history whose tool outputs were stored as plain strings', async () => {
    const history = turn(
      'add walk the dog',
      [
        {
          type: 'function_call',
          callId: 'x1',
          name: 'add_task',
          arguments: '{"title":"Walk the dog"}',
          status: 'completed',
        },
        {
          type: 'function_call_result',
          callId: 'x1',
          name: 'add_task',
          status: 'completed',
          output: '{"task_id":5,"status":"created","title":"Walk the dog"}',
        },
      ],
      'Added task 5.',
    );
    const response = await model.getResponse(request([...history, user('mark it done')]));
    expect(response.output[0]).toMatchObject({
      type: 'function_call',
      name: 'complete_task',
      arguments: '{"task_id":5}',
    });
  });

  it('falls back to the facts of turns another model answered', async () => {
    const history = turn(
      'could you sort out my report thing',
      [
        {
          type: 'function_call',
          callId: 'o1',
          name: 'complete_task',
          arguments: '{"task_id":4}',
          status: 'completed',
        },
        {
          type: 'function_call_result',
          callId: 'o1',
          name: 'complete_task',
          status: 'completed',
          output: { type: 'text', text: '{"task_id":4,"status":"completed","title":"Write report"}' },
        },
      ],
      'Done!',
    );
    const response = await model.getResponse(request([...history, user('actually, reopen it')]));
    expect(response.output[0]).toMatchObject({
      type: 'function_call',
      name: 'complete_task',
      arguments: '{"task_id":4,"completed":false}',
    });
  });

  it('summarises tool results it did not plan instead of failing', async () => {
    const input: AgentInputItem[] = [
      user('show my tasks'),
      {
        type: 'function_call',
        callId: 'z1',
        name: 'delete_task',
        arguments: '{"task_id":2}',
        status: 'completed',
      },
      {
        type: 'function_call_result',
        callId: 'z1',
        name: 'delete_task',
        status: 'completed',
        output: '{"task_id":2,"status":"deleted","title":"Old task"}',
      },
    ];
    const response = await model.getResponse(request(input));
    expect(JSON.stringify(response.output)).toContain('Deleted task 2: “Old task”');
  });

  it('drops a pending question when the person moves on', async () => {
    const conversation = new OfflineConversation([{ title: 'Team meeting' }, { title: 'Meeting notes' }]);
    await conversation.say('delete the meeting task');
    expect((await conversation.say('thanks')).reply).toContain('You’re welcome!');
    const later = await conversation.say('the second one');
    expect(later.calls).toEqual([]);
    expect(later.tasks).toHaveLength(2);
  });

  it('refuses to parse very long messages', async () => {
    const result = await new OfflineConversation().say(`add ${'very '.repeat(400)}long task`);
    expect(result.calls).toEqual([]);
    expect(result.reply).toContain('too long');
  });

  it('tolerates a windowed history that starts mid-turn', async () => {
    const input: AgentInputItem[] = [
      { type: 'function_call_result', callId: 'gone', name: 'list_tasks', status: 'completed', output: '[]' },
      {
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Your list is empty.' }],
      },
      user('add buy milk'),
    ];
    const response = await model.getResponse(request(input));
    expect(response.output[0]).toMatchObject({
      type: 'function_call',
      name: 'add_task',
      arguments: '{"title":"Buy milk"}',
    });
  });
});

describe('tool failures', () => {
  it('relays a thrown MCP failure as the SDK words it, without the exception text', async () => {
    class FailingServer extends FakeTodoMcpServer {
      override async callTool(
        toolName: string,
        args: Record<string, unknown> | null,
      ): Promise<CallToolResultContent> {
        if (toolName === 'add_task') throw new Error('connect ECONNREFUSED 10.0.0.5:5432');
        return super.callTool(toolName, args);
      }
    }
    const conversation = new OfflineConversation([], new FailingServer());
    const result = await conversation.say('add buy milk');
    // Since Agents SDK 0.15 a thrown tool error reaches the model as a fixed sentence: no driver text leaks.
    expect(result.reply).toBe('Sorry — An error occurred while running the tool. Please try again.');
    expect(result.reply).not.toContain('ECONNREFUSED');
  });

  it('relays invalid-title errors', async () => {
    const conversation = new OfflineConversation();
    const result = await conversation.say(`add ${'x'.repeat(230)}`);
    expect(result.reply).toContain('Sorry — A title can be at most 200 characters');
  });
});

describe('OfflineModelProvider', () => {
  it('serves one offline model for any name', () => {
    const provider = new OfflineModelProvider();
    expect(OFFLINE_MODEL_NAME).toBe('offline');
    const a = provider.getModel('offline');
    expect(a).toBeInstanceOf(OfflineModel);
    expect(provider.getModel()).toBe(a);
    expect(provider.getModel('gpt-4.1')).toBe(a);
  });
});
