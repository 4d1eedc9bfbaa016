import { BackendBehindBalancer } from '../support/backend-process';
import { ChatKitClient, userInput } from '../support/chatkit-client';
import { EventStream } from '../support/event-stream';
import { connectHttp } from '../support/mcp-clients';
import { freePort, startTestApp, TestApp, testEnv } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

jest.setTimeout(60_000);

/** `GET /api/events`: every change of a user's tasks, from any path and any instance, live and resumable. */
describe('task events', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.url, 'Eve');
  });
  afterAll(() => t.close());

  it('streams changes made over REST, MCP and chat within a second, as REST shows the task', async () => {
    const stream = await EventStream.open(t.url, user.jwt);
    try {
      const rest = api(t.url, user.jwt);
      let started = Date.now();
      const created = (await rest.post('/api/tasks', { title: 'Water the plants', priority: 'high' })).body;
      const first = await stream.next(1_000);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(first.event).toBe('task.created');
      expect(first.id).toMatch(/^\d+$/);
      expect(first.data).toEqual({
        id: first.id,
        type: 'task.created',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        task: { ...created, created_at: created.created_at, updated_at: created.updated_at },
      });

      const mcp = await connectHttp(t.url, user.jwt);
      started = Date.now();
      await mcp.call('complete_task', { task_id: created.id });
      const done = await stream.next(1_000);
      expect({ event: done.event, completed: done.data.task.completed }).toEqual({
        event: 'task.completed',
        completed: true,
      });
      expect(Date.now() - started).toBeLessThan(1_000);
      await mcp.close();

      await new ChatKitClient(t.url, user.jwt).stream('threads.create', { input: userInput('add call mum') });
      const byChat = await stream.next(1_000);
      expect({ event: byChat.event, title: byChat.data.task.title }).toEqual({
        event: 'task.created',
        title: 'Call mum',
      });
      await rest.delete(`/api/tasks/${created.id}`);
      expect((await stream.next(1_000)).event).toBe('task.deleted');
      expect(Number(byChat.id)).toBeGreaterThan(Number(done.id)); // ids grow with time
    } finally {
      stream.close();
    }
  });

  it("never carries another user's events", async () => {
    const other = await signUp(t.url, 'Mallory');
    const mine = await EventStream.open(t.url, user.jwt);
    const theirs = await EventStream.open(t.url, other.jwt);
    try {
      await api(t.url, other.jwt).post('/api/tasks', { title: 'Their secret' });
      await theirs.next(1_000);
      await api(t.url, user.jwt).post('/api/tasks', { title: 'Mine' });
      expect((await mine.next(1_000)).data.task.title).toBe('Mine');
      expect(mine.events.map((e) => e.data.task.title)).toEqual(['Mine']);
      expect(theirs.events.map((e) => e.data.task.title)).toEqual(['Their secret']);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('resumes after Last-Event-ID: what was missed first, in order, then live, nothing twice', async () => {
    const u = await signUp(t.url, 'Rita');
    const rest = api(t.url, u.jwt);
    const stream = await EventStream.open(t.url, u.jwt);
    await rest.post('/api/tasks', { title: 'Seen' });
    const seen = await stream.next(1_000);
    stream.close();
    await rest.post('/api/tasks', { title: 'Missed one' });
    await rest.post('/api/tasks', { title: 'Missed two' });
    const resumed = await EventStream.open(t.url, u.jwt, seen.id);
    try {
      await resumed.until(() => resumed.events.length >= 2);
      await rest.post('/api/tasks', { title: 'Live' });
      await resumed.until(() => resumed.events.length >= 3);
      expect(resumed.events.map((e) => e.data.task.title)).toEqual(['Missed one', 'Missed two', 'Live']);
    } finally {
      resumed.close();
    }
    const bad = await fetch(`${t.url}/api/events`, {
      headers: { authorization: `Bearer ${u.jwt}`, 'last-event-id': 'yesterday' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toBe(
      'Last-Event-ID must be the id of an event this stream sent.',
    );
    expect((await fetch(`${t.url}/api/events`)).status).toBe(401);
  });

  it('reaches a stream on another instance within a second (PostgreSQL NOTIFY)', async () => {
    const port = await freePort();
    const other = new BackendBehindBalancer(
      { ...testEnv(port, { PUBLIC_URL: t.url }), HOST: '127.0.0.1' },
      `http://127.0.0.1:${port}`,
    );
    await other.start();
    const stream = await EventStream.open(t.url, user.jwt);
    try {
      const started = Date.now();
      const res = await api(other.url, user.jwt).post('/api/tasks', { title: 'Made elsewhere' });
      expect(res.status).toBe(201);
      const e = await stream.next(1_000);
      expect({ event: e.event, title: e.data.task.title }).toEqual({
        event: 'task.created',
        title: 'Made elsewhere',
      });
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      stream.close();
      await other.stop();
    }
  });
});
