import { AGENT_TURN_RUNNER } from '../../src/agent/agent-turn';
import { CANCELLED_CONTEXT } from '../../src/chat/chat-turn.service';
import { ConversationStore } from '../../src/conversations/conversation-store.service';
import {
  ChatKitClient,
  Ev,
  itemProblems,
  nullPaths,
  shapeOf,
  streamProblems,
  userInput,
} from '../support/chatkit-client';
import {
  addTask,
  fail,
  gate,
  listTasks,
  partial,
  say,
  ScriptedRunner,
  steps,
  untilAborted,
  waitFor,
} from '../support/scripted-runner';
import { startTestAppWith } from '../support/test-app-overrides';
import { TestApp } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

/**
 * Every ChatKit request type through real HTTP, against the golden transcripts (chatkit-protocol.md §5) and
 * the conformance checklist (§11). A scripted agent runner gives exact control over what the model does;
 * its tools act through the real TasksService.
 */
describe('ChatKit protocol conformance (POST /api/chatkit)', () => {
  const runner = new ScriptedRunner();
  let t: TestApp;
  let user: TestUser;
  let ck: ChatKitClient;
  let store: ConversationStore;

  beforeAll(async () => {
    t = await startTestAppWith([{ provide: AGENT_TURN_RUNNER, useValue: runner }]);
    runner.attach(t.app);
    store = t.app.get(ConversationStore);
  });
  beforeEach(async () => {
    // A user per test: task numbers start at 1 and the per-user turn limit never interferes.
    user = await signUp(t.url, 'Conformance');
    ck = new ChatKitClient(t.url, user.jwt);
  });
  afterAll(() => t.close());
  afterEach(() => expect(runner.pending).toBe(0)); // every queued script was played

  /** A conforming stream (checked against the checklist), or a failed test. */
  async function stream(type: string, params: unknown): Promise<Ev[]> {
    const res = await ck.stream(type, params);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(streamProblems(res.events)).toEqual([]);
    return res.events;
  }

  async function newThread(
    text = 'Hi',
    ...scripts: Parameters<typeof steps>
  ): Promise<{ id: string; events: Ev[] }> {
    runner.next(scripts.length ? steps(...scripts) : say('Hello'));
    const events = await stream('threads.create', { input: userInput(text) });
    return { id: events[0].thread.id, events };
  }

  async function itemsAsc(threadId: string): Promise<any[]> {
    const res = await ck.json('items.list', { thread_id: threadId, order: 'asc', limit: 100 });
    expect(res.status).toBe(200);
    return res.body.data;
  }

  describe('streaming requests', () => {
    it('threads.create streams thread.created, the user message, stream_options, the answer and the title (golden 5.1)', async () => {
      runner.next(say('Hello', ['Hel', 'lo']));
      const res = await ck.stream('threads.create', { input: userInput('Hi') });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('cache-control')).toContain('no-cache');
      expect(res.headers.get('x-accel-buffering')).toBe('no');
      expect(streamProblems(res.events)).toEqual([]);
      expect(shapeOf(res.events)).toEqual([
        'thread.created',
        'done:user_message',
        'stream_options',
        'added:assistant_message',
        'updated:assistant_message.content_part.added',
        'updated:assistant_message.content_part.text_delta',
        'updated:assistant_message.content_part.text_delta',
        'updated:assistant_message.content_part.done',
        'done:assistant_message',
        'thread.updated',
      ]);
      const [created, userDone, options, added, partAdded, d1, d2, partDone, done, updated] = res.events;
      const threadId = created.thread.id;
      expect(created.thread).toEqual({
        id: expect.stringMatching(/^thr_[0-9a-f]{16}$/),
        created_at: expect.any(String),
        status: { type: 'active' },
        metadata: {},
        items: { data: [], has_more: false },
      });
      expect('title' in created.thread).toBe(false);
      expect(userDone.item).toEqual({
        id: expect.stringMatching(/^msg_/),
        thread_id: threadId,
        created_at: expect.any(String),
        type: 'user_message',
        content: [{ type: 'input_text', text: 'Hi' }],
        attachments: [],
        inference_options: {},
      });
      expect(options).toEqual({ type: 'stream_options', stream_options: { allow_cancel: true } });
      const id = added.item.id;
      expect(added.item).toEqual({
        id,
        thread_id: threadId,
        created_at: expect.any(String),
        type: 'assistant_message',
        content: [],
      });
      expect(partAdded).toEqual({
        type: 'thread.item.updated',
        item_id: id,
        update: {
          type: 'assistant_message.content_part.added',
          content_index: 0,
          content: { type: 'output_text', text: '', annotations: [] },
        },
      });
      expect([d1.update.delta, d2.update.delta]).toEqual(['Hel', 'lo']);
      expect(partDone.update).toEqual({
        type: 'assistant_message.content_part.done',
        content_index: 0,
        content: { type: 'output_text', text: 'Hello', annotations: [] },
      });
      expect(done.item).toEqual({
        id,
        thread_id: threadId,
        created_at: expect.any(String),
        type: 'assistant_message',
        content: [{ type: 'output_text', text: 'Hello', annotations: [] }],
      });
      expect(updated.thread).toEqual({ ...created.thread, title: 'Hi' });
      expect(runner.requests.at(-1)).toMatchObject({ userId: user.id, input: 'Hi', history: [] });

      const reloaded = await ck.json('threads.get_by_id', { thread_id: threadId });
      expect(reloaded.body.title).toBe('Hi');
      expect(reloaded.body.items.data).toEqual([
        userDone.item,
        { ...done.item, created_at: expect.any(String) },
      ]);
    });

    it('threads.add_user_message streams the user message first, echoes quote and composer choices, and gives the model the history (golden 5.2)', async () => {
      const { id } = await newThread('First question');
      runner.next(say('Second answer'));
      const events = await stream('threads.add_user_message', {
        thread_id: id,
        input: userInput('use tool', {
          quoted_text: 'q',
          inference_options: { tool_choice: { id: 't1' }, model: 'gpt-x' },
        }),
      });
      expect(shapeOf(events).slice(0, 2)).toEqual(['done:user_message', 'stream_options']);
      expect(events.some((e) => e.type === 'thread.item.added' && e.item.type === 'user_message')).toBe(
        false,
      );
      expect(events[0].item).toMatchObject({
        thread_id: id,
        content: [{ type: 'input_text', text: 'use tool' }],
        quoted_text: 'q',
        inference_options: { tool_choice: { id: 't1' }, model: 'gpt-x' },
      });
      expect(events.some((e) => e.type === 'thread.updated')).toBe(false); // the title was set by the first turn
      expect(runner.requests.at(-1)).toMatchObject({
        input: 'use tool',
        history: [
          { kind: 'user', text: 'First question' },
          { kind: 'assistant', text: 'Hello' },
          { kind: 'context', text: 'The user is referring to this in particular: q' },
        ],
      });
    });

    it('omits optional fields a client sent as null', async () => {
      const { id } = await newThread();
      runner.next(say('ok'));
      const events = await stream('threads.add_user_message', {
        thread_id: id,
        input: {
          content: [{ type: 'input_text', text: 'x' }],
          attachments: [],
          quoted_text: null,
          inference_options: { tool_choice: null, model: null },
        },
      });
      expect(events[0].item).toEqual(expect.objectContaining({ inference_options: {} }));
      expect('quoted_text' in events[0].item).toBe(false);
    });

    it('shows tool work as a workflow, then a task-list widget after list_tasks, and tells the page tasks changed', async () => {
      const { events } = await newThread('add buy milk', addTask('Buy milk'), say('Added task 1.'));
      expect(shapeOf(events)).toEqual([
        'thread.created',
        'done:user_message',
        'stream_options',
        'added:workflow',
        'updated:workflow.task.updated',
        'client_effect',
        'done:workflow',
        'added:assistant_message',
        'updated:assistant_message.content_part.added',
        'updated:assistant_message.content_part.text_delta',
        'updated:assistant_message.content_part.text_delta',
        'updated:assistant_message.content_part.text_delta',
        'updated:assistant_message.content_part.done',
        'done:assistant_message',
        'thread.updated',
      ]);
      const wf = events[3];
      expect(wf.item.workflow).toEqual({
        type: 'custom',
        tasks: [{ type: 'custom', title: 'Adding “Buy milk”…', icon: 'plus', status_indicator: 'loading' }],
        expanded: false,
      });
      expect(events[4]).toEqual({
        type: 'thread.item.updated',
        item_id: wf.item.id,
        update: {
          type: 'workflow.task.updated',
          task_index: 0,
          task: {
            type: 'custom',
            title: 'Added “Buy milk” as task 1',
            icon: 'check-circle',
            status_indicator: 'complete',
          },
        },
      });
      expect(events[5]).toEqual({
        type: 'client_effect',
        name: 'tasks.changed',
        data: { changes: [{ action: 'created', task_id: 1, title: 'Buy milk', completed: false, tags: [] }] },
      });
      expect(events[6].item).toMatchObject({
        id: wf.item.id,
        workflow: { summary: { duration: expect.any(Number) }, expanded: false },
      });

      const threadId = events[0].thread.id;
      runner.next(steps(listTasks(), say('Here are your tasks.')));
      const listed = await stream('threads.add_user_message', {
        thread_id: threadId,
        input: userInput('show my tasks'),
      });
      expect(shapeOf(listed).slice(0, 6)).toEqual([
        'done:user_message',
        'stream_options',
        'added:workflow',
        'updated:workflow.task.updated',
        'done:workflow',
        'done:widget',
      ]);
      const widget = listed[5].item;
      expect(widget.widget.type).toBe('ListView');
      const [row] = widget.widget.children;
      expect(row).toMatchObject({ type: 'ListViewItem', key: 'task-1' });
      expect(JSON.stringify(row)).toContain('"value":"Buy milk"');
      const actions = JSON.stringify(row).match(/"onClickAction":\{"type":"[a-z_.]+"/g);
      expect(actions).toEqual([
        '"onClickAction":{"type":"task.complete"',
        '"onClickAction":{"type":"task.confirm_delete"',
      ]);
      expect(widget.copy_text).toBe('[ ] 1. Buy milk');

      // Stored for reload; the tool calls are stored too, hidden from clients but given to the model.
      const items = await itemsAsc(threadId);
      expect(items.map((i) => i.type)).toEqual([
        'user_message',
        'workflow',
        'assistant_message',
        'user_message',
        'workflow',
        'widget',
        'assistant_message',
      ]);
      for (const item of items) expect(itemProblems(item)).toEqual([]);
      runner.next(say('ok'));
      await stream('threads.add_user_message', { thread_id: threadId, input: userInput('thanks') });
      expect(runner.requests.at(-1)!.history).toEqual([
        { kind: 'user', text: 'add buy milk' },
        {
          kind: 'tool',
          callId: expect.any(String),
          name: 'add_task',
          arguments: '{"title":"Buy milk"}',
          output: expect.stringContaining('"task_id":1'),
        },
        { kind: 'assistant', text: 'Added task 1.' },
        { kind: 'user', text: 'show my tasks' },
        {
          kind: 'tool',
          callId: expect.any(String),
          name: 'list_tasks',
          arguments: '{"status":"all"}',
          output: expect.stringContaining('Buy milk'),
        },
        { kind: 'assistant', text: 'Here are your tasks.' },
      ]);
    });

    it('streams events as they are produced, not when the turn ends', async () => {
      const { id } = await newThread();
      const release = gate();
      runner.next(steps(say('first part'), waitFor(release.promise), say('second part')));
      const seen: string[] = [];
      for await (const e of ck.events('threads.add_user_message', {
        thread_id: id,
        input: userInput('go'),
      })) {
        seen.push(shapeOf([e])[0]);
        // The model is blocked until this first answer arrives: it can only arrive if frames are flushed as produced.
        if (e.type === 'thread.item.done' && e.item.type === 'assistant_message') release.open();
      }
      expect(seen.filter((s) => s === 'done:assistant_message')).toHaveLength(2);
    });

    it('ends a failed run with a retryable stream.error, keeps the user message and drops the half answer (golden 5.8)', async () => {
      const { id } = await newThread();
      runner.next(steps(partial('Half an ans'), fail('model_error')));
      const events = await stream('threads.add_user_message', {
        thread_id: id,
        input: userInput('break please'),
      });
      expect(shapeOf(events)).toEqual([
        'done:user_message',
        'stream_options',
        'added:assistant_message',
        'updated:assistant_message.content_part.added',
        'updated:assistant_message.content_part.text_delta',
        'error',
      ]);
      expect(events.at(-1)).toEqual({ type: 'error', code: 'stream.error', allow_retry: true });
      const items = await itemsAsc(id);
      expect(items.map((i) => i.type)).toEqual(['user_message', 'assistant_message', 'user_message']);
      expect(items[2].content[0].text).toBe('break please');

      // threads.retry_after_item re-runs it: stream_options first, no removal events, the old answer is gone.
      runner.next(say('A whole answer'));
      const retried = await stream('threads.retry_after_item', { thread_id: id, item_id: items[2].id });
      expect(retried[0].type).toBe('stream_options');
      expect(retried.some((e) => e.type === 'thread.item.removed')).toBe(false);
      expect(runner.requests.at(-1)).toMatchObject({
        input: 'break please',
        history: [{ kind: 'user' }, { kind: 'assistant' }],
      });
      const after = await itemsAsc(id);
      expect(after.map((i) => i.type)).toEqual([
        'user_message',
        'assistant_message',
        'user_message',
        'assistant_message',
      ]);
      expect(after[3].content[0].text).toBe('A whole answer');
    });

    it('says why when the agent needs too many steps (custom error with a message)', async () => {
      const { id } = await newThread();
      runner.next(fail('max_turns'));
      const events = await stream('threads.add_user_message', {
        thread_id: id,
        input: userInput('do everything'),
      });
      expect(events.at(-1)).toEqual({
        type: 'error',
        code: 'custom',
        message: expect.stringContaining('steps'),
        allow_retry: true,
      });
    });

    it('sets the title even when the first run fails, after the error (thread.updated last)', async () => {
      runner.next(fail('tool_error'));
      const events = await stream('threads.create', { input: userInput('plan my week') });
      expect(shapeOf(events).slice(-2)).toEqual(['error', 'thread.updated']);
      expect(events.at(-1)!.thread.title).toBe('Plan my week');
    });

    it('closes a workflow still open when the run ends before the title, so thread.updated stays last (§3.2.5)', async () => {
      const { events } = await newThread('add buy milk', addTask('Buy milk'));
      expect(shapeOf(events).slice(-2)).toEqual(['done:workflow', 'thread.updated']);
      expect(events.at(-1)!.thread.title).toBe('Add buy milk');
    });

    it('threads.retry_after_item replaces the answer after a user message; fails for other items and unknown ids', async () => {
      const { id } = await newThread('one', say('answer one'));
      runner.next(say('answer two'));
      await stream('threads.add_user_message', { thread_id: id, input: userInput('two') });
      const [u1, a1, u2, a2] = await itemsAsc(id);
      runner.next(say('answer two, again'));
      const events = await stream('threads.retry_after_item', { thread_id: id, item_id: u2.id });
      expect(shapeOf(events)[0]).toBe('stream_options');
      const after = await itemsAsc(id);
      expect(after.slice(0, 3).map((i) => i.id)).toEqual([u1.id, a1.id, u2.id]);
      expect(after).toHaveLength(4);
      expect(after[3].id).not.toBe(a2.id);
      expect(after[3].content[0].text).toBe('answer two, again');

      const onAnswer = await ck.json('threads.retry_after_item', { thread_id: id, item_id: after[3].id });
      expect(onAnswer.status).toBe(400);
      expect(onAnswer.body.error.message).toContain('not a user message');
      const unknown = await ck.json('threads.retry_after_item', {
        thread_id: id,
        item_id: 'msg_doesnotexist',
      });
      expect(unknown.status).toBe(404);
      expect((await itemsAsc(id)).map((i) => i.id)).toEqual(after.map((i) => i.id)); // nothing was deleted
    });

    it('stops the run when the client disconnects, and keeps the partial answer and a note for the model (§7.4)', async () => {
      const { id } = await newThread();
      runner.next(steps(partial('Working on it'), untilAborted()));
      const abort = new AbortController();
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const e of ck.events(
            'threads.add_user_message',
            { thread_id: id, input: userInput('long job') },
            abort.signal,
          )) {
            seen.push(shapeOf([e])[0]);
            if (
              e.type === 'thread.item.updated' &&
              e.update.type === 'assistant_message.content_part.text_delta'
            )
              abort.abort();
          }
        })(),
      ).rejects.toThrow();
      expect(seen).toContain('updated:assistant_message.content_part.text_delta');
      const request = runner.requests.at(-1)!;

      let items: any[] = [];
      for (let i = 0; i < 50 && items.length < 4; i++) {
        items = await itemsAsc(id);
        if (items.length < 4) await new Promise((r) => setTimeout(r, 50));
      }
      expect(request.signal.aborted).toBe(true);
      expect(items.map((i) => i.type)).toEqual([
        'user_message',
        'assistant_message',
        'user_message',
        'assistant_message',
      ]);
      expect(items[3].content[0].text).toBe('Working on it');

      runner.next(say('Sure.'));
      const next = await stream('threads.add_user_message', {
        thread_id: id,
        input: userInput('never mind'),
      });
      expect(next.at(-1)!.item.content[0].text).toBe('Sure.');
      expect(runner.requests.at(-1)!.history.slice(-3)).toEqual([
        { kind: 'user', text: 'long job' },
        { kind: 'assistant', text: 'Working on it' },
        { kind: 'context', text: CANCELLED_CONTEXT },
      ]);
    });
  });

  describe('widget actions', () => {
    async function threadWithTaskList(titles: string[]): Promise<{ threadId: string; widget: any }> {
      const { id } = await newThread('list', ...titles.map(addTask), listTasks(), say('Here they are.'));
      const widget = (await itemsAsc(id)).find((i) => i.type === 'widget');
      return { threadId: id, widget };
    }

    async function taskList(): Promise<Array<{ id: number; title: string; completed: boolean }>> {
      return (await api(t.url, user.jwt).get('/api/tasks?limit=100')).body.data;
    }

    it('threads.custom_action completes a task through the service and replaces the widget in place (persisted)', async () => {
      const { threadId, widget } = await threadWithTaskList(['Walk the dog']);
      const taskId = Number(widget.widget.children[0].key.slice('task-'.length));
      const events = await stream('threads.custom_action', {
        thread_id: threadId,
        item_id: widget.id,
        action: {
          type: 'task.complete',
          payload: { task_id: taskId },
          handler: 'server',
          loadingBehavior: 'container',
        },
      });
      expect(shapeOf(events)).toEqual(['stream_options', 'replaced:widget', 'client_effect']);
      const replaced = events[1].item;
      expect(replaced).toMatchObject({
        id: widget.id,
        thread_id: threadId,
        created_at: widget.created_at,
        type: 'widget',
      });
      expect(JSON.stringify(replaced.widget)).toContain('"lineThrough":true');
      expect(JSON.stringify(replaced.widget)).toContain('"type":"task.reopen"');
      expect(events[2]).toEqual({
        type: 'client_effect',
        name: 'tasks.changed',
        data: {
          changes: [
            { action: 'completed', task_id: taskId, title: 'Walk the dog', completed: true, tags: [] },
          ],
        },
      });
      expect((await taskList()).find((x) => x.id === taskId)?.completed).toBe(true);
      const stored = (await itemsAsc(threadId)).find((i) => i.id === widget.id);
      expect(stored.widget).toEqual(replaced.widget);

      // The model hears about it on the next turn; the note itself is never shown.
      runner.next(say('Nice.'));
      await stream('threads.add_user_message', { thread_id: threadId, input: userInput('done with that') });
      expect(runner.requests.at(-1)!.history.at(-1)).toEqual({
        kind: 'context',
        text: `In the task list widget, the user acted on task ${taskId} “Walk the dog”: it is now done.`,
      });
      expect((await itemsAsc(threadId)).some((i) => i.type.includes('hidden'))).toBe(false);

      const reopened = await stream('threads.custom_action', {
        thread_id: threadId,
        item_id: widget.id,
        action: { type: 'task.reopen', payload: { task_id: taskId } },
      });
      expect(JSON.stringify(reopened[1].item.widget)).not.toContain('lineThrough');
      expect((await taskList()).find((x) => x.id === taskId)?.completed).toBe(false);
    });

    it("the row's Delete asks first: the row becomes the question, Cancel restores it, nothing is deleted until Delete again", async () => {
      const { threadId, widget } = await threadWithTaskList(['Pay rent', 'Call mom']);
      const rent = Number(widget.widget.children[0].key.slice(5));
      const act = (action: { type: string; payload: { task_id: number } }) =>
        stream('threads.custom_action', { thread_id: threadId, item_id: widget.id, action });
      const buttonsOf = (row: any) =>
        JSON.stringify(row).match(/"label":"[^"]+"|"onClickAction":\{"type":"[a-z_.]+"/g);
      const before = await itemsAsc(threadId);

      const asking = await act({ type: 'task.confirm_delete', payload: { task_id: rent } });
      expect(shapeOf(asking)).toEqual(['stream_options', 'replaced:widget']); // no change, no effect
      const [question, other] = asking[1].item.widget.children;
      expect(question.key).toBe(`task-${rent}`);
      expect(JSON.stringify(question)).toContain(`Delete task ${rent}? Saying “undo” brings it back.`);
      expect(buttonsOf(question)).toEqual([
        '"label":"Yes, delete"',
        '"onClickAction":{"type":"task.delete"',
        '"label":"Cancel"',
        '"onClickAction":{"type":"task.keep"',
      ]);
      expect(JSON.stringify(other)).toContain('"type":"task.confirm_delete"'); // only the one row asks
      expect((await taskList()).map((x) => x.title)).toEqual(['Pay rent', 'Call mom']);
      // Not stored: a reload shows the row as it is, not a question nobody answered; nothing told to the model.
      expect((await itemsAsc(threadId)).find((i) => i.id === widget.id).widget).toEqual(widget.widget);
      expect((await itemsAsc(threadId)).length).toBe(before.length);

      const kept = await act({ type: 'task.keep', payload: { task_id: rent } });
      expect(kept[1].item.widget).toEqual(widget.widget);
      expect(await taskList()).toHaveLength(2);

      await act({ type: 'task.confirm_delete', payload: { task_id: rent } });
      const deleted = await act({ type: 'task.delete', payload: { task_id: rent } });
      expect(shapeOf(deleted)).toEqual(['stream_options', 'replaced:widget', 'client_effect']);
      expect((await taskList()).map((x) => x.title)).toEqual(['Call mom']);
    });

    it('task.delete removes the row; a task deleted elsewhere gives a notice and a fresh widget', async () => {
      const { threadId, widget } = await threadWithTaskList(['Pay rent', 'Call mom']);
      const [rent, mom] = widget.widget.children.map((c: any) => Number(c.key.slice(5)));
      const deleted = await stream('threads.custom_action', {
        thread_id: threadId,
        item_id: widget.id,
        action: { type: 'task.delete', payload: { task_id: rent } },
      });
      expect(deleted[1].item.widget.children.map((c: any) => c.key)).toEqual([`task-${mom}`]);
      expect(deleted[2].data.changes).toEqual([
        {
          action: 'deleted',
          task_id: rent,
          title: 'Pay rent',
          completed: false,
          tags: [],
        },
      ]);

      await api(t.url, user.jwt).delete(`/api/tasks/${mom}`);
      const stale = await stream('threads.custom_action', {
        thread_id: threadId,
        item_id: widget.id,
        action: { type: 'task.complete', payload: { task_id: mom } },
      });
      expect(shapeOf(stale)).toEqual(['stream_options', 'replaced:widget', 'notice']);
      expect(stale[1].item.widget.children).toEqual([expect.objectContaining({ key: 'empty' })]);
      expect(stale[2]).toEqual({
        type: 'notice',
        level: 'warning',
        message: `Task ${mom} no longer exists.`,
      });
    });

    it('a custom action without a sender acts and tells the page, with nothing to replace', async () => {
      const { threadId } = await threadWithTaskList(['Water plants']);
      const id = (await taskList()).find((x) => x.title === 'Water plants')!.id;
      const events = await stream('threads.custom_action', {
        thread_id: threadId,
        item_id: null,
        action: { type: 'task.complete', payload: { task_id: id } },
      });
      expect(shapeOf(events)).toEqual(['stream_options', 'client_effect']);
    });

    it('a custom action whose item is not a widget streams only the protocol error (checklist 20)', async () => {
      const { id } = await newThread();
      const [userMessage] = await itemsAsc(id);
      const res = await ck.stream('threads.custom_action', {
        thread_id: id,
        item_id: userMessage.id,
        action: { type: 'task.complete', payload: { task_id: 1 } },
      });
      expect(res.status).toBe(200);
      expect(res.events).toEqual([{ type: 'error', code: 'stream.error', allow_retry: false }]);
    });

    it('refuses unknown actions and malformed payloads with 400 before any stream', async () => {
      const { threadId, widget } = await threadWithTaskList(['Read a book']);
      for (const action of [
        { type: 'task.explode', payload: { task_id: 1 } },
        { type: 'task.complete', payload: { task_id: 'one' } },
        { type: 'task.complete', payload: { task_id: -1 } },
        { type: 'task.complete' },
      ]) {
        const res = await ck.json('threads.custom_action', {
          thread_id: threadId,
          item_id: widget.id,
          action,
        });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.body.error.code).toBe('invalid_input');
      }
    });

    it('threads.sync_custom_action answers JSON { updated_item } and stores it (golden 5.6)', async () => {
      const { threadId, widget } = await threadWithTaskList(['Buy bread']);
      const taskId = Number(widget.widget.children[0].key.slice(5));
      const res = await ck.json('threads.sync_custom_action', {
        thread_id: threadId,
        item_id: widget.id,
        action: { type: 'task.complete', payload: { task_id: taskId } },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Object.keys(res.body)).toEqual(['updated_item']);
      expect(res.body.updated_item).toMatchObject({ id: widget.id, type: 'widget' });
      expect(JSON.stringify(res.body.updated_item.widget)).toContain('"lineThrough":true');
      expect((await itemsAsc(threadId)).find((i) => i.id === widget.id).widget).toEqual(
        res.body.updated_item.widget,
      );

      const noSender = await ck.json('threads.sync_custom_action', {
        thread_id: threadId,
        action: { type: 'task.reopen', payload: { task_id: taskId } },
      });
      expect(noSender.body).toEqual({});
    });
  });

  describe('client tool output and structured input', () => {
    it('threads.add_client_tool_output completes the pending call and continues the turn (golden 5.3, checklist 14)', async () => {
      const { id } = await newThread();
      const call = await store.addItem(user.id, id, 'client_tool_call', {
        status: 'pending',
        call_id: 'call_abc',
        name: 'get_selection',
        arguments: { x: 1 },
      });
      runner.next(say('Thanks'));
      const events = await stream('threads.add_client_tool_output', {
        thread_id: id,
        result: { nodes: [1, 2], note: null },
      });
      expect(shapeOf(events)[0]).toBe('stream_options');
      expect(events.at(-1)!.item.content[0].text).toBe('Thanks');
      const { input, history } = runner.requests.at(-1)!;
      expect(input).toBe(''); // a continuation: the model reads the completed call from the history
      const replayed = history.at(-1)!;
      expect(replayed).toMatchObject({
        kind: 'tool',
        callId: 'call_abc',
        name: 'get_selection',
        arguments: '{"x":1}',
      });
      expect(JSON.parse((replayed as { output: string }).output)).toEqual({ nodes: [1, 2], note: null });
      const stored = (await itemsAsc(id)).find((i) => i.id === call.id);
      expect(stored).toMatchObject({ status: 'completed', output: { nodes: [1, 2], note: null } });

      const again = await ck.json('threads.add_client_tool_output', { thread_id: id, result: {} });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('no pending client tool call');
    });

    it('a client tool that returned null gets no output key, not "output": null (§1.5, checklist 4)', async () => {
      const { id } = await newThread();
      const call = await store.addItem(user.id, id, 'client_tool_call', {
        status: 'pending',
        call_id: 'call_null',
        name: 'get_selection',
        arguments: {},
      });
      runner.next(say('Thanks'));
      await stream('threads.add_client_tool_output', { thread_id: id, result: null });
      const stored = (await itemsAsc(id)).find((i) => i.id === call.id);
      expect(stored.status).toBe('completed');
      expect(nullPaths(stored)).toEqual([]);
      expect(stored).not.toHaveProperty('output');
    });

    it('threads.add_structured_input stores the answers (replaced) and continues the turn', async () => {
      const { id } = await newThread();
      const item = await store.addItem(user.id, id, 'structured_input', {
        status: 'pending',
        inputs: [
          {
            type: 'multiple_choice',
            id: 'when',
            question: 'When?',
            options: [{ value: 'today' }, { value: 'tomorrow' }],
            multiple: false,
          },
          { type: 'freeform', id: 'note', question: 'Any note?' },
        ],
      });
      runner.next(say('Got it'));
      const events = await stream('threads.add_structured_input', {
        thread_id: id,
        item_id: item.id,
        input: { answers: { when: { values: ['today', 'tomorrow'] }, unknown: { values: ['x'] } } },
      });
      expect(shapeOf(events).slice(0, 2)).toEqual(['stream_options', 'replaced:structured_input']);
      expect(events[1].item).toMatchObject({
        id: item.id,
        status: 'answered',
        inputs: [
          { id: 'when', answer: { values: ['today'], skipped: false } },
          { id: 'note', answer: { values: [], skipped: true } },
        ],
      });
      expect(runner.requests.at(-1)!.history.at(-1)).toEqual({
        kind: 'context',
        text: 'The user answered these questions:\nWhen?: today\nAny note?: skipped',
      });
      const again = await ck.json('threads.add_structured_input', {
        thread_id: id,
        item_id: item.id,
        input: {},
      });
      expect(again.status).toBe(409);
    });
  });

  describe('non-streaming requests', () => {
    it('threads.get_by_id returns the oldest 20 visible items in ascending order (checklist 22)', async () => {
      const { id } = await newThread('q0', say('a0'));
      for (let i = 1; i < 12; i++) {
        runner.next(steps(addTask(`T${i}`), say(`a${i}`)));
        await stream('threads.add_user_message', { thread_id: id, input: userInput(`q${i}`) });
      }
      const res = await ck.json('threads.get_by_id', { thread_id: id });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const items = res.body.items.data;
      expect(items).toHaveLength(20);
      expect(res.body.items).toMatchObject({ has_more: true, after: items[19].id });
      expect(items.slice(0, 5).map((i: any) => i.type)).toEqual([
        'user_message',
        'assistant_message',
        'user_message',
        'workflow',
        'assistant_message',
      ]);
      const times = items.map((i: any) => Date.parse(i.created_at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const item of items) expect(itemProblems(item)).toEqual([]);
      expect(nullPaths(res.body)).toEqual([]);

      // items.list: newest first by default, 20 per page; both directions page without repeats or gaps.
      const all = (await ck.json('items.list', { thread_id: id, order: 'asc', limit: 100 })).body.data.map(
        (i: any) => i.id,
      );
      expect(all).toHaveLength(35);
      const byDefault = await ck.json('items.list', { thread_id: id });
      expect(byDefault.body.data.map((i: any) => i.id)).toEqual([...all].reverse().slice(0, 20));
      for (const order of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let after: string | undefined;
        for (let page = 0; page < 20; page++) {
          const res = await ck.json('items.list', {
            thread_id: id,
            order,
            limit: 4,
            ...(after ? { after } : {}),
          });
          expect(res.body.data.length).toBeLessThanOrEqual(4);
          seen.push(...res.body.data.map((i: any) => i.id));
          expect('after' in res.body).toBe(res.body.has_more);
          if (!res.body.has_more) break;
          expect(res.body.after).toBe(res.body.data.at(-1).id);
          after = res.body.after;
        }
        expect(seen).toEqual(order === 'asc' ? all : [...all].reverse());
      }
      const badCursor = await ck.json('items.list', { thread_id: id, after: 'msg_notinthisthread' });
      expect(badCursor.status).toBe(400);
    });

    it('threads.list pages the caller’s threads newest first, with empty item pages and no metadata (checklist 24)', async () => {
      const other = await signUp(t.url, 'Lister');
      const own = new ChatKitClient(t.url, other.jwt);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        runner.next(say(`hi ${i}`));
        const res = await own.stream('threads.create', { input: userInput(`thread ${i}`) });
        ids.push(res.events[0].thread.id);
      }
      const first = await own.json('threads.list', { limit: 3 });
      expect(first.body).toEqual({
        data: [ids[4], ids[3], ids[2]].map((id, k) => ({
          id,
          title: `Thread ${4 - k}`,
          created_at: expect.any(String),
          status: { type: 'active' },
          metadata: {},
          items: { data: [], has_more: false },
        })),
        has_more: true,
        after: ids[2],
      });
      const second = await own.json('threads.list', { limit: 3, after: first.body.after });
      expect(second.body.data.map((th: any) => th.id)).toEqual([ids[1], ids[0]]);
      expect(second.body.has_more).toBe(false);
      expect('after' in second.body).toBe(false);
      const asc = await own.json('threads.list', { order: 'asc' });
      expect(asc.body.data.map((th: any) => th.id)).toEqual(ids);
      expect(
        (await own.json('threads.list', { limit: null, order: null, after: null })).body.data,
      ).toHaveLength(5);
      expect((await own.raw({ type: 'threads.list' })).status).toBe(200); // params may be left out
    });

    it('threads.update renames; threads.delete answers {} and the thread is gone (checklist 25)', async () => {
      const { id } = await newThread('rename me');
      const renamed = await ck.json('threads.update', { thread_id: id, title: '  Groceries  ' });
      expect(renamed.body).toMatchObject({
        id,
        title: 'Groceries',
        metadata: {},
        items: { data: [], has_more: false },
      });
      expect((await ck.json('threads.get_by_id', { thread_id: id })).body.title).toBe('Groceries');
      for (const title of ['', '   ', 'x'.repeat(201), 42]) {
        expect((await ck.json('threads.update', { thread_id: id, title })).status).toBe(400);
      }
      const deleted = await ck.json('threads.delete', { thread_id: id });
      expect(deleted.status).toBe(200);
      expect(deleted.text).toBe('{}');
      expect((await ck.json('threads.get_by_id', { thread_id: id })).status).toBe(404);
      expect((await ck.json('threads.list', { limit: 100 })).body.data.map((th: any) => th.id)).not.toContain(
        id,
      );
      expect((await ck.json('threads.delete', { thread_id: id })).status).toBe(404);
    });

    it('items.feedback answers {} and stores the feedback; any other kind is refused (checklist 27)', async () => {
      const { id, events } = await newThread();
      const answer = events.find(
        (e) => e.type === 'thread.item.done' && e.item.type === 'assistant_message',
      )!.item;
      const res = await ck.json('items.feedback', { thread_id: id, item_ids: [answer.id], kind: 'positive' });
      expect(res.status).toBe(200);
      expect(res.text).toBe('{}');
      expect(await store.feedbackOf(user.id, answer.id)).toBe('positive');
      await ck.json('items.feedback', { thread_id: id, item_ids: [answer.id, answer.id], kind: 'negative' });
      expect(await store.feedbackOf(user.id, answer.id)).toBe('negative');
      expect(
        (await ck.json('items.feedback', { thread_id: id, item_ids: [answer.id], kind: 'meh' })).status,
      ).toBe(400);
      const partlyUnknown = await ck.json('items.feedback', {
        thread_id: id,
        item_ids: [answer.id, 'msg_nope'],
        kind: 'positive',
      });
      expect(partlyUnknown.status).toBe(404);
      expect(await store.feedbackOf(user.id, answer.id)).toBe('negative'); // all or nothing
    });

    it.each([
      ['attachments.create', { name: 'a.txt', size: 12, mime_type: 'text/plain' }],
      ['attachments.delete', { attachment_id: 'atc_1' }],
      ['input.transcribe', { audio_base64: 'AAAA', mime_type: 'audio/webm;codecs=opus' }],
    ])(
      '%s answers a clean 400 not_supported (dictation: when no transcription model is set up)',
      async (type, params) => {
        const res = await ck.json(type, params);
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
          error: { code: 'not_supported', message: expect.stringMatching(/not supported|not set up/) },
        });
      },
    );

    it('a message with attachments is refused as not supported, before anything is stored', async () => {
      const before = (await ck.json('threads.list', { limit: 100 })).body.data.length;
      const res = await ck.json('threads.create', {
        input: userInput('see file', { attachments: ['atc_1'] }),
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('not_supported');
      expect((await ck.json('threads.list', { limit: 100 })).body.data.length).toBe(before);
    });

    it('ignores metadata and unknown keys; the type alone selects the operation (checklist 1)', async () => {
      runner.next(say('Hello'));
      const res = await ck.stream('threads.create', {
        input: { ...userInput('extra keys'), surprise: true },
        whatever: 1,
      });
      expect(res.status).toBe(200);
      const withMetadata = await ck.raw({
        type: 'threads.list',
        params: { limit: 1, extra: 'x' },
        metadata: { source: 'test' },
        more: [],
      });
      expect(withMetadata.status).toBe(200);
      expect(withMetadata.body.data).toHaveLength(1);
    });
  });
});
