import { Client } from 'pg';
import { ChatKitClient, Ev, streamProblems, userInput } from '../support/chatkit-client';
import { HOSTILE_TEXTS } from '../support/hostile-texts';
import { readNamedEvents } from '../support/sse-events';
import { startTestApp, TestApp } from '../support/test-app';
import { connectTestDb, rowsOf } from '../support/user-rows';
import { createTokenUser } from '../support/user-factory';
import { api } from '../support/users';

// The projects' testTimeout is not applied per project (jest reads it globally): allow for 2 busy cores.
jest.setTimeout(30_000);

/** HOSTILE_TEXTS plus what matters to SSE in particular: lone CRs, Unicode line separators, frame look-alikes. */
const SSE_HOSTILE = [
  ...HOSTILE_TEXTS,
  'cr\ronly\r\rdata: {"type":"thread.deleted","thread_id":"x"}\r\r',
  'unicode line\u2028separators\u2029and\u0085NEL',
  '\n\nevent: done\ndata: {"conversation_id":"forged"}\n\n',
  'id: 1\nretry: 0\n: comment\ndata:',
];

const REST_EVENTS = new Set([
  'conversation',
  'delta',
  'tool_call',
  'tool_result',
  'tasks_changed',
  'done',
  'error',
]);

/**
 * Messages are data on the chat surfaces too: whatever a message contains (HTML, script, SQL, newlines,
 * `data:` lines, forged frames) comes back byte for byte as a JSON string, and every SSE frame stays one
 * frame — one `data:` line for ChatKit, `event:` + one `data:` line for REST. And the chat inputs have
 * limits, each refused with a clear 4xx before anything is stored.
 */
describe('chat content and input limits', () => {
  let t: TestApp;
  let db: Client;
  let user: { id: string; jwt: string };

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '16kb', CHAT_RATE_LIMIT_PER_MINUTE: '1000' });
    db = await connectTestDb();
  });
  beforeEach(async () => {
    user = await createTokenUser(t.app); // a fresh user per test, without the cost of a real sign-up
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('stored content is data, through the SSE streams', () => {
    it.each(SSE_HOSTILE.map((text, i) => [i, text]))(
      'ChatKit #%i: one data line per frame, the text round-trips exactly',
      async (_i, text) => {
        const ck = new ChatKitClient(t.url, user.jwt);
        // ChatKitClient.stream fails on any frame that is not exactly `data: <one line of compact JSON>`
        const created = await ck.stream('threads.create', { input: userInput(text) });
        expect(created.status).toBe(200);
        expect(streamProblems(created.events)).toEqual([]);
        expect(created.events.filter((e) => e.type === 'error')).toEqual([]);
        const sent = created.events[1].item;
        expect(sent.content).toEqual([{ type: 'input_text', text }]);
        const thread = created.events[0].thread.id;

        const added = await ck.stream('threads.add_user_message', {
          thread_id: thread,
          input: userInput(`add ${text}`),
        });
        expect(streamProblems(added.events)).toEqual([]);
        expect(added.events.filter((e) => e.type === 'error' || e.type === 'thread.deleted')).toEqual([]);
        // the assistant's reply quotes the task title: the hostile text went through the deltas intact
        const reply = added.events.filter((e: Ev) => e.type === 'thread.item.done').at(-1)!.item;
        const tasks = (await api(t.url, user.jwt).get('/api/tasks?limit=100')).body.data as Array<{
          title: string;
        }>;
        for (const task of tasks) expect(reply.content[0].text).toContain(task.title);

        const stored = await ck.json('items.list', { thread_id: thread, order: 'asc', limit: 100 });
        const users = stored.body.data.filter((i: Ev) => i.type === 'user_message');
        expect(users.map((i: Ev) => i.content[0].text)).toEqual([text, `add ${text}`]);
        const { rows } = await db.query(
          "SELECT payload->'content'->0->>'text' AS text FROM chat_thread_items WHERE thread_id = $1 AND type = 'user_message' ORDER BY seq",
          [thread],
        );
        expect(rows.map((r: { text: string }) => r.text)).toEqual([text, `add ${text}`]);
      },
    );

    it.each(SSE_HOSTILE.map((text, i) => [i, text]))(
      'REST /api/chat/stream #%i: event + data line per frame, the text round-trips exactly',
      async (_i, text) => {
        const res = await fetch(`${t.url}/api/chat/stream`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.jwt}`, 'content-type': 'application/json' },
          body: JSON.stringify({ message: `add ${text}` }),
        });
        expect(res.status).toBe(200);
        // readNamedEvents fails on any frame that is not exactly `event: <name>\ndata: <one line of JSON>`
        const events = await readNamedEvents(res);
        for (const e of events) expect(REST_EVENTS).toContain(e.event);
        expect(events.map((e) => e.event).filter((n) => n === 'done' || n === 'conversation')).toEqual([
          'conversation',
          'done',
        ]);
        const done = events.at(-1)!;
        expect(done.event).toBe('done');
        expect(done.data.conversation_id).toBe(events[0].data.conversation_id);
        expect(
          events
            .filter((e) => e.event === 'delta')
            .map((e) => e.data.text)
            .join(''),
        ).toBe(done.data.response);
        for (const call of done.data.tool_calls as Array<{ output: { title?: string } }>)
          if (call.output?.title) expect(done.data.response).toContain(call.output.title);

        const messages = await api(t.url, user.jwt).get(
          `/api/chat/conversations/${done.data.conversation_id}/messages`,
        );
        expect(messages.body.data[0].content).toBe(`add ${text}`.trim()); // REST trims the message, as documented
        expect(messages.body.data[1].content).toBe(done.data.response);
      },
    );
  });

  describe('input limits: a clear 4xx, nothing stored', () => {
    async function expectRefused(
      send: () => Promise<{ status: number; text: string; headers: Headers }>,
      status: number,
      message: string | RegExp,
    ): Promise<void> {
      const before = await rowsOf(db, user.id);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const error = (JSON.parse(res.text) as { error: { code: string; message: string } }).error;
      if (typeof message === 'string') expect(error.message).toContain(message);
      else expect(error.message).toMatch(message);
      expect(await rowsOf(db, user.id)).toEqual(before);
    }

    it('message length: 4000 characters pass on ChatKit, 4001 (also across parts) are refused', async () => {
      const ck = new ChatKitClient(t.url, user.jwt);
      expect((await ck.stream('threads.create', { input: userInput('x'.repeat(4000)) })).status).toBe(200);
      await expectRefused(
        () =>
          ck.raw({
            type: 'threads.create',
            params: {
              input: {
                content: [
                  { type: 'input_text', text: 'x'.repeat(2000) },
                  { type: 'input_text', text: 'y'.repeat(2001) },
                ],
              },
            },
          }),
        400,
        'params.input.content: the message is longer than 4000 characters',
      );
    });

    it('body size: 413 in the error shape on /api/chatkit, /api/chat and /api/chat/stream', async () => {
      const big = 'b'.repeat(17 * 1024);
      const ck = new ChatKitClient(t.url, user.jwt);
      await expectRefused(
        () => ck.raw({ type: 'threads.create', params: { input: userInput('add x'), padding: big } }),
        413,
        'The body is too large.',
      );
      for (const path of ['/api/chat', '/api/chat/stream'])
        await expectRefused(
          () => api(t.url, user.jwt).post(path, { message: 'add x', padding: big }),
          413,
          'The body is too large.',
        );
    });

    it('NUL characters and unpaired surrogates: 400 naming the field on every chat input (they were 500s)', async () => {
      const ck = new ChatKitClient(t.url, user.jwt);
      const created = await ck.stream('threads.create', { input: userInput('hello') });
      const thread = created.events[0].thread.id;
      const item = created.events[1].item.id;
      const rest = api(t.url, user.jwt);
      const cases: Array<[() => Promise<{ status: number; text: string; headers: Headers }>, string]> = [
        [
          () => rest.post('/api/chat', { message: 'add a\u0000b' }),
          'message must not contain NUL characters',
        ],
        [() => rest.post('/api/chat/stream', { message: 'add \ud800' }), 'message must not contain NUL'],
        [() => rest.get(`/api/chat/conversations?cursor=a%00`), 'cursor is not valid'],
        [() => rest.get(`/api/chat/conversations/${thread}/messages?cursor=a%00`), 'cursor is not valid'],
        [() => rest.get('/api/chat/conversations/a%00b/messages'), 'id must be a conversation id'],
        [() => rest.delete('/api/chat/conversations/a%00b'), 'id must be a conversation id'],
        [() => rest.get('/api/tasks?q=a%00'), 'q must not contain NUL characters'],
        [() => rest.post('/api/tasks', { title: 'lone \udc00' }), 'title must not contain NUL characters'],
        [
          () => ck.json('threads.create', { input: userInput('add a\u0000b') }),
          'params.input.content.0.text:',
        ],
        [
          () => ck.json('threads.add_user_message', { thread_id: thread, input: userInput('x\ud800') }),
          'params.input.content.0.text:',
        ],
        [() => ck.json('threads.get_by_id', { thread_id: 'thr_\u0000' }), 'params.thread_id:'],
        [() => ck.json('threads.list', { after: 'thr_\u0000' }), 'params.after:'],
        [() => ck.json('items.list', { thread_id: thread, after: '\u0000' }), 'params.after:'],
        [
          () =>
            ck.json('items.feedback', { thread_id: thread, item_ids: [item, 'm\u0000'], kind: 'positive' }),
          'params.item_ids.1:',
        ],
        [() => ck.json('threads.update', { thread_id: thread, title: 'a\u0000b' }), 'params.title:'],
        [
          () =>
            ck.json('threads.create', {
              input: {
                content: [
                  { type: 'input_text', text: 'add x' },
                  { type: 'input_tag', id: 't', text: 'tag', data: { k: 'v\u0000' } },
                ],
              },
            }),
          'params.input.content.1.data.k:',
        ],
        [
          () => ck.json('threads.add_client_tool_output', { thread_id: thread, result: { '\u0000': 1 } }),
          'params.result:',
        ],
      ];
      for (const [send, message] of cases) await expectRefused(send, 400, message);
      expect((await fetch(`${t.url}/health`)).status).toBe(200);
    });

    it('id formats: malformed ids are 400, well-formed unknown ids are 404, on REST chat and ChatKit', async () => {
      const rest = api(t.url, user.jwt);
      const ck = new ChatKitClient(t.url, user.jwt);
      for (const id of ['x'.repeat(65), '%F0%9F%98%80', "thr'or'1'='1", 'thr_1%20OR%201'])
        for (const path of [`/api/chat/conversations/${id}/messages`, `/api/chat/conversations/${id}`])
          await expectRefused(
            () => (path.endsWith('messages') ? rest.get(path) : rest.delete(path)),
            400,
            'id must be a conversation id such as thr_',
          );
      await expectRefused(
        () => rest.post('/api/chat', { message: 'hi', conversation_id: 'thr_../../x' }),
        400,
        'conversation_id must be a conversation id',
      );
      await expectRefused(
        () => rest.get('/api/chat/conversations/thr_0000000000000000/messages'),
        404,
        'not found',
      );
      await expectRefused(
        () => ck.json('threads.get_by_id', { thread_id: 'x'.repeat(65) }),
        400,
        'params.thread_id',
      );
      await expectRefused(
        () => ck.json('threads.get_by_id', { thread_id: 'thr_0000000000000000' }),
        404,
        'not found',
      );
    });

    it('page sizes: 1-100 on every list, the bounds named', async () => {
      const rest = api(t.url, user.jwt);
      const ck = new ChatKitClient(t.url, user.jwt);
      const thread = (await rest.post('/api/chat', { message: 'hello' })).body.conversation_id as string;
      expect((await rest.get(`/api/chat/conversations/${thread}/messages?limit=100`)).status).toBe(200);
      expect((await rest.get('/api/chat/conversations?limit=100')).status).toBe(200);
      expect((await ck.json('items.list', { thread_id: thread, limit: 100 })).status).toBe(200);
      expect((await ck.json('threads.list', { limit: 100 })).status).toBe(200);
      for (const limit of ['0', '101', '-1', '2.5', 'abc', '1e3'])
        await expectRefused(
          () => rest.get(`/api/chat/conversations/${thread}/messages?limit=${limit}`),
          400,
          'limit must be an integer from 1 to 100',
        );
      await expectRefused(
        () => rest.get('/api/chat/conversations?limit=101'),
        400,
        'limit must be an integer from 1 to 100',
      );
      for (const limit of [0, 101])
        await expectRefused(() => ck.json('threads.list', { limit }), 400, /^params\.limit: /);
    });
  });
});
