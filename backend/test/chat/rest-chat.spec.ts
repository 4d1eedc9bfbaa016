import { ChatKitClient, userInput } from '../support/chatkit-client';
import { readNamedEvents } from '../support/sse-events';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/** The seed's REST chat endpoints, on the same conversations as ChatKit, with the real offline agent. */
describe('REST chat (/api/chat…)', () => {
  let t: TestApp;
  let user: TestUser;
  let rest: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.url, 'Rest');
    rest = api(t.url, user.jwt);
  });
  afterAll(() => t.close());

  it('POST /api/chat starts a conversation and answers { conversation_id, response, tool_calls }', async () => {
    const first = await rest.post('/api/chat', { message: 'add buy milk' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      conversation_id: expect.stringMatching(/^thr_[0-9a-f]{16}$/),
      response: expect.stringContaining('Buy milk'),
      tool_calls: [
        {
          name: 'add_task',
          arguments: { title: 'Buy milk' },
          output: { task_id: 1, status: 'created', title: 'Buy milk' },
        },
      ],
    });
    const next = await rest.post('/api/chat', {
      message: 'show my tasks',
      conversation_id: first.body.conversation_id,
    });
    expect(next.body.conversation_id).toBe(first.body.conversation_id);
    expect(next.body.tool_calls).toEqual([
      {
        name: 'list_tasks',
        arguments: expect.any(Object),
        output: [expect.objectContaining({ id: 1, title: 'Buy milk', completed: false })],
      },
    ]);

    // The same conversation through ChatKit: REST messages are thread items. (Workflows and widgets are
    // ChatKit's presentation of tool work, so a REST turn stores only the messages and the hidden tool calls.)
    const ck = new ChatKitClient(t.url, user.jwt);
    const thread = await ck.json('threads.get_by_id', { thread_id: first.body.conversation_id });
    expect(thread.body.title).toBe('Add buy milk');
    expect(thread.body.items.data.map((i: any) => [i.type, i.content[0].text])).toEqual([
      ['user_message', 'add buy milk'],
      ['assistant_message', first.body.response],
      ['user_message', 'show my tasks'],
      ['assistant_message', next.body.response],
    ]);
    const more = await ck.stream('threads.add_user_message', {
      thread_id: first.body.conversation_id,
      input: userInput('add eggs'),
    });
    expect(more.status).toBe(200);
    const messages = await rest.get(`/api/chat/conversations/${first.body.conversation_id}/messages`);
    expect(messages.body.data.map((m: any) => m.content).slice(-2)).toEqual([
      'add eggs',
      expect.stringContaining('Eggs'),
    ]);
  });

  it("POST /api/{user_id}/chat works for one's own id and is 403 for another's", async () => {
    const own = await rest.post(`/api/${user.id}/chat`, { message: 'add walk the dog' });
    expect(own.status).toBe(200);
    expect(own.body.tool_calls[0]).toMatchObject({ name: 'add_task', output: { status: 'created' } });
    const other = await signUp(t.url, 'Other');
    const res = await rest.post(`/api/${other.id}/chat`, { message: 'add planted' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('POST /api/chat/stream streams conversation, deltas, tool events, tasks_changed and done', async () => {
    const res = await fetch(`${t.url}/api/chat/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'add water the plants' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readNamedEvents(res);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('conversation');
    expect(names.slice(1, 4)).toEqual(['tool_call', 'tool_result', 'tasks_changed']);
    expect(names.at(-1)).toBe('done');
    expect(new Set(names.slice(4, -1))).toEqual(new Set(['delta']));
    const id = events[0].data.conversation_id;
    expect(events[1].data).toEqual({ name: 'add_task', arguments: { title: 'Water the plants' } });
    expect(events[3].data).toEqual({
      changes: [
        {
          action: 'created',
          task_id: expect.any(Number),
          title: 'Water the plants',
          completed: false,
          tags: [],
        },
      ],
    });
    const done = events.at(-1)!.data;
    expect(done).toEqual({ conversation_id: id, response: expect.any(String), tool_calls: [events[2].data] });
    const deltas = events.filter((e) => e.event === 'delta');
    expect(deltas.map((e) => e.data.text).join('')).toBe(done.response);
    expect(new Set(deltas.map((e) => e.data.message_id)).size).toBe(1);
  });

  it('lists conversations newest first with cursors, lists messages both ways, and deletes', async () => {
    const u = await signUp(t.url, 'Lister');
    const r = api(t.url, u.jwt);
    const ids: string[] = [];
    for (const m of ['add a', 'add b', 'add c'])
      ids.push((await r.post('/api/chat', { message: m })).body.conversation_id);
    const ck = new ChatKitClient(t.url, u.jwt);
    ids.push((await ck.stream('threads.create', { input: userInput('add d') })).events[0].thread.id); // a ChatKit thread is a conversation

    const page1 = await r.get('/api/chat/conversations?limit=3');
    expect(page1.body.data.map((c: any) => c.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(page1.body.data[0]).toEqual({
      id: ids[3],
      title: 'Add d',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(page1.body).toMatchObject({ has_more: true, next_cursor: ids[1] });
    const page2 = await r.get(`/api/chat/conversations?limit=3&cursor=${page1.body.next_cursor}`);
    expect(page2.body).toEqual({ data: [expect.objectContaining({ id: ids[0] })], has_more: false });

    await r.post('/api/chat', { message: 'show my tasks', conversation_id: ids[0] });
    const asc = await r.get(`/api/chat/conversations/${ids[0]}/messages`);
    expect(asc.body.data.map((m: any) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(asc.body.data[0]).toEqual({
      id: expect.any(String),
      role: 'user',
      content: 'add a',
      created_at: expect.any(String),
    });
    const desc = await r.get(`/api/chat/conversations/${ids[0]}/messages?order=desc&limit=3`);
    expect(desc.body.data.map((m: any) => m.id)).toEqual(
      [...asc.body.data]
        .reverse()
        .slice(0, 3)
        .map((m: any) => m.id),
    );
    const rest2 = await r.get(
      `/api/chat/conversations/${ids[0]}/messages?order=desc&limit=3&cursor=${desc.body.next_cursor}`,
    );
    expect(rest2.body).toEqual({ data: [asc.body.data[0]], has_more: false });

    const deleted = await r.delete(`/api/chat/conversations/${ids[0]}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ conversation_id: ids[0], status: 'deleted' });
    expect((await r.delete(`/api/chat/conversations/${ids[0]}`)).status).toBe(404);
    expect((await ck.json('threads.get_by_id', { thread_id: ids[0] })).status).toBe(404);
  });

  it('documents every chat and ChatKit route in the OpenAPI document', async () => {
    const docs = await api(t.url).get('/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/chatkit',
        '/api/chat',
        '/api/{userId}/chat',
        '/api/chat/stream',
        '/api/chat/conversations',
        '/api/chat/conversations/{id}/messages',
        '/api/chat/conversations/{id}',
        '/api/chat/chatkit/session',
      ]),
    );
  });

  describe('validation: 400 with a message naming the field', () => {
    it.each([
      ['no message', {}, 'message'],
      ['an empty message', { message: '' }, 'message must be 1-4000 characters'],
      ['a blank message', { message: '   ' }, 'message must be 1-4000 characters'],
      ['a message too long', { message: 'x'.repeat(4001) }, 'message must be 1-4000 characters'],
      ['a message of the wrong type', { message: ['add x'] }, 'message must be a string'],
      [
        'a malformed conversation_id',
        { message: 'hi', conversation_id: 'thr_1; DROP TABLE' },
        'conversation_id must be a conversation id',
      ],
      [
        'a conversation_id of the wrong type',
        { message: 'hi', conversation_id: 7 },
        'conversation_id must be a string',
      ],
      ['an unknown field', { message: 'hi', user_id: 'someone' }, 'property user_id should not exist'],
    ])('POST /api/chat with %s', async (_name, body, message) => {
      for (const path of ['/api/chat', '/api/chat/stream']) {
        const res = await rest.post(path, body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('invalid_input');
        expect(res.body.error.message).toContain(message);
      }
    });

    it('accepts exactly 4000 characters', async () => {
      expect((await rest.post('/api/chat', { message: 'x'.repeat(4000) })).status).toBe(200);
    });

    it.each([
      ['/api/chat/conversations?limit=0', 'limit must be an integer from 1 to 100'],
      ['/api/chat/conversations?limit=abc', 'limit must be an integer from 1 to 100'],
      ['/api/chat/conversations?cursor=thr_unknown', 'not an id of this list'],
      ['/api/chat/conversations?extra=1', 'property extra should not exist'],
    ])('GET %s', async (path, message) => {
      const res = await rest.get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });

    it('answers 404 for an unknown conversation and 401 without a token', async () => {
      expect(
        (await rest.post('/api/chat', { message: 'hi', conversation_id: 'thr_0000000000000000' })).status,
      ).toBe(404);
      expect((await rest.get('/api/chat/conversations/thr_0000000000000000/messages')).status).toBe(404);
      for (const [method, path] of [
        ['POST', '/api/chat'],
        ['POST', '/api/chat/stream'],
        ['GET', '/api/chat/conversations'],
        ['POST', '/api/chatkit'],
        ['POST', '/api/chat/chatkit/session'],
      ]) {
        const res = await fetch(`${t.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'POST' ? JSON.stringify({ message: 'hi' }) : undefined,
        });
        expect(res.status).toBe(401);
      }
    });
  });
});
