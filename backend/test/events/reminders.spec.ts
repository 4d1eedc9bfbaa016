import { Jobs } from '../../src/jobs/jobs.service';
import { BackendBehindBalancer, BackendProcess } from '../support/backend-process';
import { EventStream, ReadEvent } from '../support/event-stream';
import { connectHttp } from '../support/mcp-clients';
import { freePort, startTestApp, TestApp, testEnv } from '../support/test-app';
import { api, signUp, TestUser } from '../support/users';

jest.setTimeout(90_000);

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const dueEvents = (events: ReadEvent[]) => events.filter((e) => e.event === 'task.due');

/**
 * Reminders: `remind_at` on REST and MCP (defaults, "before", off, repeats), and `task.due` events at that time —
 * once with two instances running, after a restart, late when its time had long passed.
 */
describe('reminders', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    user = await signUp(t.url, 'Rita');
  });
  afterAll(() => t.close());

  describe('remind_at', () => {
    it('defaults to the due time, or 09:00 on a due date without one, in the task’s zone', async () => {
      const rest = api(t.url, user.jwt);
      const timed = (
        await rest.post('/api/tasks', { title: 'Call the bank', due_at: '2030-01-15T14:30:00Z' })
      ).body;
      expect(timed.remind_at).toBe('2030-01-15T14:30:00.000Z');
      const day = (await rest.post('/api/tasks', { title: 'Pay rent', due_at: '2030-01-15' })).body;
      expect(day.remind_at).toBe('2030-01-15T09:00:00.000Z'); // the user's zone is UTC here
      const none = (await rest.post('/api/tasks', { title: 'Someday' })).body;
      expect(none.remind_at).toBeNull();
      // A due date given later brings the default reminder with it.
      expect(
        (await rest.patch(`/api/tasks/${none.id}`, { due_at: '2030-02-01T08:00:00Z' })).body.remind_at,
      ).toBe('2030-02-01T08:00:00.000Z');
    });

    it('"30 minutes before" follows the due date; an instant stays; null turns it off', async () => {
      const rest = api(t.url, user.jwt);
      const task = (
        await rest.post('/api/tasks', {
          title: 'Dentist',
          due_at: '2030-03-10T10:00:00Z',
          remind_at: '30 minutes before',
        })
      ).body;
      expect(task.remind_at).toBe('2030-03-10T09:30:00.000Z');
      const moved = (await rest.patch(`/api/tasks/${task.id}`, { due_at: '2030-03-11T15:00:00Z' })).body;
      expect(moved.remind_at).toBe('2030-03-11T14:30:00.000Z');
      const fixed = (await rest.patch(`/api/tasks/${task.id}`, { remind_at: '2030-03-09T18:00:00Z' })).body;
      expect(fixed.remind_at).toBe('2030-03-09T18:00:00.000Z');
      expect(
        (await rest.patch(`/api/tasks/${task.id}`, { due_at: '2030-03-12T15:00:00Z' })).body.remind_at,
      ).toBe('2030-03-09T18:00:00.000Z');
      const off = (await rest.patch(`/api/tasks/${task.id}`, { remind_at: null })).body;
      expect(off.remind_at).toBeNull();
      expect(
        (await rest.patch(`/api/tasks/${task.id}`, { due_at: '2030-03-13T15:00:00Z' })).body.remind_at,
      ).toBeNull();
      expect((await rest.patch(`/api/tasks/${task.id}`, { remind_at: 'default' })).body.remind_at).toBe(
        '2030-03-13T15:00:00.000Z',
      );
    });

    it('a repeating task’s next occurrence gets its own reminder', async () => {
      const rest = api(t.url, user.jwt);
      const task = (
        await rest.post('/api/tasks', {
          title: 'Water the plants',
          due_at: '2030-04-01T18:00:00Z',
          recurrence: 'daily',
          remind_at: '15 minutes before',
        })
      ).body;
      const done = (await rest.patch(`/api/tasks/${task.id}/complete`, {})).body;
      expect(done.next_occurrence).toMatchObject({
        due_at: '2030-04-02T18:00:00.000Z',
        remind_at: '2030-04-02T17:45:00.000Z',
      });
    });

    it('refuses what it cannot read, saying why', async () => {
      const rest = api(t.url, user.jwt);
      const before = await rest.post('/api/tasks', { title: 'No date', remind_at: '30 minutes before' });
      expect(before.status).toBe(400);
      expect(before.body.error.message).toContain('remind_at: a reminder "before" needs a due date');
      const words = await rest.post('/api/tasks', { title: 'Gibberish', remind_at: 'when pigs fly' });
      expect(words.status).toBe(400);
      expect(words.body.error.message).toMatch(/^remind_at: /);
      const kind = await rest.post('/api/tasks', { title: 'Number', remind_at: 5 });
      expect(kind.status).toBe(400);
      expect(JSON.stringify(kind.body)).toContain('remind_at must be a string');
    });

    it('is set and turned off over MCP too', async () => {
      const mcp = await connectHttp(t.url, user.jwt);
      try {
        const added = await mcp.call('add_task', {
          title: 'Renew passport',
          due: '2030-05-01',
          remind_at: 'none',
        });
        expect(added.isError).toBeFalsy();
        expect(added.structuredContent).toMatchObject({ reminder: 'off' });
        const id = (added.structuredContent as { task_id: number }).task_id;
        const updated = await mcp.call('update_task', { task_id: id, remind_at: '1 day before' });
        expect(updated.structuredContent).toMatchObject({ reminder: 'Tue 30 Apr 2030, 09:00' });
        expect((await api(t.url, user.jwt).get(`/api/tasks/${id}`)).body.remind_at).toBe(
          '2030-04-30T09:00:00.000Z',
        );
      } finally {
        await mcp.close();
      }
    });
  });

  it('makes a reminder job when a reminder is set or moved, none for a rename, tags or a due date it does not follow', async () => {
    const rest = api(t.url, user.jwt);
    const boss = t.app.get(Jobs).boss;
    // The jobs made for a task (oldest first), once `count` are there and a moment more has passed for any extra
    // (jobs are made after the response).
    const jobsFor = async (taskId: number, count: number): Promise<string[]> => {
      const find = async () =>
        (await boss.findJobs<{ at: string }>('task-reminders', { data: { userId: user.id, taskId } })).map(
          (j) => j.data.at,
        );
      for (let waited = 0; (await find()).length < count && waited < 5_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      return find();
    };

    const task = (
      await rest.post('/api/tasks', { title: 'Water the plants', due_at: '2031-03-01T08:00:00Z' })
    ).body;
    expect(await jobsFor(task.id, 1)).toEqual(['2031-03-01T08:00:00.000Z']);
    await rest.patch(`/api/tasks/${task.id}`, { title: 'Water the ferns' });
    await rest.patch(`/api/tasks/${task.id}`, {
      priority: 'high',
      tags: ['home'],
      description: 'both rooms',
    });
    expect(await jobsFor(task.id, 1)).toHaveLength(1);
    await rest.patch(`/api/tasks/${task.id}`, { due_at: '2031-03-02T08:00:00Z' });
    expect(await jobsFor(task.id, 2)).toEqual(['2031-03-01T08:00:00.000Z', '2031-03-02T08:00:00.000Z']);

    // A reminder at an instant stays where it is when the due date moves: no second job.
    const fixed = (
      await rest.post('/api/tasks', {
        title: 'Renew the passport',
        due_at: '2031-05-01T08:00:00Z',
        remind_at: '2031-04-01T08:00:00Z',
      })
    ).body;
    expect(await jobsFor(fixed.id, 1)).toEqual(['2031-04-01T08:00:00.000Z']);
    await rest.patch(`/api/tasks/${fixed.id}`, { due_at: '2031-05-03T08:00:00Z' });
    expect(await jobsFor(fixed.id, 1)).toHaveLength(1);
  });

  it('the first chat turn of the day in a conversation says what is overdue, later ones do not', async () => {
    const late = await signUp(t.url, 'Late');
    const rest = api(t.url, late.jwt);
    await rest.post('/api/tasks', {
      title: 'Pay rent',
      due_at: new Date(Date.now() - 86_400_000).toISOString(),
    });
    await rest.post('/api/tasks', {
      title: 'Call the bank',
      due_at: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const first = (await rest.post('/api/chat', { message: 'add buy milk' })).body;
    expect(first.response).toMatch(/^You have 2 overdue tasks\.\n\nAdded task 3/);
    const next = (
      await rest.post('/api/chat', { message: 'add walk the dog', conversation_id: first.conversation_id })
    ).body;
    expect(next.response).not.toContain('overdue');
    await rest.patch('/api/tasks/1/complete', {});
    const other = (await rest.post('/api/chat', { message: 'hello' })).body;
    expect(other.response).toMatch(/^You have 1 overdue task\./);
  });

  describe('task.due', () => {
    it('fires once at its time with two instances running, as a stream and the task show', async () => {
      const port = await freePort();
      const other = new BackendBehindBalancer(
        { ...testEnv(port, { PUBLIC_URL: t.url }), HOST: '127.0.0.1' },
        `http://127.0.0.1:${port}`,
      );
      await other.start();
      const stream = await EventStream.open(t.url, user.jwt);
      try {
        const due = inSeconds(3);
        const task = (
          await api(other.url, user.jwt).post('/api/tasks', { title: 'Take the cake out', due_at: due })
        ).body;
        let e = await stream.next(2_000);
        while (e.event !== 'task.due') e = await stream.next(10_000);
        const firedAfter = Date.now() - new Date(due).getTime();
        expect(firedAfter).toBeGreaterThanOrEqual(-50);
        expect(firedAfter).toBeLessThan(5_000);
        expect(e.data).toMatchObject({ type: 'task.due', task: { id: task.id, title: 'Take the cake out' } });
        expect(e.data.late).toBeUndefined();
        await new Promise((r) => setTimeout(r, 3_000));
        expect(dueEvents(stream.events)).toHaveLength(1);
      } finally {
        stream.close();
        await other.stop();
      }
    });

    it('fires after a restart a reminder scheduled before it; one long past fires marked late', async () => {
      const port = await freePort();
      const env = testEnv(port);
      const backend = new BackendProcess(env);
      await backend.start();
      const own = await signUp(backend.url, 'Restarted');
      const due = inSeconds(4);
      const task = (
        await api(backend.url, own.jwt).post('/api/tasks', { title: 'Feed the cat', due_at: due })
      ).body;
      expect(await backend.stop('SIGTERM')).toBe(0);
      await new Promise((r) => setTimeout(r, Math.max(0, new Date(due).getTime() - Date.now()) + 1_000));

      await backend.start();
      const stream = await EventStream.open(backend.url, own.jwt, '0'); // what fired before it connected too
      try {
        let e = await stream.next(10_000);
        while (e.event !== 'task.due') e = await stream.next(10_000);
        expect(e.data.task).toMatchObject({ id: task.id, title: 'Feed the cat' });

        // Its time long past (set now, an hour ago): fired at once, marked late.
        await api(backend.url, own.jwt).post('/api/tasks', {
          title: 'Missed call',
          due_at: '2030-01-01T00:00:00Z',
          remind_at: new Date(Date.now() - 3_600_000).toISOString(),
        });
        e = await stream.next(5_000);
        while (e.event !== 'task.due') e = await stream.next(5_000);
        expect(e.data).toMatchObject({ task: { title: 'Missed call' }, late: true });
        expect(dueEvents(stream.events)).toHaveLength(2);
      } finally {
        stream.close();
        await backend.stop();
      }
    });

    it('does not fire for a task completed, deleted or moved before its time', async () => {
      const rest = api(t.url, user.jwt);
      const stream = await EventStream.open(t.url, user.jwt);
      try {
        const a = (await rest.post('/api/tasks', { title: 'Done early', due_at: inSeconds(2) })).body;
        const b = (await rest.post('/api/tasks', { title: 'Deleted', due_at: inSeconds(2) })).body;
        const c = (await rest.post('/api/tasks', { title: 'Moved', due_at: inSeconds(2) })).body;
        await rest.patch(`/api/tasks/${a.id}/complete`, {});
        await rest.delete(`/api/tasks/${b.id}`);
        await rest.patch(`/api/tasks/${c.id}`, { due_at: '2031-01-01T10:00:00Z' });
        await new Promise((r) => setTimeout(r, 4_000));
        expect(dueEvents(stream.events)).toEqual([]);
      } finally {
        stream.close();
      }
    });
  });
});
