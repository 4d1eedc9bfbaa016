import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ConversationStore } from '../../src/conversations/conversation-store.service';
import { ChatKitClient, Ev, userInput } from '../support/chatkit-client';
import { connectHttp, McpConnection } from '../support/mcp-clients';
import { readNamedEvents } from '../support/sse-events';
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb, rowsOf, UserRows } from '../support/user-rows';
import { api, signUp, TestUser } from '../support/users';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

interface Answer {
  status: number;
  text: string;
}

/**
 * The isolation matrix: an attacker holding a valid token of their own aims every route of REST tasks, REST
 * chat, ChatKit (each request type) and every MCP tool at a victim's task numbers, thread ids and item ids.
 * No answer may carry any of the victim's data, and an SQL snapshot of every row the victim owns (tasks,
 * task_counters, chat_threads, chat_thread_items, all columns) must be identical after the run.
 * (test/chatkit/isolation.spec.ts checks the ChatKit error shapes in detail; this is the whole surface at once.)
 */
describe('isolation matrix: every route, tool and request type against another user’s data', () => {
  // Every piece of the victim's content carries this marker: finding it in an answer to the attacker is a leak.
  const MARK = `victim-${randomUUID().slice(0, 8)}`;
  let t: TestApp;
  let db: Client;
  let victim: TestUser;
  let attacker: TestUser;
  let mcp: McpConnection;
  let before: UserRows;
  const v = { thread: '', restThread: '', user: '', assistant: '', widget: '', structured: '', toolCall: '' };
  let ownThread = '';
  let ownItem = '';
  const taskNumbers = [1, 2, 3, 4, 5, 6]; // the victim has 1-5

  beforeAll(async () => {
    t = await startTestApp();
    db = await connectTestDb();
    [victim, attacker] = await Promise.all([signUp(t.url, 'Victim'), signUp(t.url, 'Attacker')]);
    const rest = api(t.url, victim.jwt);
    for (const n of [1, 2, 3]) {
      // Every new field set too, the victim's marker among the tags, so that every filter has something to find.
      const res = await rest.post('/api/tasks', {
        title: `${MARK} task ${n}`,
        description: `${MARK} notes`,
        priority: 'high',
        tags: [MARK, 'work'],
        due_at: n === 1 ? '2020-01-01' : 'tomorrow',
        recurrence: n === 3 ? 'weekly' : null,
      });
      expect(res.status).toBe(201);
    }
    await rest.patch('/api/tasks/2/complete');
    const ck = new ChatKitClient(t.url, victim.jwt);
    const created = await ck.stream('threads.create', { input: userInput(`add ${MARK} water plants`) });
    v.thread = created.events[0].thread.id;
    await ck.stream('threads.add_user_message', { thread_id: v.thread, input: userInput('show my tasks') });
    await ck.json('threads.update', { thread_id: v.thread, title: `${MARK} thread` });
    const store = t.app.get(ConversationStore);
    v.structured = (
      await store.addItem(victim.id, v.thread, 'structured_input', {
        status: 'pending',
        inputs: [{ type: 'freeform', id: 'q', question: `${MARK} why?` }],
      })
    ).id;
    v.toolCall = (
      await store.addItem(victim.id, v.thread, 'client_tool_call', {
        status: 'pending',
        call_id: 'c1',
        name: 'pick',
        arguments: { secret: MARK },
      })
    ).id;
    const items = (await ck.json('items.list', { thread_id: v.thread, order: 'asc', limit: 100 })).body.data;
    v.user = items.find((i: any) => i.type === 'user_message').id;
    v.assistant = items.find((i: any) => i.type === 'assistant_message').id;
    v.widget = items.find((i: any) => i.type === 'widget').id;
    v.restThread = (
      await rest.post('/api/chat', { message: `add ${MARK} call mum`, timezone: 'Pacific/Auckland' })
    ).body.conversation_id;

    const own = await new ChatKitClient(t.url, attacker.jwt).stream('threads.create', {
      input: userInput('hello'),
    });
    ownThread = own.events[0].thread.id;
    ownItem = own.events[1].item.id;
    mcp = await connectHttp(t.url, attacker.jwt);
    before = await rowsOf(db, victim.id);
    expect(before.tasks).toHaveLength(5);
    expect(before.user_settings).toEqual([expect.objectContaining({ time_zone: 'Pacific/Auckland' })]);
    expect(before.chat_thread_items.length).toBeGreaterThanOrEqual(10);
  });
  afterAll(async () => {
    await mcp.close();
    await db.end();
    await t.close();
  });

  const restCall = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const a = api(t.url, attacker.jwt);
    const res =
      method === 'GET'
        ? await a.get(path)
        : method === 'POST'
          ? await a.post(path, body)
          : method === 'PUT'
            ? await a.put(path, body)
            : method === 'PATCH'
              ? await a.patch(path, body)
              : await a.delete(path);
    return { status: res.status, text: res.text };
  };
  const chatkit = async (type: string, params: () => Record<string, unknown>): Promise<Answer> => {
    const res = await new ChatKitClient(t.url, attacker.jwt).raw({ type, params: params() });
    return { status: res.status, text: res.text };
  };
  const tool = async (name: string, args: () => Record<string, unknown>): Promise<Answer> => {
    const result = await mcp.call(name, args());
    return { status: result.isError ? 404 : 200, text: JSON.stringify(result) };
  };

  type Case = [string, number, () => Promise<Answer>];
  const complete = { type: 'task.complete', payload: { task_id: 1 } };
  const del = { type: 'task.delete', payload: { task_id: 2 } };

  const restTasks: Case[] = [
    ['GET /api/tasks', 200, () => restCall('GET', '/api/tasks?status=all&limit=100')],
    ['GET /api/tasks?q=<victim marker>', 200, () => restCall('GET', `/api/tasks?q=${MARK}`)],
    ['GET /api/tasks?status=completed', 200, () => restCall('GET', '/api/tasks?status=completed')],
    ...[
      `tag=${MARK}`,
      'tag=work&priority=high',
      'due=overdue',
      'due=today',
      'due=week',
      'due_before=2100-01-01&due_after=2000-01-01',
      'sort=due',
      'sort=priority&order=desc',
    ].map((query): Case => [`GET /api/tasks?${query}`, 200, () => restCall('GET', `/api/tasks?${query}`)]),
    ...taskNumbers.flatMap((n): Case[] => [
      [`GET /api/tasks/${n}`, 404, () => restCall('GET', `/api/tasks/${n}`)],
      [`PUT /api/tasks/${n}`, 404, () => restCall('PUT', `/api/tasks/${n}`, { title: 'hijacked' })],
      [`PATCH /api/tasks/${n}`, 404, () => restCall('PATCH', `/api/tasks/${n}`, { completed: true })],
      [`PATCH /api/tasks/${n}/complete`, 404, () => restCall('PATCH', `/api/tasks/${n}/complete`, {})],
      [`DELETE /api/tasks/${n}`, 404, () => restCall('DELETE', `/api/tasks/${n}`)],
    ]),
    ['GET /api/{victim}/tasks', 403, () => restCall('GET', `/api/${victim.id}/tasks`)],
    [
      'POST /api/{victim}/tasks',
      403,
      () => restCall('POST', `/api/${victim.id}/tasks`, { title: 'planted' }),
    ],
    ['GET /api/{victim}/tasks/1', 403, () => restCall('GET', `/api/${victim.id}/tasks/1`)],
    ['PUT /api/{victim}/tasks/1', 403, () => restCall('PUT', `/api/${victim.id}/tasks/1`, { title: 'x' })],
    [
      'PATCH /api/{victim}/tasks/1',
      403,
      () => restCall('PATCH', `/api/${victim.id}/tasks/1`, { title: 'x' }),
    ],
    [
      'PATCH /api/{victim}/tasks/1/complete',
      403,
      () => restCall('PATCH', `/api/${victim.id}/tasks/1/complete`, {}),
    ],
    ['DELETE /api/{victim}/tasks/1', 403, () => restCall('DELETE', `/api/${victim.id}/tasks/1`)],
  ];

  const restChat: Case[] = [
    ['GET /api/chat/conversations', 200, () => restCall('GET', '/api/chat/conversations?limit=100')],
    [
      'GET /api/chat/conversations?cursor=<victim thread>',
      400,
      () => restCall('GET', `/api/chat/conversations?cursor=${v.thread}`),
    ],
    ...(['thread', 'restThread'] as const).flatMap((k): Case[] => [
      [
        `GET /api/chat/conversations/<victim ${k}>/messages`,
        404,
        () => restCall('GET', `/api/chat/conversations/${v[k]}/messages`),
      ],
      [
        `DELETE /api/chat/conversations/<victim ${k}>`,
        404,
        () => restCall('DELETE', `/api/chat/conversations/${v[k]}`),
      ],
      [
        `POST /api/chat into <victim ${k}>`,
        404,
        () => restCall('POST', '/api/chat', { message: 'add planted', conversation_id: v[k] }),
      ],
      [
        `POST /api/chat/stream into <victim ${k}>`,
        404,
        () => restCall('POST', '/api/chat/stream', { message: 'add planted', conversation_id: v[k] }),
      ],
    ]),
    [
      'GET own messages with cursor=<victim item>',
      400,
      () => restCall('GET', `/api/chat/conversations/${ownThread}/messages?cursor=${v.user}`),
    ],
    ['POST /api/{victim}/chat', 403, () => restCall('POST', `/api/${victim.id}/chat`, { message: 'add x' })],
    [
      'POST /api/{victim}/chat/stream',
      403,
      () => restCall('POST', `/api/${victim.id}/chat/stream`, { message: 'add x' }),
    ],
    [
      'GET /api/{victim}/chat/conversations',
      403,
      () => restCall('GET', `/api/${victim.id}/chat/conversations`),
    ],
    [
      'GET /api/{victim}/chat/conversations/<victim thread>/messages',
      403,
      () => restCall('GET', `/api/${victim.id}/chat/conversations/${v.thread}/messages`),
    ],
    [
      'DELETE /api/{victim}/chat/conversations/<victim thread>',
      403,
      () => restCall('DELETE', `/api/${victim.id}/chat/conversations/${v.thread}`),
    ],
  ];

  const chatKit: Case[] = [
    [
      'threads.create with an extra thread_id of the victim',
      200,
      () => chatkit('threads.create', () => ({ input: userInput('hello again'), thread_id: v.thread })),
    ],
    [
      'threads.add_user_message',
      404,
      () => chatkit('threads.add_user_message', () => ({ thread_id: v.thread, input: userInput('add x') })),
    ],
    [
      'threads.add_client_tool_output',
      404,
      () => chatkit('threads.add_client_tool_output', () => ({ thread_id: v.thread, result: { ok: 1 } })),
    ],
    [
      'threads.add_structured_input (victim thread)',
      404,
      () =>
        chatkit('threads.add_structured_input', () => ({
          thread_id: v.thread,
          item_id: v.structured,
          input: {},
        })),
    ],
    [
      'threads.add_structured_input (own thread, victim item)',
      404,
      () =>
        chatkit('threads.add_structured_input', () => ({
          thread_id: ownThread,
          item_id: v.structured,
          input: {},
        })),
    ],
    [
      'threads.retry_after_item (victim thread)',
      404,
      () => chatkit('threads.retry_after_item', () => ({ thread_id: v.thread, item_id: v.user })),
    ],
    [
      'threads.retry_after_item (own thread, victim item)',
      404,
      () => chatkit('threads.retry_after_item', () => ({ thread_id: ownThread, item_id: v.user })),
    ],
    ...(['threads.custom_action', 'threads.sync_custom_action'] as const).flatMap((type): Case[] => [
      [
        `${type} (victim thread, victim widget)`,
        404,
        () => chatkit(type, () => ({ thread_id: v.thread, item_id: v.widget, action: complete })),
      ],
      [
        `${type} (victim thread, no item)`,
        404,
        () => chatkit(type, () => ({ thread_id: v.thread, item_id: null, action: del })),
      ],
      [
        `${type} (own thread, victim widget)`,
        404,
        () => chatkit(type, () => ({ thread_id: ownThread, item_id: v.widget, action: complete })),
      ],
      [
        `${type} (own thread, the victim's task numbers)`,
        200,
        () => chatkit(type, () => ({ thread_id: ownThread, item_id: null, action: del })),
      ],
    ]),
    ['threads.get_by_id', 404, () => chatkit('threads.get_by_id', () => ({ thread_id: v.thread }))],
    ['threads.list', 200, () => chatkit('threads.list', () => ({ limit: 100 }))],
    ['threads.list after=<victim thread>', 400, () => chatkit('threads.list', () => ({ after: v.thread }))],
    [
      'threads.update',
      404,
      () => chatkit('threads.update', () => ({ thread_id: v.thread, title: 'Hijacked' })),
    ],
    ['threads.delete', 404, () => chatkit('threads.delete', () => ({ thread_id: v.thread }))],
    [
      'threads.delete (victim REST conversation)',
      404,
      () => chatkit('threads.delete', () => ({ thread_id: v.restThread })),
    ],
    ['items.list', 404, () => chatkit('items.list', () => ({ thread_id: v.thread }))],
    [
      'items.list (own thread, after=<victim item>)',
      400,
      () => chatkit('items.list', () => ({ thread_id: ownThread, after: v.assistant })),
    ],
    [
      'items.feedback (victim thread)',
      404,
      () =>
        chatkit('items.feedback', () => ({ thread_id: v.thread, item_ids: [v.assistant], kind: 'negative' })),
    ],
    [
      'items.feedback (own thread, victim item)',
      404,
      () =>
        chatkit('items.feedback', () => ({
          thread_id: ownThread,
          item_ids: [ownItem, v.assistant],
          kind: 'negative',
        })),
    ],
    [
      'attachments.create',
      400,
      () => chatkit('attachments.create', () => ({ name: 'a.txt', size: 1, mime_type: 'text/plain' })),
    ],
    ['attachments.delete', 400, () => chatkit('attachments.delete', () => ({ attachment_id: v.user }))],
    [
      'input.transcribe',
      400,
      () => chatkit('input.transcribe', () => ({ audio_base64: 'AAAA', mime_type: 'audio/webm' })),
    ],
  ];

  const mcpTools: Case[] = [
    ['MCP list_tasks all', 200, () => tool('list_tasks', () => ({ status: 'all' }))],
    ['MCP list_tasks completed', 200, () => tool('list_tasks', () => ({ status: 'completed' }))],
    ...[
      { tags: [MARK] },
      { tags: ['work'], priority: 'high' },
      { due: 'overdue' },
      { due: 'week' },
      { due_before: '2100-01-01', sort: 'due' },
      { status: 'pending', sort: 'priority' },
    ].map((args): Case => [
      `MCP list_tasks ${JSON.stringify(args)}`,
      200,
      () => tool('list_tasks', () => args),
    ]),
    ...taskNumbers.flatMap((n): Case[] => [
      [`MCP complete_task ${n}`, 404, () => tool('complete_task', () => ({ task_id: n }))],
      [`MCP update_task ${n}`, 404, () => tool('update_task', () => ({ task_id: n, title: 'hijacked' }))],
      [
        `MCP update_task ${n} fields`,
        404,
        () => tool('update_task', () => ({ task_id: n, add_tags: ['x'], due: 'tomorrow', priority: 'low' })),
      ],
      [`MCP delete_task ${n}`, 404, () => tool('delete_task', () => ({ task_id: n }))],
    ]),
    [
      'MCP add_task with user_id',
      404,
      () => tool('add_task', () => ({ title: 'planted', user_id: victim.id })),
    ],
    [
      'MCP delete_task with user_id',
      404,
      () => tool('delete_task', () => ({ task_id: 1, user_id: victim.id })),
    ],
    [
      'MCP list_tasks with user_id',
      404,
      () => tool('list_tasks', () => ({ status: 'all', user_id: victim.id })),
    ],
  ];

  const matrix: Array<[string, string, number, () => Promise<Answer>]> = [
    ...restTasks.map(([n, s, f]): [string, string, number, () => Promise<Answer>] => ['REST tasks', n, s, f]),
    ...restChat.map(([n, s, f]): [string, string, number, () => Promise<Answer>] => ['REST chat', n, s, f]),
    ...chatKit.map(([n, s, f]): [string, string, number, () => Promise<Answer>] => ['ChatKit', n, s, f]),
    ...mcpTools.map(([n, s, f]): [string, string, number, () => Promise<Answer>] => ['MCP', n, s, f]),
  ];

  it.each(matrix)('%s: %s → %i, nothing of the victim in the answer', async (_area, _name, status, run) => {
    const res = await run();
    expect(res.status).toBe(status);
    expect(res.text.toLowerCase()).not.toContain(MARK); // the model capitalises titles
    expect(res.text).not.toContain(victim.email);
  });

  it("leaves every row of the victim's exactly as it was (SQL snapshot of all five tables)", async () => {
    expect(matrix.length).toBeGreaterThanOrEqual(90);
    expect(await rowsOf(db, victim.id)).toEqual(before);
    // and the attacker's lists hold only the attacker's own conversations (no tasks were created for them)
    const own = await rowsOf(db, attacker.id);
    expect(own.tasks).toEqual([]);
    expect(own.chat_threads.map((r: any) => r.user_id)).toEqual(own.chat_threads.map(() => attacker.id));
  });

  it("never streams one user's task changes to another user's turn running at the same time", async () => {
    const victimRest = api(t.url, victim.jwt);
    const attackerCk = new ChatKitClient(t.url, attacker.jwt);
    const attackerStream = async (i: number) => {
      const res = await fetch(`${t.url}/api/chat/stream`, {
        method: 'POST',
        headers: { authorization: `Bearer ${attacker.jwt}`, 'content-type': 'application/json' },
        body: JSON.stringify({ message: `add own errand ${i}` }),
      });
      return JSON.stringify(await readNamedEvents(res));
    };
    const [victimWrites, ckStreams, restStreams] = await Promise.all([
      Promise.all(
        Array.from({ length: 12 }, (_, i) => victimRest.post('/api/tasks', { title: `${MARK} burst ${i}` })),
      ),
      Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          attackerCk.stream('threads.create', { input: userInput(`add own chore ${i}`) }),
        ),
      ),
      Promise.all(Array.from({ length: 6 }, (_, i) => attackerStream(i))),
    ]);
    expect(victimWrites.map((r) => r.status)).toEqual(Array(12).fill(201));
    const effects = ckStreams.flatMap((s) => s.events.filter((e: Ev) => e.type === 'client_effect'));
    // A turn reports every change of its own user while it runs (their other turns' too), never another's.
    expect(effects.length).toBeGreaterThanOrEqual(6);
    for (const e of effects)
      for (const change of e.data.changes) expect(change.title).toMatch(/^Own (chore|errand) \d$/);
    for (const s of ckStreams) expect(JSON.stringify(s.events).toLowerCase()).not.toContain(MARK);
    for (const s of restStreams) {
      expect(s).toContain('"tasks_changed"');
      expect(s.toLowerCase()).not.toContain(MARK);
    }
  });
});
