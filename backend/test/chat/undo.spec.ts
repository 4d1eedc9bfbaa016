import { connectHttp, McpConnection, textOf } from '../support/mcp-clients';
import { ChatKitClient, Ev, streamProblems, userInput } from '../support/chatkit-client';
import { startTestApp, TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/**
 * Undo, on every path: "undo" said in a chat (REST chat and ChatKit), the Undo bar's button under a turn's progress
 * (a ChatKit action), and `undo_last_change` over MCP. It reverses only the changes of that conversation (or of that
 * MCP client) of that user, newest first, and puts a deleted task back as it was.
 */
describe('undo', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([signUp(t.url, 'Alice'), signUp(t.url, 'Bob')]);
  });
  afterAll(() => t.close());

  const tasksOf = async (user: TestUser) =>
    (await api(t.url, user.jwt).get('/api/tasks?limit=100')).body.data as Array<Record<string, any>>;

  async function chat(user: TestUser, message: string, conversationId?: string) {
    const res = await api(t.url, user.jwt).post('/api/chat', {
      message,
      ...(conversationId ? { conversation_id: conversationId } : {}),
    });
    expect(res.status).toBe(200);
    return res.body as { conversation_id: string; response: string; tool_calls: Array<{ name: string }> };
  }

  describe('by chat (REST chat)', () => {
    it('puts a deleted task back with its number, fields, state and history', async () => {
      const rest = api(t.url, alice.jwt);
      await rest.post('/api/tasks', { title: 'Warm-up' });
      const created = await rest.post('/api/tasks', {
        title: 'Pay rent',
        description: 'Transfer to the landlord',
        priority: 'high',
        tags: ['home'],
        due_at: '2030-01-15',
      });
      expect(created.status).toBe(201);
      await rest.patch('/api/tasks/2', { completed: true });
      const before = (await rest.get('/api/tasks/2')).body;

      const deleted = await chat(alice, 'delete task 2');
      expect(deleted.tool_calls.map((c) => c.name)).toContain('delete_task');
      expect((await rest.get('/api/tasks/2')).status).toBe(404);

      const undone = await chat(alice, 'undo', deleted.conversation_id);
      expect(undone.tool_calls.map((c) => c.name)).toEqual(['undo_last_change']);
      expect(undone.response).toContain('Pay rent');
      const restored = (await rest.get('/api/tasks/2')).body;
      // Everything but the time of the last change comes back: number, fields, completion and its time, creation.
      expect({ ...restored, updated_at: undefined }).toEqual({ ...before, updated_at: undefined });
    });

    it('walks back further with each "undo" (more than ten changes), then says there is nothing left', async () => {
      const carol = await signUp(t.url, 'Carol');
      const first = await chat(carol, 'add task 0');
      const thread = first.conversation_id;
      for (let i = 1; i <= 11; i++) await chat(carol, `add errand number ${i}`, thread);
      await chat(carol, 'complete task 12', thread);
      expect(await tasksOf(carol)).toHaveLength(12);

      const reopened = await chat(carol, 'undo', thread);
      expect(reopened.response).toMatch(/Reopened task 12/);
      expect((await tasksOf(carol)).find((x) => x.id === 12)).toMatchObject({ completed: false });
      for (let i = 11; i >= 0; i--) {
        await chat(carol, 'undo that', thread);
        expect(await tasksOf(carol)).toHaveLength(i);
      }
      const nothing = await chat(carol, 'undo', thread);
      expect(nothing.response).toMatch(/nothing to undo/i);
      expect(await tasksOf(carol)).toEqual([]);
    });

    it("never reverses another conversation's or another user's change", async () => {
      const dave = await signUp(t.url, 'Dave');
      const one = await chat(dave, 'add water the plants');
      const other = await chat(dave, 'what can you do?');
      const nothing = await chat(dave, 'undo', other.conversation_id);
      expect(nothing.response).toMatch(/nothing to undo/i);
      // Bob cannot even reach Dave's conversation, and his own has nothing to undo.
      const bobs = await api(t.url, bob.jwt).post('/api/chat', {
        message: 'undo',
        conversation_id: one.conversation_id,
      });
      expect(bobs.status).toBe(404);
      expect((await chat(bob, 'undo')).response).toMatch(/nothing to undo/i);
      expect(await tasksOf(dave)).toMatchObject([{ id: 1, title: 'Water the plants' }]);
    });
  });

  describe('by the Undo bar (ChatKit)', () => {
    let erin: TestUser;
    let ck: ChatKitClient;
    let threadId: string;
    let bar: Ev;

    async function send(client: ChatKitClient, type: string, params: unknown): Promise<Ev[]> {
      const res = await client.stream(type, params);
      expect(res.error).toBeUndefined();
      expect(streamProblems(res.events)).toEqual([]);
      return res.events;
    }
    const undoBarOf = (events: Ev[]) =>
      events.find(
        (e) => e.type === 'thread.item.done' && e.item.type === 'widget' && e.item.widget.id === 'undo',
      )?.item;

    beforeAll(async () => {
      erin = await signUp(t.url, 'Erin');
      ck = new ChatKitClient(t.url, erin.jwt);
    });

    it('ends a turn that changed tasks with a bar saying what changed, whose Undo reverses it', async () => {
      const events = await send(ck, 'threads.create', { input: userInput('add buy milk') });
      threadId = events[0].thread.id;
      bar = undoBarOf(events)!;
      expect(bar).toBeDefined();
      const text = JSON.stringify(bar.widget);
      expect(text).toContain('Added task 1 “Buy milk”');
      expect(text).toContain('"label":"Undo"');
      const listed = await send(ck, 'threads.add_user_message', {
        thread_id: threadId,
        input: userInput('show my tasks'),
      });
      expect(undoBarOf(listed)).toBeUndefined(); // a listing changed nothing

      const pressed = await send(ck, 'threads.custom_action', {
        thread_id: threadId,
        item_id: bar.id,
        action: {
          type: 'task.undo',
          payload: { batch: bar.widget.children[0].children[2].onClickAction.payload.batch },
        },
      });
      const replaced = pressed.find((e) => e.type === 'thread.item.replaced')!;
      expect(replaced.item.id).toBe(bar.id);
      expect(JSON.stringify(replaced.item.widget)).toContain(
        'Removed task 1 “Buy milk”, which had been added.',
      );
      expect(JSON.stringify(replaced.item.widget)).not.toContain('"label":"Undo"');
      expect(pressed.find((e) => e.type === 'client_effect')).toMatchObject({
        name: 'tasks.changed',
        data: { changes: [{ action: 'deleted', task_id: 1 }] },
      });
      expect(await tasksOf(erin)).toEqual([]);
    });

    it('refuses a second press, a made-up batch and another user, changing nothing', async () => {
      const batch = bar.widget.children[0].children[2].onClickAction.payload.batch;
      const again = await ck.stream('threads.custom_action', {
        thread_id: threadId,
        item_id: bar.id,
        action: { type: 'task.undo', payload: { batch } },
      });
      expect(JSON.stringify(again.events)).toContain('That change was already undone.');

      const forged = await ck.json('threads.custom_action', {
        thread_id: threadId,
        item_id: bar.id,
        action: { type: 'task.undo', payload: { batch: "chg_' OR 1=1 --" } },
      });
      expect(forged.status).toBe(400);
      expect(JSON.stringify(forged.body)).toContain('batch must be the change batch');

      // Bob, with Erin's thread and batch: her thread does not exist for him.
      const stolen = await new ChatKitClient(t.url, bob.jwt).json('threads.custom_action', {
        thread_id: threadId,
        item_id: bar.id,
        action: { type: 'task.undo', payload: { batch } },
      });
      expect(stolen.status).toBe(404);
    });

    it('refuses to undo a turn whose task a later change touched, saying which', async () => {
      const added = await send(ck, 'threads.add_user_message', {
        thread_id: threadId,
        input: userInput('add call the bank'),
      });
      const addBar = undoBarOf(added)!;
      await send(ck, 'threads.add_user_message', {
        thread_id: threadId,
        input: userInput('complete task 2'),
      });
      const res = await ck.stream('threads.custom_action', {
        thread_id: threadId,
        item_id: addBar.id,
        action: { type: 'task.undo', payload: addBar.widget.children[0].children[2].onClickAction.payload },
      });
      expect(JSON.stringify(res.events)).toContain('A later change in this conversation also changed task 2');
      expect(await tasksOf(erin)).toMatchObject([{ id: 2, title: 'Call the bank', completed: true }]);
    });
  });

  describe('over MCP (undo_last_change)', () => {
    let mcp: McpConnection;
    let frank: TestUser;
    beforeAll(async () => {
      frank = await signUp(t.url, 'Frank');
      mcp = await connectHttp(t.url, frank.jwt);
    });
    afterAll(() => mcp.close());

    it("reverses the client's own changes newest first, never a chat's", async () => {
      await chat(frank, 'add from the chat');
      await mcp.call('add_task', { title: 'From the app' });
      await mcp.call('update_task', { task_id: 2, title: 'Renamed by the app' });

      const first = await mcp.call('undo_last_change', {});
      expect(first.structuredContent).toMatchObject({
        status: 'undone',
        changes: [
          { task_id: 2, undid: 'updated', status: 'restored', fields: ['title'], title: 'From the app' },
        ],
      });
      const second = await mcp.call('undo_last_change', {});
      expect(second.structuredContent).toMatchObject({
        status: 'undone',
        changes: [{ task_id: 2, undid: 'created' }],
      });
      const third = await mcp.call('undo_last_change', {});
      expect(third.structuredContent).toMatchObject({ status: 'nothing_to_undo', changes: [] });
      expect(textOf(third)).toContain('nothing to undo');
      expect(await tasksOf(frank)).toMatchObject([{ id: 1, title: 'From the chat' }]);
    });
  });
});
