import { ConversationStore } from '../../src/conversations/conversation-store.service';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/**
 * Users never reach each other's conversations: B's token with A's thread or item ids answers 404 (the same
 * as a missing id) for every request type, before any stream starts, and A's data stays exactly as it was.
 */
describe('isolation between users (ChatKit and REST chat)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let a: ChatKitClient;
  let b: ChatKitClient;
  let bobThread: string;
  const ids = { thread: '', user: '', assistant: '', widget: '', structured: '', toolCall: '' };
  let snapshot: unknown;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([signUp(t.url, 'Alice'), signUp(t.url, 'Bob')]);
    a = new ChatKitClient(t.url, alice.jwt);
    b = new ChatKitClient(t.url, bob.jwt);
    const created = await a.stream('threads.create', { input: userInput('add buy milk') });
    ids.thread = created.events[0].thread.id;
    await a.stream('threads.add_user_message', { thread_id: ids.thread, input: userInput('show my tasks') });
    const store = t.app.get(ConversationStore);
    ids.structured = (
      await store.addItem(alice.id, ids.thread, 'structured_input', {
        status: 'pending',
        inputs: [{ type: 'freeform', id: 'q', question: 'Why?' }],
      })
    ).id;
    ids.toolCall = (
      await store.addItem(alice.id, ids.thread, 'client_tool_call', {
        status: 'pending',
        call_id: 'c1',
        name: 'pick',
        arguments: {},
      })
    ).id;
    const items = (await a.json('items.list', { thread_id: ids.thread, order: 'asc' })).body.data;
    ids.user = items.find((i: any) => i.type === 'user_message').id;
    ids.assistant = items.find((i: any) => i.type === 'assistant_message').id;
    ids.widget = items.find((i: any) => i.type === 'widget').id;
    bobThread = (await b.stream('threads.create', { input: userInput('hello') })).events[0].thread.id;
    snapshot = (await a.json('threads.get_by_id', { thread_id: ids.thread })).body;
  });
  afterAll(() => t.close());

  const complete = { type: 'task.complete', payload: { task_id: 1 } };

  const onAlicesThread: Array<[string, () => Record<string, unknown>]> = [
    ['threads.add_user_message', () => ({ thread_id: ids.thread, input: userInput('add planted task') })],
    ['threads.add_client_tool_output', () => ({ thread_id: ids.thread, result: { hacked: true } })],
    ['threads.add_structured_input', () => ({ thread_id: ids.thread, item_id: ids.structured, input: {} })],
    ['threads.retry_after_item', () => ({ thread_id: ids.thread, item_id: ids.user })],
    ['threads.custom_action', () => ({ thread_id: ids.thread, item_id: ids.widget, action: complete })],
    ['threads.custom_action', () => ({ thread_id: ids.thread, item_id: null, action: complete })],
    ['threads.sync_custom_action', () => ({ thread_id: ids.thread, item_id: ids.widget, action: complete })],
    ['threads.get_by_id', () => ({ thread_id: ids.thread })],
    ['threads.update', () => ({ thread_id: ids.thread, title: 'Hacked' })],
    ['threads.delete', () => ({ thread_id: ids.thread })],
    ['items.list', () => ({ thread_id: ids.thread })],
    ['items.feedback', () => ({ thread_id: ids.thread, item_ids: [ids.assistant], kind: 'negative' })],
  ];

  it.each(onAlicesThread)("%s with Alice's thread id → 404 for Bob", async (type, params) => {
    const res = await b.json(type, params());
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(res.text).not.toContain('Buy milk');
  });

  const onBobsThreadWithAlicesItems: Array<[string, () => Record<string, unknown>]> = [
    ['threads.retry_after_item', () => ({ thread_id: bobThread, item_id: ids.user })],
    ['threads.add_structured_input', () => ({ thread_id: bobThread, item_id: ids.structured, input: {} })],
    ['threads.custom_action', () => ({ thread_id: bobThread, item_id: ids.widget, action: complete })],
    ['threads.sync_custom_action', () => ({ thread_id: bobThread, item_id: ids.widget, action: complete })],
    ['items.feedback', () => ({ thread_id: bobThread, item_ids: [ids.assistant], kind: 'negative' })],
  ];

  it.each(onBobsThreadWithAlicesItems)(
    "%s on Bob's own thread with Alice's item ids → 404",
    async (type, params) => {
      const res = await b.json(type, params());
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    },
  );

  it("rejects Alice's ids as pagination cursors for Bob (400, nothing listed)", async () => {
    expect((await b.json('items.list', { thread_id: bobThread, after: ids.user })).status).toBe(400);
    expect((await b.json('threads.list', { after: ids.thread })).status).toBe(400);
    expect((await b.json('threads.list', {})).body.data.map((th: any) => th.id)).toEqual([bobThread]);
  });

  it("REST chat: 404 on Alice's conversation, 403 on Alice's user path, and Bob's list is his own", async () => {
    const rest = api(t.url, bob.jwt);
    for (const res of [
      await rest.get(`/api/chat/conversations/${ids.thread}/messages`),
      await rest.delete(`/api/chat/conversations/${ids.thread}`),
      await rest.post('/api/chat', { message: 'add planted task', conversation_id: ids.thread }),
      await rest.post('/api/chat/stream', { message: 'add planted task', conversation_id: ids.thread }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    for (const res of [
      await rest.post(`/api/${alice.id}/chat`, { message: 'add planted task' }),
      await rest.get(`/api/${alice.id}/chat/conversations`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await rest.get('/api/chat/conversations')).body.data.map((c: any) => c.id)).toEqual([bobThread]);
  });

  it("a tampered widget payload acts only on Bob's own tasks", async () => {
    await b.stream('threads.add_user_message', {
      thread_id: bobThread,
      input: userInput('add feed the cat'),
    });
    const shown = await b.stream('threads.add_user_message', {
      thread_id: bobThread,
      input: userInput('show my tasks'),
    });
    const widget = shown.events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget')!.item;
    const res = await b.stream('threads.custom_action', {
      thread_id: bobThread,
      item_id: widget.id,
      action: { type: 'task.delete', payload: { task_id: 99 } },
    });
    expect(res.events.map((e) => e.type)).toEqual(['stream_options', 'thread.item.replaced', 'notice']);
    expect((await api(t.url, bob.jwt).get('/api/tasks')).body.data.map((x: any) => x.title)).toEqual([
      'Feed the cat',
    ]);
  });

  it("appends several items at once only to the caller's own thread, in the order given", async () => {
    const store = t.app.get(ConversationStore);
    const items = [
      {
        type: 'assistant_message' as const,
        payload: { content: [{ type: 'output_text' as const, text: 'Part', annotations: [] }] },
      },
      { type: 'sdk_hidden_context' as const, payload: { content: 'The user cancelled.' } },
    ];
    await expect(store.addItems(bob.id, ids.thread, items)).rejects.toThrow(/not found/i);
    await store.addItems(bob.id, bobThread, items);
    const bobs = (await b.json('items.list', { thread_id: bobThread, order: 'asc' })).body.data;
    expect(bobs.at(-1)).toMatchObject({ type: 'assistant_message', content: [{ text: 'Part' }] });
    const history = await store.history(bob.id, bobThread, 40);
    expect(history.slice(-2).map((i) => i.type)).toEqual(['assistant_message', 'sdk_hidden_context']);
  });

  it("leaves Alice's conversation and tasks exactly as they were", async () => {
    expect((await a.json('threads.get_by_id', { thread_id: ids.thread })).body).toEqual(snapshot);
    const tasks = (await api(t.url, alice.jwt).get('/api/tasks')).body.data;
    expect(tasks).toMatchObject([{ id: 1, title: 'Buy milk', completed: false }]);
    expect(tasks).toHaveLength(1);
    const all = (await a.json('items.list', { thread_id: ids.thread, limit: 100 })).body.data;
    expect(all.find((i: any) => i.id === ids.toolCall).status).toBe('pending');
    expect(all.find((i: any) => i.id === ids.structured).status).toBe('pending');
    expect(await t.app.get(ConversationStore).feedbackOf(alice.id, ids.assistant)).toBeNull();
  });
});
