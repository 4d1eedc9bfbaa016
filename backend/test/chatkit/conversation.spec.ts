import { ChatKitClient, Ev, shapeOf, streamProblems, userInput } from '../support/chatkit-client';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/**
 * A whole todo conversation over the ChatKit protocol with the real agent (offline model, MCP tools in process),
 * and the same conversation seen through the REST chat endpoints.
 */
describe('a full ChatKit conversation with the offline model', () => {
  let t: TestApp;
  let user: TestUser;
  let ck: ChatKitClient;
  let threadId: string;
  let widgetId: string;
  const streamed = new Map<string, Ev>(); // item id → the last version the client was sent

  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.url, 'Conversation');
    ck = new ChatKitClient(t.url, user.jwt);
  });
  afterAll(() => t.close());

  async function send(type: string, params: unknown): Promise<Ev[]> {
    const res = await ck.stream(type, params);
    expect(res.error).toBeUndefined();
    expect(streamProblems(res.events)).toEqual([]);
    for (const e of res.events)
      if (e.type === 'thread.item.done' || e.type === 'thread.item.replaced') streamed.set(e.item.id, e.item);
    return res.events;
  }

  const text = (events: Ev[]) =>
    events
      .filter((e) => e.type === 'thread.item.done' && e.item.type === 'assistant_message')
      .map((e) => e.item.content[0].text)
      .join('\n');

  it('"add buy milk" creates the thread: progress, streamed text, tasks.changed, a title', async () => {
    const events = await send('threads.create', { input: userInput('add buy milk') });
    threadId = events[0].thread.id;
    const shape = shapeOf(events);
    expect(shape.slice(0, 4)).toEqual([
      'thread.created',
      'done:user_message',
      'stream_options',
      'added:workflow',
    ]);
    expect(events[3].item.workflow.tasks[0]).toMatchObject({
      title: 'Adding “Buy milk”…',
      status_indicator: 'loading',
    });
    expect(shape).toContain('updated:assistant_message.content_part.text_delta');
    expect(events.find((e) => e.type === 'client_effect')).toEqual({
      type: 'client_effect',
      name: 'tasks.changed',
      data: { changes: [{ action: 'created', task_id: 1, title: 'Buy milk', completed: false, tags: [] }] },
    });
    expect(text(events)).toContain('Buy milk');
    expect(events.at(-1)).toMatchObject({
      type: 'thread.updated',
      thread: { id: threadId, title: 'Add buy milk' },
    });
    expect((await api(t.url, user.jwt).get('/api/tasks')).body.data).toMatchObject([
      { id: 1, title: 'Buy milk', completed: false },
    ]);
  });

  it('"show my tasks" answers with a task-list widget', async () => {
    await send('threads.add_user_message', { thread_id: threadId, input: userInput('add call mom') });
    const events = await send('threads.add_user_message', {
      thread_id: threadId,
      input: userInput('show my tasks'),
    });
    const widget = events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget')?.item;
    expect(widget.widget.type).toBe('ListView');
    expect(widget.widget.children.map((row: any) => row.key)).toEqual(['task-1', 'task-2']);
    expect(JSON.stringify(widget.widget)).toContain('"value":"Buy milk"');
    widgetId = widget.id;
  });

  it('the widget’s Done button completes task 1 and replaces the widget in place', async () => {
    const events = await send('threads.custom_action', {
      thread_id: threadId,
      item_id: widgetId,
      action: { type: 'task.complete', payload: { task_id: 1 } },
    });
    expect(shapeOf(events)).toEqual(['stream_options', 'replaced:widget', 'client_effect']);
    const [done, open] = events[1].item.widget.children;
    expect(JSON.stringify(done)).toContain('"lineThrough":true');
    expect(JSON.stringify(open)).not.toContain('lineThrough');
    const tasks = (await api(t.url, user.jwt).get('/api/tasks')).body.data;
    expect(tasks).toMatchObject([
      { id: 1, title: 'Buy milk', completed: true },
      { id: 2, completed: false },
    ]);
  });

  it('the next turn sees the change: "what\'s pending?" lists only the open task', async () => {
    const events = await send('threads.add_user_message', {
      thread_id: threadId,
      input: userInput("what's pending?"),
    });
    const widget = events.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget')?.item;
    expect(widget.widget.children.map((row: any) => row.key)).toEqual(['task-2']);
    expect(text(events)).not.toContain('Buy milk');
  });

  it('a reload (threads.get_by_id) shows exactly the items that were streamed, in order', async () => {
    const res = await ck.json('threads.get_by_id', { thread_id: threadId });
    expect(res.body).toMatchObject({ id: threadId, title: 'Add buy milk', items: { has_more: false } });
    const items = res.body.items.data;
    // A turn that changed tasks ends its progress with the Undo bar (a widget); a listing with the task list.
    expect(items.map((i: any) => i.type)).toEqual([
      'user_message',
      'workflow',
      'widget',
      'assistant_message',
      'user_message',
      'workflow',
      'widget',
      'assistant_message',
      'user_message',
      'workflow',
      'widget',
      'assistant_message',
      'user_message',
      'workflow',
      'widget',
      'assistant_message',
    ]);
    for (const item of items) expect(item).toEqual(streamed.get(item.id)); // user messages were sent as done too
    expect(items.find((i: any) => i.id === widgetId).widget.children[0]).toMatchObject({ key: 'task-1' });
    expect(JSON.stringify(items.find((i: any) => i.id === widgetId).widget.children[0])).toContain(
      '"lineThrough":true',
    );
  });

  it('is renamed, listed and deleted, and REST chat shows the same conversation', async () => {
    const renamed = await ck.json('threads.update', { thread_id: threadId, title: 'Errands' });
    expect(renamed.body.title).toBe('Errands');
    const listed = await ck.json('threads.list', {});
    expect(listed.body.data).toEqual([expect.objectContaining({ id: threadId, title: 'Errands' })]);

    const rest = api(t.url, user.jwt);
    const conversations = await rest.get('/api/chat/conversations');
    expect(conversations.body).toEqual({
      data: [
        {
          id: threadId,
          title: 'Errands',
          created_at: listed.body.data[0].created_at,
          updated_at: expect.any(String),
        },
      ],
      has_more: false,
    });
    const messages = await rest.get(`/api/chat/conversations/${threadId}/messages`);
    expect(messages.body.data.map((m: any) => [m.role, m.content.split('\n')[0]])).toEqual([
      ['user', 'add buy milk'],
      ['assistant', expect.stringContaining('Buy milk')],
      ['user', 'add call mom'],
      ['assistant', expect.stringContaining('Call mom')],
      ['user', 'show my tasks'],
      ['assistant', expect.any(String)],
      ['user', "what's pending?"],
      ['assistant', expect.any(String)],
    ]);

    expect((await ck.json('threads.delete', { thread_id: threadId })).body).toEqual({});
    expect((await ck.json('threads.get_by_id', { thread_id: threadId })).status).toBe(404);
    expect((await ck.json('threads.list', {})).body.data).toEqual([]);
    expect((await rest.get('/api/chat/conversations')).body.data).toEqual([]);
    expect((await rest.get(`/api/chat/conversations/${threadId}/messages`)).status).toBe(404);
    expect((await rest.get('/api/tasks')).body.data).toHaveLength(2); // the tasks are the user's, not the thread's
  });
});
