import { DataSource } from 'typeorm';
import { ConversationStore } from '../../src/conversations/conversation-store.service';
import { ChatKitClient, userInput } from './chatkit-client';
import { connectHttp, McpConnection } from './mcp-clients';
import { TestApp } from './test-app';
import { api } from './users';

/** Anyone holding an access token: an account, a site's host user, a guest. */
export interface MatrixUser {
  id: string;
  jwt: string;
}

/** What a victim owns, by id: seeded through every surface so that each route and tool has something to aim at. */
export interface VictimFixture {
  user: MatrixUser;
  /** Every piece of the victim's content carries it: finding it in an answer to someone else is a leak. */
  mark: string;
  /** The victim's task numbers (an attacker aims at these, and at one past the last). */
  taskNumbers: number[];
  thread: string;
  restThread: string;
  userItem: string;
  assistant: string;
  widget: string;
  structured: string;
  toolCall: string;
}

/** The attacker's own footing: a thread and an item of their own, and an MCP client on their token. */
export interface AttackerFixture {
  user: MatrixUser;
  ownThread: string;
  ownItem: string;
  mcp: McpConnection;
}

export interface Answer {
  status: number;
  text: string;
}

/** [surface, request, expected status, run]. */
export type MatrixCase = [string, string, number, () => Promise<Answer>];

/**
 * Gives the victim tasks (every field set, one completed, the marker among the tags), a ChatKit thread with a
 * user message, an answer, a task-list widget, a pending structured input and a client tool call, and a REST
 * conversation (which also stores a time zone). `firstNumber` makes the victim's task numbers start after it,
 * so that numbers aimed at the victim can never be the attacker's own.
 */
export async function seedVictim(
  t: TestApp,
  user: MatrixUser,
  mark: string,
  firstNumber = 0,
): Promise<VictimFixture> {
  if (firstNumber > 0)
    await t.app.get(DataSource).query(
      `INSERT INTO task_counters (user_id, last_number) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET last_number = $2`,
      [user.id, firstNumber],
    );
  const rest = api(t.url, user.jwt);
  const numbers: number[] = [];
  for (const n of [1, 2, 3]) {
    // Every field set, the victim's marker among the tags, so that every filter has something to find.
    const res = await rest.post('/api/tasks', {
      title: `${mark} task ${n}`,
      description: `${mark} notes`,
      priority: 'high',
      tags: [mark, 'work'],
      due_at: n === 1 ? '2020-01-01' : 'tomorrow',
      recurrence: n === 3 ? 'weekly' : null,
      // The overdue task's default reminder (09:00 that day) is long past: the reminder sweep would fire it
      // mid-test and set reminded_at, a change of the victim's rows that no attacker made.
      ...(n === 1 ? { remind_at: '2100-01-01T09:00:00Z' } : {}),
    });
    if (res.status !== 201) throw new Error(`seeding a task failed: ${res.status} ${res.text}`);
    numbers.push(res.body.id as number);
  }
  await rest.patch(`/api/tasks/${numbers[1]}/complete`);
  const ck = new ChatKitClient(t.url, user.jwt);
  const created = await ck.stream('threads.create', { input: userInput(`add ${mark} water plants`) });
  const thread = created.events[0].thread.id as string;
  await ck.stream('threads.add_user_message', { thread_id: thread, input: userInput('show my tasks') });
  await ck.json('threads.update', { thread_id: thread, title: `${mark} thread` });
  const store = t.app.get(ConversationStore);
  const structured = (
    await store.addItem(user.id, thread, 'structured_input', {
      status: 'pending',
      inputs: [{ type: 'freeform', id: 'q', question: `${mark} why?` }],
    })
  ).id;
  const toolCall = (
    await store.addItem(user.id, thread, 'client_tool_call', {
      status: 'pending',
      call_id: 'c1',
      name: 'pick',
      arguments: { secret: mark },
    })
  ).id;
  const items = (await ck.json('items.list', { thread_id: thread, order: 'asc', limit: 100 })).body.data;
  const restThread = (
    await rest.post('/api/chat', { message: `add ${mark} call mum`, timezone: 'Pacific/Auckland' })
  ).body.conversation_id as string;
  const all = (await rest.get('/api/tasks?status=all&limit=100')).body.data as Array<{ id: number }>;
  return {
    user,
    mark,
    taskNumbers: all.map((task) => task.id).sort((a, b) => a - b),
    thread,
    restThread,
    userItem: items.find((i: any) => i.type === 'user_message').id,
    assistant: items.find((i: any) => i.type === 'assistant_message').id,
    widget: items.find((i: any) => i.type === 'widget').id,
    structured,
    toolCall,
  };
}

/** A thread and an item of the attacker's own, and an MCP client on their token (close `mcp` when done). */
export async function prepareAttacker(t: TestApp, user: MatrixUser): Promise<AttackerFixture> {
  const own = await new ChatKitClient(t.url, user.jwt).stream('threads.create', {
    input: userInput('hello'),
  });
  return {
    user,
    ownThread: own.events[0].thread.id as string,
    ownItem: own.events[1].item.id as string,
    mcp: await connectHttp(t.url, user.jwt),
  };
}

/**
 * The isolation matrix: every route of REST tasks, REST chat, ChatKit (each request type) and every MCP tool,
 * aimed by the attacker at the victim's task numbers, thread ids and item ids, with the status each must answer.
 * The fixtures are read when a case runs, so the list can be made before they exist (for `it.each`). No answer
 * may carry the victim's marker; the caller also compares an SQL snapshot of the victim's rows (user-rows.ts).
 */
export function isolationCases(
  baseUrl: () => string,
  attacker: () => AttackerFixture,
  victim: () => VictimFixture,
  /** The victim's task numbers when the cases are made before the victim is seeded. */
  plannedNumbers?: number[],
): MatrixCase[] {
  const v = () => victim();
  const mark = () => v().mark;
  const numbersOf = (owned: number[]) => [...owned, Math.max(...owned) + 1];
  const numbers = numbersOf(plannedNumbers ?? v().taskNumbers);
  const restCall = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const a = api(baseUrl(), attacker().user.jwt);
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
    const res = await new ChatKitClient(baseUrl(), attacker().user.jwt).raw({ type, params: params() });
    return { status: res.status, text: res.text };
  };
  const tool = async (name: string, args: () => Record<string, unknown>): Promise<Answer> => {
    const result = await attacker().mcp.call(name, args());
    return { status: result.isError ? 404 : 200, text: JSON.stringify(result) };
  };
  const victimId = () => v().user.id;
  const complete = () => ({ type: 'task.complete', payload: { task_id: numbers[0] } });
  const del = () => ({ type: 'task.delete', payload: { task_id: numbers[1] } });
  type Case = [string, number, () => Promise<Answer>];

  const restTasks: Case[] = [
    ['GET /api/tasks', 200, () => restCall('GET', '/api/tasks?status=all&limit=100')],
    ['GET /api/tasks?q=<victim marker>', 200, () => restCall('GET', `/api/tasks?q=${mark()}`)],
    ['GET /api/tasks?status=completed', 200, () => restCall('GET', '/api/tasks?status=completed')],
    ...[
      'tag=<victim marker>',
      'tag=work&priority=high',
      'due=overdue',
      'due=today',
      'due=week',
      'due_before=2100-01-01&due_after=2000-01-01',
      'sort=due',
      'sort=priority&order=desc',
    ].map((query): Case => [
      `GET /api/tasks?${query}`,
      200,
      () => restCall('GET', `/api/tasks?${query.replace('<victim marker>', mark())}`),
    ]),
    ...numbers.flatMap((n): Case[] => [
      [`GET /api/tasks/${n}`, 404, () => restCall('GET', `/api/tasks/${n}`)],
      [`PUT /api/tasks/${n}`, 404, () => restCall('PUT', `/api/tasks/${n}`, { title: 'hijacked' })],
      [`PATCH /api/tasks/${n}`, 404, () => restCall('PATCH', `/api/tasks/${n}`, { completed: true })],
      [`PATCH /api/tasks/${n}/complete`, 404, () => restCall('PATCH', `/api/tasks/${n}/complete`, {})],
      [`DELETE /api/tasks/${n}`, 404, () => restCall('DELETE', `/api/tasks/${n}`)],
    ]),
    ['GET /api/{victim}/tasks', 403, () => restCall('GET', `/api/${victimId()}/tasks`)],
    [
      'POST /api/{victim}/tasks',
      403,
      () => restCall('POST', `/api/${victimId()}/tasks`, { title: 'planted' }),
    ],
    ['GET /api/{victim}/tasks/<n>', 403, () => restCall('GET', `/api/${victimId()}/tasks/${numbers[0]}`)],
    [
      'PUT /api/{victim}/tasks/<n>',
      403,
      () => restCall('PUT', `/api/${victimId()}/tasks/${numbers[0]}`, { title: 'x' }),
    ],
    [
      'PATCH /api/{victim}/tasks/<n>',
      403,
      () => restCall('PATCH', `/api/${victimId()}/tasks/${numbers[0]}`, { title: 'x' }),
    ],
    [
      'PATCH /api/{victim}/tasks/<n>/complete',
      403,
      () => restCall('PATCH', `/api/${victimId()}/tasks/${numbers[0]}/complete`, {}),
    ],
    [
      'DELETE /api/{victim}/tasks/<n>',
      403,
      () => restCall('DELETE', `/api/${victimId()}/tasks/${numbers[0]}`),
    ],
  ];

  const restChat: Case[] = [
    ['GET /api/chat/conversations', 200, () => restCall('GET', '/api/chat/conversations?limit=100')],
    [
      'GET /api/chat/conversations?cursor=<victim thread>',
      400,
      () => restCall('GET', `/api/chat/conversations?cursor=${v().thread}`),
    ],
    ...(['thread', 'restThread'] as const).flatMap((k): Case[] => [
      [
        `GET /api/chat/conversations/<victim ${k}>/messages`,
        404,
        () => restCall('GET', `/api/chat/conversations/${v()[k]}/messages`),
      ],
      [
        `DELETE /api/chat/conversations/<victim ${k}>`,
        404,
        () => restCall('DELETE', `/api/chat/conversations/${v()[k]}`),
      ],
      [
        `POST /api/chat into <victim ${k}>`,
        404,
        () => restCall('POST', '/api/chat', { message: 'add planted', conversation_id: v()[k] }),
      ],
      [
        `POST /api/chat/stream into <victim ${k}>`,
        404,
        () => restCall('POST', '/api/chat/stream', { message: 'add planted', conversation_id: v()[k] }),
      ],
    ]),
    [
      'GET own messages with cursor=<victim item>',
      400,
      () =>
        restCall('GET', `/api/chat/conversations/${attacker().ownThread}/messages?cursor=${v().userItem}`),
    ],
    ['POST /api/{victim}/chat', 403, () => restCall('POST', `/api/${victimId()}/chat`, { message: 'add x' })],
    [
      'POST /api/{victim}/chat/stream',
      403,
      () => restCall('POST', `/api/${victimId()}/chat/stream`, { message: 'add x' }),
    ],
    [
      'GET /api/{victim}/chat/conversations',
      403,
      () => restCall('GET', `/api/${victimId()}/chat/conversations`),
    ],
    [
      'GET /api/{victim}/chat/conversations/<victim thread>/messages',
      403,
      () => restCall('GET', `/api/${victimId()}/chat/conversations/${v().thread}/messages`),
    ],
    [
      'DELETE /api/{victim}/chat/conversations/<victim thread>',
      403,
      () => restCall('DELETE', `/api/${victimId()}/chat/conversations/${v().thread}`),
    ],
  ];

  const own = () => attacker().ownThread;
  const chatKit: Case[] = [
    [
      'threads.create with an extra thread_id of the victim',
      200,
      () => chatkit('threads.create', () => ({ input: userInput('hello again'), thread_id: v().thread })),
    ],
    [
      'threads.add_user_message',
      404,
      () => chatkit('threads.add_user_message', () => ({ thread_id: v().thread, input: userInput('add x') })),
    ],
    [
      'threads.add_client_tool_output',
      404,
      () => chatkit('threads.add_client_tool_output', () => ({ thread_id: v().thread, result: { ok: 1 } })),
    ],
    [
      'threads.add_structured_input (victim thread)',
      404,
      () =>
        chatkit('threads.add_structured_input', () => ({
          thread_id: v().thread,
          item_id: v().structured,
          input: {},
        })),
    ],
    [
      'threads.add_structured_input (own thread, victim item)',
      404,
      () =>
        chatkit('threads.add_structured_input', () => ({
          thread_id: own(),
          item_id: v().structured,
          input: {},
        })),
    ],
    [
      'threads.retry_after_item (victim thread)',
      404,
      () => chatkit('threads.retry_after_item', () => ({ thread_id: v().thread, item_id: v().userItem })),
    ],
    [
      'threads.retry_after_item (own thread, victim item)',
      404,
      () => chatkit('threads.retry_after_item', () => ({ thread_id: own(), item_id: v().userItem })),
    ],
    ...(['threads.custom_action', 'threads.sync_custom_action'] as const).flatMap((type): Case[] => [
      [
        `${type} (victim thread, victim widget)`,
        404,
        () => chatkit(type, () => ({ thread_id: v().thread, item_id: v().widget, action: complete() })),
      ],
      [
        `${type} (victim thread, no item)`,
        404,
        () => chatkit(type, () => ({ thread_id: v().thread, item_id: null, action: del() })),
      ],
      [
        `${type} (own thread, victim widget)`,
        404,
        () => chatkit(type, () => ({ thread_id: own(), item_id: v().widget, action: complete() })),
      ],
      [
        `${type} (own thread, the victim's task numbers)`,
        200,
        () => chatkit(type, () => ({ thread_id: own(), item_id: null, action: del() })),
      ],
    ]),
    ['threads.get_by_id', 404, () => chatkit('threads.get_by_id', () => ({ thread_id: v().thread }))],
    ['threads.list', 200, () => chatkit('threads.list', () => ({ limit: 100 }))],
    ['threads.list after=<victim thread>', 400, () => chatkit('threads.list', () => ({ after: v().thread }))],
    [
      'threads.update',
      404,
      () => chatkit('threads.update', () => ({ thread_id: v().thread, title: 'Hijacked' })),
    ],
    ['threads.delete', 404, () => chatkit('threads.delete', () => ({ thread_id: v().thread }))],
    [
      'threads.delete (victim REST conversation)',
      404,
      () => chatkit('threads.delete', () => ({ thread_id: v().restThread })),
    ],
    ['items.list', 404, () => chatkit('items.list', () => ({ thread_id: v().thread }))],
    [
      'items.list (own thread, after=<victim item>)',
      400,
      () => chatkit('items.list', () => ({ thread_id: own(), after: v().assistant })),
    ],
    [
      'items.feedback (victim thread)',
      404,
      () =>
        chatkit('items.feedback', () => ({
          thread_id: v().thread,
          item_ids: [v().assistant],
          kind: 'negative',
        })),
    ],
    [
      'items.feedback (own thread, victim item)',
      404,
      () =>
        chatkit('items.feedback', () => ({
          thread_id: own(),
          item_ids: [attacker().ownItem, v().assistant],
          kind: 'negative',
        })),
    ],
    [
      'attachments.create',
      400,
      () => chatkit('attachments.create', () => ({ name: 'a.txt', size: 1, mime_type: 'text/plain' })),
    ],
    ['attachments.delete', 400, () => chatkit('attachments.delete', () => ({ attachment_id: v().userItem }))],
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
      () => ({ tags: [mark()] }),
      () => ({ tags: ['work'], priority: 'high' }),
      () => ({ due: 'overdue' }),
      () => ({ due: 'week' }),
      () => ({ due_before: '2100-01-01', sort: 'due' }),
      () => ({ status: 'pending', sort: 'priority' }),
    ].map((args, i): Case => [
      `MCP list_tasks ${i === 0 ? '{"tags":["<victim marker>"]}' : JSON.stringify(args())}`,
      200,
      () => tool('list_tasks', args),
    ]),
    ...numbers.flatMap((n): Case[] => [
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
      () => tool('add_task', () => ({ title: 'planted', user_id: victimId() })),
    ],
    [
      'MCP delete_task with user_id',
      404,
      () => tool('delete_task', () => ({ task_id: numbers[0], user_id: victimId() })),
    ],
    [
      'MCP list_tasks with user_id',
      404,
      () => tool('list_tasks', () => ({ status: 'all', user_id: victimId() })),
    ],
  ];

  const area =
    (name: string) =>
    ([request, status, run]: Case): MatrixCase => [name, request, status, run];
  return [
    ...restTasks.map(area('REST tasks')),
    ...restChat.map(area('REST chat')),
    ...chatKit.map(area('ChatKit')),
    ...mcpTools.map(area('MCP')),
  ];
}
