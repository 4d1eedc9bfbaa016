import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendBehindBalancer, BackendProcess } from '../support/backend-process';
import { ChatKitClient, streamProblems, userInput } from '../support/chatkit-client';
import { freePort, testDatabaseUrl } from '../support/test-app';
import { TEST_AUTH_SECRET } from '../support/test-database';
import { api, signUp, TestUser } from '../support/users';

/**
 * The backend is stateless: a ChatKit conversation continues after a restart of the built backend, and on a
 * second backend process sharing the database (no sticky sessions, nothing kept in memory between requests).
 */
describe('ChatKit conversations across restarts and processes', () => {
  let dataDir: string;
  let first: BackendProcess;
  let second: BackendProcess;
  let user: TestUser;
  let threadId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'todo-chatkit-restart-'));
    const [portA, portB] = [await freePort(), await freePort()];
    const env = (port: number): Record<string, string> => ({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${portA}`, // one public URL for both, as behind a load balancer
      DATABASE_URL: testDatabaseUrl(),
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      WEB_CONCURRENCY: '1', // one process per instance: the test is about two instances
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
    });
    first = new BackendBehindBalancer(env(portA), `http://127.0.0.1:${portA}`);
    second = new BackendBehindBalancer(env(portB), `http://127.0.0.1:${portB}`);
  });

  afterAll(async () => {
    await first.stop('SIGKILL');
    await second.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(ck: ChatKitClient, type: string, params: unknown) {
    const res = await ck.stream(type, params);
    expect(res.error).toBeUndefined();
    expect(streamProblems(res.events)).toEqual([]);
    return res.events;
  }

  it('continues a conversation after a graceful restart', async () => {
    await first.start();
    user = await signUp(first.url, 'Restart');
    const ck = new ChatKitClient(first.url, user.jwt);
    const created = await send(ck, 'threads.create', { input: userInput('add buy milk') });
    threadId = created[0].thread.id;

    expect(await first.stop('SIGTERM')).toBe(0);
    await first.start();

    const listed = await send(ck, 'threads.add_user_message', {
      thread_id: threadId,
      input: userInput('show my tasks'),
    });
    const widget = listed.find((e) => e.type === 'thread.item.done' && e.item.type === 'widget')?.item;
    expect(widget.widget.children.map((r: any) => r.key)).toEqual(['task-1']);
    const thread = await ck.json('threads.get_by_id', { thread_id: threadId });
    expect(thread.body.title).toBe('Add buy milk');
    expect(thread.body.items.data.map((i: any) => i.type)).toEqual([
      'user_message',
      'workflow',
      'widget',
      'assistant_message',
      'user_message',
      'workflow',
      'widget',
      'assistant_message',
    ]);
  }, 120_000);

  it('continues the same conversation on a second process sharing the database', async () => {
    await second.start();
    const a = new ChatKitClient(first.url, user.jwt);
    const b = new ChatKitClient(second.url, user.jwt);
    const onFirst = (await a.json('threads.get_by_id', { thread_id: threadId })).body;
    expect((await b.json('threads.get_by_id', { thread_id: threadId })).body).toEqual(onFirst);

    const widget = onFirst.items.data.find((i: any) => i.type === 'widget' && i.widget.type === 'ListView');
    const acted = await send(b, 'threads.custom_action', {
      thread_id: threadId,
      item_id: widget.id,
      action: { type: 'task.complete', payload: { task_id: 1 } },
    });
    expect(acted.map((e) => e.type)).toEqual(['stream_options', 'thread.item.replaced', 'client_effect']);
    await send(b, 'threads.add_user_message', { thread_id: threadId, input: userInput('add walk the dog') });

    // Back on the first process: everything the second one did is there.
    const items = (await a.json('items.list', { thread_id: threadId, order: 'asc' })).body.data;
    expect(items).toHaveLength(12); // 8 before, then the message, its progress, the Undo bar and the answer
    expect(items.at(-1).content[0].text).toContain('Walk the dog');
    expect(JSON.stringify(items.find((i: any) => i.id === widget.id).widget)).toContain('"lineThrough":true');
    expect((await api(first.url, user.jwt).get('/api/tasks')).body.data).toMatchObject([
      { id: 1, title: 'Buy milk', completed: true },
      { id: 2, title: 'Walk the dog', completed: false },
    ]);
    expect((await api(second.url, user.jwt).get('/api/chat/conversations')).body.data).toEqual([
      expect.objectContaining({ id: threadId, title: 'Add buy milk' }),
    ]);
  }, 120_000);
});
