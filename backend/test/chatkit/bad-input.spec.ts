import { Client } from 'pg';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import { startTestApp, testDatabaseUrl, TestApp } from '../support/test-app';
import { signUp, TestUser } from '../support/users';

/** `{"a":{"a":…}}` nested `depth` levels. */
function deep(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** The same as JSON text, built without recursion (for depths a recursive serializer cannot take). */
function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const HUGE = 'x'.repeat(20_000);

/** Values no string id, title or text field may take. */
const NOT_A_STRING = [123, true, null, [], {}, ['thr_1'], '', HUGE];
const BAD_LIMITS = [0, -1, 101, 1.5, '10', true, [], {}, 1e300];
const BAD_CONTENT = [
  [],
  'hello',
  [{ type: 'input_text', text: 5 }],
  [{ type: 'input_text' }],
  [{ type: 'output_text', text: 'hi' }],
  [{ type: 'input_text', text: '   ' }],
  [{ type: 'input_text', text: 'x'.repeat(4001) }],
  Array.from({ length: 21 }, () => ({ type: 'input_text', text: 'a' })),
  [{ type: 'input_tag', id: 't', text: 'tag', data: deep(3) }],
  [null],
];

/**
 * 200+ malformed or hostile ChatKit bodies: each must answer 4xx JSON (never a 2xx, a 5xx or a stream), the
 * server must stay healthy, and nothing may be written.
 */
describe('hostile and malformed ChatKit requests', () => {
  let t: TestApp;
  let user: TestUser;
  let ck: ChatKitClient;
  let db: Client;
  let thread: string;
  let userItem: string;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.url, 'Fuzz');
    ck = new ChatKitClient(t.url, user.jwt);
    const created = await ck.stream('threads.create', { input: userInput('add buy milk') });
    thread = created.events[0].thread.id;
    userItem = created.events[1].item.id;
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function footprint(): Promise<unknown> {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM chat_threads WHERE user_id = $1) AS threads,
              (SELECT json_agg(json_build_object('id', id, 'payload', payload, 'feedback', feedback) ORDER BY seq)
                 FROM chat_thread_items WHERE user_id = $1) AS items,
              (SELECT json_agg(json_build_object('n', number, 'done', completed, 'title', title) ORDER BY number)
                 FROM tasks WHERE user_id = $1) AS tasks,
              (SELECT title FROM chat_threads WHERE id = $2) AS title`,
      [user.id, thread],
    );
    return rows[0];
  }

  /** Valid params of each type; each case below breaks exactly one thing about them. */
  function valid(): Record<string, Record<string, unknown>> {
    return {
      'threads.create': { input: userInput('add planted task') },
      'threads.add_user_message': { thread_id: thread, input: userInput('add planted task') },
      'threads.add_client_tool_output': { thread_id: thread, result: { ok: true } },
      'threads.add_structured_input': { thread_id: thread, item_id: userItem, input: { answers: {} } },
      'threads.retry_after_item': { thread_id: thread, item_id: userItem },
      'threads.custom_action': {
        thread_id: thread,
        item_id: null,
        action: { type: 'task.delete', payload: { task_id: 1 } },
      },
      'threads.sync_custom_action': {
        thread_id: thread,
        item_id: null,
        action: { type: 'task.delete', payload: { task_id: 1 } },
      },
      'threads.get_by_id': { thread_id: thread },
      'threads.list': { limit: 5 },
      'threads.update': { thread_id: thread, title: 'Renamed' },
      'threads.delete': { thread_id: thread },
      'items.list': { thread_id: thread, limit: 5 },
      'items.feedback': { thread_id: thread, item_ids: [userItem], kind: 'positive' },
      'attachments.create': { name: 'a.txt', size: 1, mime_type: 'text/plain' },
      'attachments.delete': { attachment_id: 'atc_1' },
      'input.transcribe': { audio_base64: 'AAAA', mime_type: 'audio/webm' },
    };
  }

  function cases(): Array<[string, string | object]> {
    const out: Array<[string, string | object]> = [];
    const add = (name: string, body: string | object) => out.push([name, body]);
    // Not a request object at all.
    for (const raw of [
      '[]',
      '[1,2]',
      '"threads.list"',
      '42',
      'null',
      'true',
      '{',
      '{"type":',
      "{'type':'x'}",
      '{"type":"threads.list",}',
      '\u0000',
      '{}',
    ])
      add(`raw ${JSON.stringify(raw)}`, raw);
    // The discriminator.
    for (const type of [
      undefined,
      null,
      42,
      ['threads.list'],
      { a: 1 },
      '',
      'threads',
      'THREADS.LIST',
      'threads.hack',
      '__proto__',
      'constructor',
      'toString',
      HUGE,
    ])
      add(`type ${JSON.stringify(type)?.slice(0, 30)}`, { type, params: {} });
    const base = valid();
    for (const [type, params] of Object.entries(base)) {
      if (type !== 'threads.list') {
        add(`${type} without params`, { type });
        for (const p of [null, 'x', 1, []]) add(`${type} params=${JSON.stringify(p)}`, { type, params: p });
      }
      add(`${type} with metadata of the wrong type`, { type, params, metadata: 'x' });
      const numbers = Object.fromEntries(Object.keys(params).map((k) => [k, 12_345]));
      add(
        `${type} with deep metadata and numbers for every param`,
        `{"type":"${type}","params":${JSON.stringify(numbers)},"metadata":${deepJson(5000)}}`,
      );
      for (const [key, value] of Object.entries(params)) {
        if (key !== 'limit' && key !== 'item_id')
          add(`${type} without ${key}`, { type, params: { ...params, [key]: undefined } });
        if (typeof value === 'string' && key !== 'attachment_id') {
          for (const bad of NOT_A_STRING)
            add(`${type} ${key}=${JSON.stringify(bad).slice(0, 20)}`, {
              type,
              params: { ...params, [key]: bad },
            });
        }
        if (key === 'limit')
          for (const bad of BAD_LIMITS)
            add(`${type} limit=${JSON.stringify(bad)}`, { type, params: { ...params, limit: bad } });
      }
    }
    for (const bad of BAD_CONTENT) {
      add(`create content=${JSON.stringify(bad).slice(0, 40)}`, {
        type: 'threads.create',
        params: { input: { ...userInput('x'), content: bad } },
      });
      add(`add_user_message content=${JSON.stringify(bad).slice(0, 40)}`, {
        type: 'threads.add_user_message',
        params: { thread_id: thread, input: { ...userInput('x'), content: bad } },
      });
    }
    add('create with attachments', {
      type: 'threads.create',
      params: { input: userInput('x', { attachments: ['atc_1'] }) },
    });
    add('create with quoted_text too long', {
      type: 'threads.create',
      params: { input: userInput('x', { quoted_text: 'q'.repeat(4001) }) },
    });
    add('create with inference_options as a string', {
      type: 'threads.create',
      params: { input: userInput('x', { inference_options: 'fast' }) },
    });
    add('client tool output nested 100 deep', {
      type: 'threads.add_client_tool_output',
      params: { thread_id: thread, result: deep(100) },
    });
    add(
      'client tool output nested 10000 deep',
      `{"type":"threads.add_client_tool_output","params":{"thread_id":"${thread}","result":${deepJson(10_000)}}}`,
    );
    add('client tool output with no pending call', {
      type: 'threads.add_client_tool_output',
      params: { thread_id: thread, result: 1 },
    });
    add('structured input on a user message', {
      type: 'threads.add_structured_input',
      params: base['threads.add_structured_input'],
    });
    add('structured input with a bad status', {
      type: 'threads.add_structured_input',
      params: { thread_id: thread, item_id: userItem, input: { status: 'maybe' } },
    });
    add('structured input with 10k values', {
      type: 'threads.add_structured_input',
      params: {
        thread_id: thread,
        item_id: userItem,
        input: { answers: { q: { values: Array(10_000).fill('v') } } },
      },
    });
    for (const action of [
      null,
      'task.complete',
      { type: 'task.complete' },
      { type: 'task.complete', payload: { task_id: '1' } },
      { type: 'task.complete', payload: { task_id: 1.5 } },
      { type: 'task.complete', payload: { task_id: 0 } },
      { type: 'task.complete', payload: { task_id: 2 ** 40 } },
      { type: 'task.complete', payload: deep(1000) },
      { type: 'task.nuke', payload: { task_id: 1 } },
      { type: '', payload: { task_id: 1 } },
      { type: HUGE, payload: { task_id: 1 } },
      { payload: { task_id: 1 } },
    ]) {
      add(`custom_action ${JSON.stringify(action)?.slice(0, 40)}`, {
        type: 'threads.custom_action',
        params: { thread_id: thread, action },
      });
      add(`sync_custom_action ${JSON.stringify(action)?.slice(0, 40)}`, {
        type: 'threads.sync_custom_action',
        params: { thread_id: thread, action },
      });
    }
    add('custom action on an unknown item', {
      type: 'threads.custom_action',
      params: {
        thread_id: thread,
        item_id: 'msg_unknown',
        action: { type: 'task.complete', payload: { task_id: 1 } },
      },
    });
    add('retry on an unknown item', {
      type: 'threads.retry_after_item',
      params: { thread_id: thread, item_id: 'msg_unknown' },
    });
    add('feedback with 101 items', {
      type: 'items.feedback',
      params: { thread_id: thread, item_ids: Array(101).fill(userItem), kind: 'positive' },
    });
    add('feedback with no items', {
      type: 'items.feedback',
      params: { thread_id: thread, item_ids: [], kind: 'positive' },
    });
    add('feedback of the wrong kind', {
      type: 'items.feedback',
      params: { thread_id: thread, item_ids: [userItem], kind: 'love' },
    });
    add('items.list with an unknown cursor', {
      type: 'items.list',
      params: { thread_id: thread, after: 'msg_unknown' },
    });
    add('items.list sideways', { type: 'items.list', params: { thread_id: thread, order: 'sideways' } });
    add('threads.list with an unknown cursor', { type: 'threads.list', params: { after: 'thr_unknown' } });
    add('title of spaces', { type: 'threads.update', params: { thread_id: thread, title: '    ' } });
    add('title of 201 characters', {
      type: 'threads.update',
      params: { thread_id: thread, title: 't'.repeat(201) },
    });
    add('prototype keys and a bad title', {
      type: 'threads.update',
      params: JSON.parse(`{"__proto__":{"title":"x"},"thread_id":"${thread}","title":5}`),
    });
    add('a body over the size limit', {
      type: 'threads.create',
      params: { input: userInput('x'.repeat(200_000)) },
    });
    return out;
  }

  it('answers every one with a 4xx JSON error, writes nothing, and stays healthy', async () => {
    const before = await footprint();
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(200);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < all.length; i += 25) {
      await Promise.all(
        all.slice(i, i + 25).map(async ([name, body]) => {
          const res = await ck.raw(typeof body === 'string' ? body : JSON.stringify(body));
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const ok =
            [400, 404, 409, 413].includes(res.status) && // a refusal of the request, not of the caller
            res.headers.get('content-type')?.startsWith('application/json') &&
            typeof res.body?.error?.code === 'string' &&
            typeof res.body?.error?.message === 'string';
          if (!ok) failures.push(`${name}: ${res.status} ${res.text.slice(0, 200)}`);
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(statuses.get(400)).toBeGreaterThan(180);
    expect([...statuses.keys()].sort()).toEqual([400, 404, 409, 413]);
    expect(await footprint()).toEqual(before);

    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const after = await ck.stream('threads.add_user_message', {
      thread_id: thread,
      input: userInput('show my tasks'),
    });
    expect(after.status).toBe(200);
    expect(after.events.some((e) => e.type === 'thread.item.done' && e.item.type === 'widget')).toBe(true);
  }, 60_000);

  it('names the problem in the message', async () => {
    expect((await ck.json('threads.hack', {})).body.error.message).toMatch(
      /^type must be one of: threads\.create, /,
    );
    expect((await ck.json('threads.get_by_id', { thread_id: 7 })).body.error.message).toBe(
      'params.thread_id: Invalid input: expected string, received number',
    );
    expect((await ck.raw('[1]')).body.error.message).toContain('must be a JSON object');
    expect((await ck.json('threads.create', { input: userInput('   ') })).body.error.message).toBe(
      'params.input.content: the message has no text',
    );
  });
});
